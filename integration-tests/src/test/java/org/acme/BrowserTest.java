package org.acme;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

import io.quarkus.test.junit.QuarkusTest;

/**
 * What a user sees, in a real headless Chromium against the running demo application.
 */
@QuarkusTest
class BrowserTest extends BrowserTestBase {

    @Test
    void clickingPlusTwiceCountsTwo() {
        Page page = open("/counter");
        assertThat(page.locator("h2")).hasText("Count: 0");
        page.getByText("+", new Page.GetByTextOptions().setExact(true)).click();
        assertThat(page.locator("h2")).hasText("Count: 1");
        page.getByText("+", new Page.GetByTextOptions().setExact(true)).click();
        assertThat(page.locator("h2")).hasText("Count: 2");
        page.getByText("+10").click();
        assertThat(page.locator("h2")).hasText("Count: 12");
        assertNoReload(page);
    }

    @Test
    void twoTabsHaveTheirOwnCount() {
        Page first = open("/counter");
        Page second = open("/counter");
        Locator plusOnFirst = first.getByText("+", new Page.GetByTextOptions().setExact(true));
        plusOnFirst.click();
        assertThat(first.locator("h2")).hasText("Count: 1");
        plusOnFirst.click();
        assertThat(first.locator("h2")).hasText("Count: 2");
        second.getByText("-", new Page.GetByTextOptions().setExact(true)).click();
        assertThat(second.locator("h2")).hasText("Count: -1");
        assertThat(first.locator("h2")).hasText("Count: 2");
    }

    @Test
    void anEmbeddedComponentStartsFromItsProps() {
        Page page = open("/");
        Locator counter = page.locator("[data-live-component=Counter]");
        assertThat(counter.locator("h2")).hasText("Count: 5");
        counter.getByText("+", new Locator.GetByTextOptions().setExact(true)).click();
        assertThat(counter.locator("h2")).hasText("Count: 6");
        assertThat(page.locator("h1")).hasText("Quarkus Live demo");
        assertNoReload(page);
    }

    @Test
    void todosAreAddedToggledAndRemoved() {
        Page page = open("/todos");
        Locator input = page.locator("input[name=text]");
        input.fill("Buy milk");
        input.press("Enter");
        assertThat(page.locator("li")).hasCount(1);
        assertThat(input).hasValue("");
        input.fill("Bake bread");
        page.getByText("Add").click();
        assertThat(page.locator("li")).hasCount(2);
        assertThat(page.locator("li span")).hasText(new String[] { "Buy milk", "Bake bread" });
        assertThat(page.locator("h2 small")).hasText("2 left");

        page.locator("li", new Page.LocatorOptions().setHasText("Buy milk")).locator("input[type=checkbox]").check();
        assertThat(page.locator("li", new Page.LocatorOptions().setHasText("Buy milk")))
                .hasClass(Pattern.compile("\\bdone\\b"));
        assertThat(page.locator("h2 small")).hasText("1 left");

        page.locator("li", new Page.LocatorOptions().setHasText("Bake bread")).getByText("Remove").click();
        assertThat(page.locator("li")).hasCount(1);
        assertThat(page.locator("li span")).hasText("Buy milk");
        assertThat(page.locator("li input[type=checkbox]")).isChecked();
        assertNoReload(page);
    }

    @Test
    void typingIsNotDisturbedByReRenders() {
        Page page = open("/greeter");
        Locator input = page.locator("input[name=name]");
        input.click();
        // Every keystroke sends an event and every reply re-renders the input with the value the server saw then
        String typed = "Quarkus Live keeps every keystroke";
        page.keyboard().type(typed, new com.microsoft.playwright.Keyboard.TypeOptions().setDelay(15));
        assertThat(page.locator(".greeting")).hasText("Hello " + typed + "!");
        assertThat(input).hasValue(typed);
        assertThat(input).isFocused();
        assertEquals(typed.length(), ((Number) input.evaluate("el => el.selectionStart")).intValue(),
                "the caret stays at the end of what was typed");
        assertNoReload(page);
    }

    @Test
    void withoutJavaScriptThePageShowsTheCurrentState() {
        BrowserContext noScript = browser.chromium.newContext(new com.microsoft.playwright.Browser.NewContextOptions()
                .setJavaScriptEnabled(false));
        try {
            Page page = noScript.newPage();
            page.navigate(base + "counter");
            assertThat(page.locator("h2")).hasText("Count: 0");
            assertThat(page.locator("[data-live-component=Counter]")).not().hasClass(Pattern.compile("live-connected"));
        } finally {
            noScript.close();
        }
    }
}
