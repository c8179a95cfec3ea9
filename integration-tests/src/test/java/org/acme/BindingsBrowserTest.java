package org.acme;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Keyboard;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.Position;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Event names and modifiers (issue 3), in a real headless Chromium against the demo pages /search, /dropdown,
 * /keys, /echo and /slow-form. What the server handled is rendered on the page (counts, logs), so the tests assert
 * what reached the server without sleeping.
 */
@QuarkusTest
class BindingsBrowserTest extends BrowserTestBase {

    private static Keyboard.TypeOptions delay(double millis) {
        return new Keyboard.TypeOptions().setDelay(millis);
    }

    /** The log of the /keys page: the hits the server received, in order. */
    private static void assertLog(Page page, String... entries) {
        assertThat(page.locator(".log li")).hasText(entries);
    }

    @Test
    void debounceSendsOneSearchForABurstOfTyping() {
        Page page = open("/search");
        assertThat(page.locator(".count")).hasText("30");
        page.locator("input[name=q]").click();
        // 30 ms between keystrokes: far from the 300 ms pause that debounce waits for
        page.keyboard().type("berry", delay(30));
        Locator matches = page.locator(".matches li");
        assertThat(matches).hasText(new String[] { "Blackberry", "Blueberry", "Cranberry", "Elderberry", "Gooseberry",
                "Raspberry" });
        // The same render that shows the matches counts the searches the server handled
        assertEquals("1", page.locator(".searches").textContent(), "one search event for the burst");
        assertThat(page.locator(".count")).hasText("6");
        assertThat(page.locator("input[name=q]")).hasValue("berry");

        // A pause, then more typing: a second search
        page.keyboard().press("Control+A");
        page.keyboard().type("ap", delay(30));
        assertThat(matches).hasText(new String[] { "Apple", "Apricot", "Grape", "Grapefruit", "Papaya", "Pineapple" });
        assertEquals("2", page.locator(".searches").textContent());
        assertNoReload(page);
    }

    @Test
    void throttleCapsTheRateAndSendsTheLastValue() {
        Page page = open("/search");
        page.locator(".preview-input").click();
        String typed = "throttled typing";
        long start = System.nanoTime();
        page.keyboard().type(typed, delay(20));
        long millis = (System.nanoTime() - start) / 1_000_000;
        // The trailing event carries the last value
        assertThat(page.locator(".preview")).hasText(typed);
        int previews = Integer.parseInt(page.locator(".previews").textContent());
        // One at once, then at most one per 200 ms period, and the trailing one
        assertTrue(previews <= 2 + millis / 200, previews + " previews for " + millis + " ms of typing");
        assertTrue(previews < typed.length(), previews + " previews for " + typed.length() + " keystrokes");
        assertTrue(previews >= 2, "the first keystroke went at once, the last one at the end: " + previews);
    }

    @Test
    void enterFiresOnlyOnEnter() {
        Page page = open("/keys");
        Locator input = page.locator("input.enter");
        input.click();
        page.keyboard().type("ab c");
        page.keyboard().press("Shift+Enter");
        page.keyboard().press("Tab");
        input.click();
        page.keyboard().press("Enter");
        assertLog(page, "enter");
        assertThat(input).hasValue("ab c");
    }

    @Test
    void keyCombinationsMatchExactly() {
        Page page = open("/keys");
        Locator input = page.locator("input.combo");
        input.click();
        page.keyboard().press("Enter"); // neither ctrl nor shift: no binding
        page.keyboard().press("Control+Enter");
        page.keyboard().press("Control+Shift+Enter"); // both: no binding names both
        page.keyboard().press("Shift+Enter");
        page.keyboard().press("Escape");
        page.keyboard().press("ArrowUp");
        page.keyboard().press("ArrowDown");
        page.keyboard().type("a b");
        assertLog(page, "ctrl+enter", "shift+enter", "escape", "up", "down", "space");
        assertThat(input).hasValue("ab"); // @keydown.space.prevent: no space typed
    }

    @Test
    void clicksBubbleUnlessStopped() {
        Page page = open("/keys");
        page.locator("button.plain").click();
        assertLog(page, "plain", "outer");
        page.locator("button.stopped").click();
        page.locator("button.once").click();
        assertLog(page, "plain", "outer", "stopped", "once");
    }

    @Test
    void selfFiresOnlyForTheElementItself() {
        Page page = open("/keys");
        page.locator("button.child").click();
        page.locator("div.self").click(new Locator.ClickOptions().setPosition(new Position(4, 4)));
        page.locator("button.once").click();
        assertLog(page, "self", "once");
    }

