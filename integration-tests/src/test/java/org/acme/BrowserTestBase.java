package org.acme;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URL;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;

import io.quarkus.test.common.http.TestHTTPResource;

/**
 * What every browser test shares: one headless Chromium per test class, a fresh context (cookies, storage) per test in
 * English, and pages opened once their components have joined.
 */
abstract class BrowserTestBase {

    static Browser browser;

    @TestHTTPResource("/")
    URL base;

    BrowserContext context;

    @BeforeAll
    static void launch() {
        // Assertions wait for their condition up to 10 s rather than Playwright's 5: CI machines share 2 cores with the
        // server, the browser and the build, and a page that is right later is still right
        PlaywrightAssertions.setDefaultAssertionTimeout(10_000);
        browser = new Browser();
    }

    @AfterAll
    static void shutdown() {
        browser.close();
    }

    @BeforeEach
    void newContext() {
        context = anotherUser();
    }

    /** A browser context of its own (cookies, storage), in English: another user. The caller closes it. */
    static BrowserContext anotherUser() {
        return browser.chromium.newContext(new com.microsoft.playwright.Browser.NewContextOptions()
                .setLocale("en-US"));
    }

    @AfterEach
    void closeContext() {
        context.close();
    }

    /** Opens a page and waits until its components have joined. */
    Page open(String path) {
        return open(context, path);
    }

    /** Opens a page in the given context and waits until its components have joined. */
    Page open(BrowserContext in, String path) {
        Page page = in.newPage();
        // The runtime warns in the console about every error answer: in the test's output, a failure explains itself
        // (validation answers, which the tests cause on purpose, left out)
        page.onConsoleMessage(message -> {
            if (!"log".equals(message.type()) && !message.text().contains("code: invalid")) {
                System.out.printf("[browser %s] %s: %s%n", path, message.type(), message.text());
            }
        });
        page.navigate(base + path.substring(1));
        page.locator("[data-live-id]").first().waitFor();
        assertThat(page.locator("[data-live-id]:not(.live-connected)")).hasCount(0);
        // A marker that a full page load would wipe out
        page.evaluate("window.liveMarker = 'still here'");
        return page;
    }

    static void assertNoReload(Page page) {
        assertEquals("still here", page.evaluate("window.liveMarker"), "the page reloaded");
    }
}
