package org.acme;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The demo's counter, todo list and signup form in Chromium with JavaScript turned off: forms and buttons post to the
 * component, the page comes back with the component changed, and validation messages stand next to their fields.
 */
@QuarkusTest
class NoScriptBrowserTest extends BrowserTestBase {

    private Page openWithoutJavaScript(String path) {
        BrowserContext noScript = browser.chromium.newContext(new com.microsoft.playwright.Browser.NewContextOptions()
                .setLocale("en-US").setJavaScriptEnabled(false));
        context.close();
        context = noScript;
        Page page = context.newPage();
        page.navigate(base + path.substring(1));
        return page;
    }

    @Test
    void theCounter() {
        Page page = openWithoutJavaScript("/counter");
        Locator plus = page.getByText("+", new Page.GetByTextOptions().setExact(true));
        plus.click();
        assertThat(page.locator("h2")).hasText("Count: 1");
        page.getByText("+", new Page.GetByTextOptions().setExact(true)).click();
        assertThat(page.locator("h2")).hasText("Count: 2");
    }

    @Test
    void theTodoFlow() {
        Page page = openWithoutJavaScript("/todos");
        Locator input = page.getByLabel("New todo");
        input.fill("Milk");
        input.press("Enter");
        assertThat(page.locator("li span")).hasText("Milk");
        page.getByLabel("New todo").fill("Bread");
        page.getByText("Add", new Page.GetByTextOptions().setExact(true)).click();
        assertThat(page.locator("li span")).hasText(new String[] { "Milk", "Bread" });
        assertThat(page.locator("h2 small")).hasText("2 left");
        page.locator("li", new Page.LocatorOptions().setHasText("Milk")).getByText("Remove").click();
        assertThat(page.locator("li span")).hasText(new String[] { "Bread" });
        assertThat(page).hasURL(Pattern.compile(".*/todos$"));
    }

    @Test
    void theSignupFormWithItsValidationMessages() {
        Page page = openWithoutJavaScript("/signup");
        page.getByLabel("Name").fill("Ada");
        page.getByLabel("Email").fill("not an email");
        page.getByText("Sign up", new Page.GetByTextOptions().setExact(true)).last().click();
        assertThat(page.locator("#error-email")).not().isEmpty();
        assertThat(page.locator("#error-terms")).not().isEmpty();
        // A value that does not convert comes back with the others' messages too, not as an error page
        assertThat(page.locator("#error-age")).hasText("must not be empty");
        assertThat(page.locator(".welcome")).hasCount(0);

        page.getByLabel("Name").fill("Ada");
        page.getByLabel("Email").fill("ada@example.com");
        page.getByLabel("Age").fill("36");
        page.getByLabel("Plan").selectOption("PRO");
        page.getByLabel("I accept the terms").check();
        page.getByText("Sign up", new Page.GetByTextOptions().setExact(true)).last().click();
        assertThat(page.locator(".welcome")).hasText("Welcome, Ada! You chose the PRO plan.");
        assertThat(page.locator("#error-email")).isEmpty();
    }
}