    @Test
    void captureBindingsFireFirst() {
        Page page = open("/keys");
        page.locator("div.capture button").click();
        assertLog(page, "capture", "target");
    }

    @Test
    void onceFiresOnce() {
        Page page = open("/keys");
        Locator once = page.locator("button.once");
        once.click();
        assertLog(page, "once");
        once.click();
        once.click();
        page.locator("button.plain").click();
        assertLog(page, "once", "plain", "outer");
    }

    @Test
    void preventStopsNavigation() {
        Page page = open("/keys");
        page.locator("a.prevented span").click();
        assertLog(page, "prevented");
        assertEquals("", page.evaluate("location.hash"), "the prevented link was not followed");
        // Without .prevent the same kind of link is followed: the assertion above can fail
        page.locator("a.followed span").click();
        assertLog(page, "prevented", "followed");
        assertEquals("#followed", page.evaluate("location.hash"));
        assertNoReload(page);
    }

    @Test
    void otherEventNamesWork() {
        Page page = open("/keys");
        page.locator("button.dbl").dblclick();
        assertLog(page, "dblclick");
        page.locator("input.focus").click();
        assertLog(page, "dblclick", "focus");
        page.locator("button.once").click();
        assertLog(page, "dblclick", "focus", "blur", "once");
    }

    @Test
    void aClickOutsideClosesTheDropdownAndOneInsideDoesNot() {
        Page page = open("/dropdown");
        Locator menu = page.locator("ul.menu");
        assertThat(menu).hasCount(0);
        page.locator("button.toggle").click();
        assertThat(menu).isVisible();
        assertThat(page.locator(".events")).hasText("1");
        // Inside: nothing is sent
        page.locator(".menu-title").click();
        page.getByText("Banana").click();
        assertThat(page.locator(".chosen")).hasText("Banana");
        assertEquals("2", page.locator(".events").textContent(), "the click inside the menu sent nothing");
        assertThat(menu).hasCount(0);

        page.locator("button.toggle").click();
        assertThat(menu).isVisible();
        page.locator(".elsewhere").click();
        assertThat(menu).hasCount(0);
        assertThat(page.locator(".events")).hasText("4");
        assertNoReload(page);
    }

    @Test
    void escapeAnywhereClosesTheDropdown() {
        Page page = open("/dropdown");
        Locator menu = page.locator("ul.menu");
        page.locator("button.toggle").click();
        assertThat(menu).isVisible();
        // Focus is on the page, not in the menu: .window hears it
        page.keyboard().press("Escape");
        assertThat(menu).hasCount(0);
        assertThat(page.locator(".events")).hasText("2");
    }

    @Test
    void typingFastWhileRepliesArriveLosesNoCharacter() {
        Page page = open("/echo");
        Locator input = page.locator("input[name=text]");
        input.click();
        // Every few milliseconds, what the field shows; it must only ever grow
        page.evaluate("() => { const i = document.querySelector('input[name=text]'); window.seen = [];"
                + " setInterval(() => { if (window.seen.at(-1) !== i.value) window.seen.push(i.value); }, 2); }");
        String typed = "every keystroke counts";
        page.keyboard().type(typed, delay(10));
        // Leave the field while most answers (80 ms each, one after the other) are still to come
        page.locator("input.other").click();
        assertThat(page.locator(".handled")).hasText(String.valueOf(typed.length()));
        assertThat(page.locator(".echoed")).hasText(typed);
        assertThat(input).hasValue(typed);
        assertEquals(Boolean.TRUE, page.evaluate("window.seen.every((v, i) => i === 0 || v.startsWith(window.seen[i - 1]))"),
                () -> "the field went back at some point: " + page.evaluate("window.seen"));
        assertNoReload(page);
    }

    @Test
    void aSubmitInFlightDisablesTheFormAndSendsTheWaitingDraftFirst() {
        Page page = open("/slow-form");
        Locator title = page.locator("input[name=title]");
        Locator save = page.locator("button[type=submit]");
        title.click();
        page.keyboard().type("Plan");
        // Within the two seconds the draft waits: the submit sends it first
        page.keyboard().press("Enter");
        assertThat(save).isDisabled();
        assertThat(save).hasText("Saving…");
        assertThat(title).hasJSProperty("readOnly", true);
        assertThat(page.locator(".log li")).hasText(new String[] { "draft Plan", "saved Plan" });
        assertThat(save).isEnabled();
        assertThat(save).hasText("Save");
        assertThat(title).hasJSProperty("readOnly", false);
        assertThat(title).hasValue("");
        assertThat(title).isFocused();
        assertNoReload(page);
    }
}
