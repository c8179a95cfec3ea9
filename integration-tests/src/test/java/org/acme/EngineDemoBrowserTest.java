package org.acme;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.UUID;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The demo pages that need more of the engine than plain event-loop handlers: handlers that use a database
 * ({@code @Transactional}, so on a worker thread with the request context active), a component mounted by another
 * component's template that keeps its state while its parent renders again, and a component that htmx inserts into a
 * page after the runtime started.
 */
@QuarkusTest
class EngineDemoBrowserTest extends BrowserTestBase {

    private static final Pattern CONNECTED = Pattern.compile("\\blive-connected\\b");

    // --- Guest book: Hibernate ORM in @Transactional handlers -------------------------------------------------------

    @Test
    void guestBookShowsMessagesNextToTheFields() {
        Page page = open("/guestbook");
        // onMount() has read the database
        assertThat(page.getByText("Loading the entries")).hasCount(0);

        page.getByText("Sign", new Page.GetByTextOptions().setExact(true)).click();
        assertThat(page.locator("#error-name")).hasText("must not be blank");
        assertThat(page.locator("#error-message")).hasText("must not be blank");

        page.getByLabel("Name").fill("Ada");
        page.getByLabel("Message").fill("x".repeat(281));
        page.getByText("Sign", new Page.GetByTextOptions().setExact(true)).click();
        assertThat(page.locator("#error-message")).hasText("size must be between 0 and 280");
        assertThat(page.locator("#error-name")).hasText("");
        // Nothing was stored, and what the user typed is still there
        assertThat(page.locator(".entries li", new Page.LocatorOptions().setHasText("x".repeat(281)))).hasCount(0);
        assertThat(page.getByLabel("Name")).hasValue("Ada");
        assertNoReload(page);
    }

    @Test
    void aSignatureIsStoredAndShownToLaterVisitors() {
        String message = "Hello from a browser test " + UUID.randomUUID();
        Page page = open("/guestbook");
        page.getByLabel("Name").fill("Grace");
        page.getByLabel("Message").fill(message);
        page.getByText("Sign", new Page.GetByTextOptions().setExact(true)).click();

        Locator mine = page.locator(".entries li", new Page.LocatorOptions().setHasText(message));
        assertThat(mine).hasCount(1);
        assertThat(mine.locator(".entry-name")).hasText("Grace");
        // Newest first
        assertThat(page.locator(".entries li").first().locator(".entry-message")).hasText(message);
        assertThat(page.locator(".error")).hasText(new String[] { "", "" });
        // The form is ready for the next signature
        assertThat(page.getByLabel("Message")).hasValue("");
        assertNoReload(page);

        // Another visitor, in a browser session of their own, reads it from the database when their page joins
        BrowserContext other = browser.chromium.newContext(new com.microsoft.playwright.Browser.NewContextOptions()
                .setLocale("en-US"));
        try {
            Page later = other.newPage();
            later.navigate(base + "guestbook");
            assertThat(later.locator("[data-live-component=GuestBook]")).hasClass(CONNECTED);
            Locator theirs = later.locator(".entries li", new Page.LocatorOptions().setHasText(message));
            assertThat(theirs).hasCount(1);
            assertThat(theirs.locator(".entry-name")).hasText("Grace");
        } finally {
            other.close();
        }
    }

    // --- Panel: a child component mounted by its parent's template --------------------------------------------------

    @Test
    void aChildKeepsItsStateWhileItsParentRendersAgain() {
        Page page = open("/panel");
        Locator renders = page.locator(".renders");
        Locator tally = page.locator("[data-live-component=Tally]");
        assertThat(tally).hasCount(0);

        page.locator("button.touch").click();
        assertThat(renders).hasText("1");

        page.locator("button.toggle").click();
        assertThat(tally).hasCount(1);
        assertThat(tally).hasClass(CONNECTED);
        assertThat(tally.locator(".tally-count")).hasText("0");
        Locator plus = tally.getByText("+", new Locator.GetByTextOptions().setExact(true));
        plus.click();
        assertThat(tally.locator(".tally-count")).hasText("1");
        plus.click();
        assertThat(tally.locator(".tally-count")).hasText("2");

        // The parent renders again, twice: the child is not mounted anew
        page.locator("button.touch").click();
        assertThat(renders).hasText("2");
        page.locator("button.touch").click();
        assertThat(renders).hasText("3");
        assertThat(tally.locator(".tally-count")).hasText("2");
        assertThat(tally).hasClass(CONNECTED);
        plus.click();
        assertThat(tally.locator(".tally-count")).hasText("3");
        String firstId = tally.getAttribute("data-live-id");

        // Hidden and shown again: a fresh child
        page.locator("button.toggle").click();
        assertThat(tally).hasCount(0);
        page.locator("button.toggle").click();
        assertThat(tally).hasCount(1);
        assertThat(tally.locator(".tally-count")).hasText("0");
        assertThat(tally).hasClass(CONNECTED);
        assertNotEquals(firstId, tally.getAttribute("data-live-id"), "a new mount, not the old tally");
        plus.click();
        assertThat(tally.locator(".tally-count")).hasText("1");
        assertThat(renders).hasText("3");
        assertNoReload(page);
    }

    // --- htmx: components that arrive in a page after it loaded -----------------------------------------------------

    @Test
    void aTallyInsertedByHtmxGoesLive() {
        // Not open(): the page has no live component until htmx brings one
        Page page = context.newPage();
        page.navigate(base + "htmx");
        page.waitForFunction("() => window.htmx !== undefined");
        page.evaluate("window.liveMarker = 'still here'");
        Locator tally = page.locator("#slot [data-live-component=Tally]");
        Locator plus = tally.getByText("+", new Locator.GetByTextOptions().setExact(true));

        page.getByText("Load a tally").click();
        assertThat(tally).hasCount(1);
        assertThat(tally).hasClass(CONNECTED);
        plus.click();
        assertThat(tally.locator(".tally-count")).hasText("1");
        plus.click();
        assertThat(tally.locator(".tally-count")).hasText("2");
        String firstId = tally.getAttribute("data-live-id");

        // A second fragment replaces the first, once the runtime is already running on the page
        page.getByText("Load a tally").click();
        assertThat(tally).not().hasAttribute("data-live-id", firstId);
        assertThat(tally).hasCount(1);
        assertThat(tally.locator(".tally-count")).hasText("0");
        assertThat(tally).hasClass(CONNECTED);
        plus.click();
        assertThat(tally.locator(".tally-count")).hasText("1");
        assertNoReload(page);
    }
}
