package org.acme;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Page;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The signup demo in headless Chromium: every message next to its field after one submit, live while typing for touched
 * fields only, and a valid submit without a reload.
 */
@QuarkusTest
class SignupBrowserTest extends BrowserTestBase {

    private Page page;

    @BeforeEach
    void openSignup() {
        page = open("/signup");
    }

    @Test
    void invalidSubmitShowsMessagesNextToTheFields() {
        page.locator("input[name=email]").fill("not an email");
        page.locator("input[name=age]").fill("12");
        page.locator("button[type=submit]").click();

        assertThat(page.locator("#error-name")).hasText("must not be blank");
        assertThat(page.locator("#error-email")).hasText("must be a well-formed email address");
        assertThat(page.locator("#error-age")).hasText("must be greater than or equal to 18");
        assertThat(page.locator("#error-plan")).hasText("must not be null");
        assertThat(page.locator("#error-terms")).hasText("please accept the terms");
        assertThat(page.locator(".saves")).hasText("0 saved");
        // What the user typed is still there
        assertThat(page.locator("input[name=email]")).hasValue("not an email");
        assertNoReload(page);
    }

    @Test
    void oneSubmitShowsEveryMessageEvenWhenAValueIsNoNumber() {
        page.locator("button[type=submit]").click();
        assertThat(page.locator(".error")).hasText(new String[] { "must not be blank", "must not be blank",
                "must not be empty", "must not be null", "please accept the terms" });

        page.locator("input[name=age]").fill("abc");
        page.locator("button[type=submit]").click();
        assertThat(page.locator("#error-age")).hasText("must be a number");
        assertThat(page.locator(".error")).hasText(new String[] { "must not be blank", "must not be blank",
                "must be a number", "must not be null", "please accept the terms" });
        assertThat(page.locator(".saves")).hasText("0 saved");
        assertNoReload(page);
    }

    @Test
    void whileTypingOnlyTouchedFieldsShowTheirMessages() {
        page.locator("input[name=email]").pressSequentially("ada@", new com.microsoft.playwright.Locator.PressSequentiallyOptions().setDelay(20));
        assertThat(page.locator("#error-email")).hasText("must be a well-formed email address");
        assertThat(page.locator("#error-name")).hasText("");
        page.locator("input[name=email]").pressSequentially("example.org");
        assertThat(page.locator("#error-email")).hasText("");
        assertThat(page.locator("#error-name")).hasText("");
    }

    @Test
    void aValidSubmitSavesWithoutReload() {
        page.locator("input[name=name]").fill("Ada");
        page.locator("input[name=email]").fill("ada@example.org");
        page.locator("input[name=age]").fill("36");
        page.locator("select[name=plan]").selectOption("PRO");
        page.locator("input[name=terms]").check();
        page.locator("button[type=submit]").click();

        assertThat(page.locator(".welcome")).hasText("Welcome, Ada! You chose the PRO plan.");
        assertThat(page.locator(".saves")).hasText("1 saved");
        assertThat(page.locator(".error")).hasText(new String[] { "", "", "", "", "" });
        assertNoReload(page);
    }
}
