package org.acme;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

import io.quarkus.test.junit.QuarkusTest;

/**
 * A hundred random updates (rows inserted, removed, moved, renamed, toggled, keyed and unkeyed) reach headless Chromium
 * as edits of the HTML it holds: afterwards the page shows exactly what a fresh full render of the same state shows,
 * and the field the user typed in kept its focus, text and caret throughout.
 */
@QuarkusTest
class RandomUpdatesBrowserTest extends BrowserTestBase {

    /** The component's root as markup, without what differs between two renders of the same state. */
    private static final String NORMALIZED = """
            root => {
              const copy = root.cloneNode(true);
              for (const a of ['data-live-id', 'data-live-mount']) copy.removeAttribute(a);
              copy.classList.remove('live-connected', 'live-loading');
              if (!copy.classList.length) copy.removeAttribute('class');
              return copy.outerHTML;
            }""";

    @Test
    void aHundredRandomUpdatesLeaveThePageAsAFreshRenderWouldShowIt() {
        Page page = open("/random-rows");
        Locator note = page.getByLabel("Note");
        note.click();
        note.pressSequentially("typed here");
        note.press("ArrowLeft");
        int first = Integer.parseInt(page.locator(".steps").textContent());
        for (int step = 1; step <= 100; step++) {
            note.press("Enter");
            assertThat(page.locator(".steps")).hasText(String.valueOf(first + step));
        }

        assertEquals("typed here", note.inputValue());
        assertEquals(true, note.evaluate("el => el === document.activeElement"));
        assertEquals(9, note.evaluate("el => el.selectionStart"), "the caret stayed where it was");

        Page fresh = open(anotherUser(), "/random-rows");
        assertEquals(fresh.locator("section.random-rows").evaluate(NORMALIZED),
                page.locator("section.random-rows").evaluate(NORMALIZED));
        fresh.context().close();
    }
}
