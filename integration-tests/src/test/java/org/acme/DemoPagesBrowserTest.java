package org.acme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.LoadState;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Every demo page as a browser loads it: styled by the demo's stylesheet, with no request that fails, none that leaves
 * the application and no error in the console.
 */
@QuarkusTest
class DemoPagesBrowserTest extends BrowserTestBase {

    @ParameterizedTest
    @ValueSource(strings = { "/", "/counter", "/todos", "/greeter", "/signup", "/search", "/dropdown", "/keys", "/echo",
            "/slow-form", "/guestbook", "/chat", "/dashboard", "/panel", "/htmx" })
    void pageLoadsStyledAndSelfContained(String path) {
        List<String> failed = new CopyOnWriteArrayList<>();
        List<String> elsewhere = new CopyOnWriteArrayList<>();
        List<String> errors = new CopyOnWriteArrayList<>();
        Page page = context.newPage();
        // Also what pages do not report as responses, such as a missing favicon
        page.onConsoleMessage(message -> {
            if (message.type().equals("error")) {
                errors.add(message.text());
            }
        });
        page.onResponse(response -> {
            if (response.status() >= 400) {
                failed.add(response.status() + " " + response.url());
            }
        });
        page.onRequest(request -> {
            URI url = URI.create(request.url());
            if (url.getHost() != null && !url.getHost().equals(base.getHost())) {
                elsewhere.add(request.url());
            }
        });
        page.navigate(base + path.substring(1));
        page.waitForLoadState(LoadState.NETWORKIDLE);

        assertEquals(List.of(), failed, "requests that failed");
        assertEquals(List.of(), elsewhere, "requests to other hosts");
        assertEquals(List.of(), errors, "errors in the console");
        assertEquals("rgb(244, 246, 250)", page.evaluate("getComputedStyle(document.body).backgroundColor"),
                "the demo's stylesheet applies");
        assertTrue(page.title().contains("Quarkus Live demo"), page.title());
    }
}
