package org.acme;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The dashboard: samples a scheduled job shares reach an open page without a click, the day each user picks stays
 * theirs, and Refresh in one browser changes every other open dashboard. The job keeps running, so no test relies on a
 * metric's value, only on its changing.
 */
@QuarkusTest
class DashboardBrowserTest extends BrowserTestBase {

    /** A sample is taken every second; a few seconds leave room for a busy machine. */
    private static final double PUSHED_WITHIN_MS = 5_000;

    private static LocatorAssertions.HasTextOptions within() {
        return new LocatorAssertions.HasTextOptions().setTimeout(PUSHED_WITHIN_MS);
    }

    /** Waits until the page shows a sample other than the one it shows now. */
    private static void awaitNextSample(Page page) {
        String sample = page.locator("#metric-sample").textContent();
        assertThat(page.locator("#metric-sample")).not().hasText(sample, within());
    }

    @Test
    void samplesArrivePushedWithoutAClick() {
        Page page = open("/dashboard");
        assertThat(page.locator("#updated-at")).hasCount(1);
        String updatedAt = page.locator("#updated-at").textContent();
        String sample = page.locator("#metric-sample").textContent();

        assertThat(page.locator("#updated-at")).not().hasText(updatedAt, within());
        assertThat(page.locator("#metric-sample")).not().hasText(sample, within());
        assertThat(page.locator("#metric-threads")).hasText(Pattern.compile("^\\d+$"));
        assertNoReload(page);
    }

    @Test
    void theDayEachUserPicksIsTheirsAlone() {
        Page first = open("/dashboard");
        BrowserContext other = anotherUser();
        try {
            Page second = open(other, "/dashboard");
            String secondShows = second.locator("#showing").textContent();
            String picked = "2031-02-14";
            assertNotEquals("Showing " + picked, secondShows);

            first.locator("#dashboard-day").fill(picked);
            assertThat(first.locator("#showing")).hasText("Showing " + picked);
            // A push reaches the second page after the pick, and it still shows its own day
            awaitNextSample(second);
            assertThat(second.locator("#showing")).hasText(secondShows);
            assertThat(second.locator("#dashboard-day")).not().hasValue(picked);
            // The first page keeps its day through the pushes too
            awaitNextSample(first);
            assertThat(first.locator("#showing")).hasText("Showing " + picked);
            assertThat(first.locator("#dashboard-day")).hasValue(picked);

            // No day at all is refused, next to the field
            first.locator("#dashboard-day").fill("");
            assertThat(first.locator("#error-day")).hasText("must not be null");
            assertThat(first.locator("#showing")).hasText("Showing " + picked);
            assertNoReload(first);
        } finally {
            other.close();
        }
    }

    @Test
    void refreshInOneBrowserChangesEveryDashboard() {
        Page first = open("/dashboard");
        BrowserContext other = anotherUser();
        try {
            Page second = open(other, "/dashboard");
            int before = Integer.parseInt(second.locator("#refreshes").textContent().strip());
            assertThat(first.locator("#refreshes")).hasText(String.valueOf(before));

            first.locator("#refresh").click();
            assertThat(second.locator("#refreshes")).hasText(String.valueOf(before + 1));
            assertThat(second.locator("#refreshed-at")).hasCount(1);
            assertThat(first.locator("#refreshes")).hasText(String.valueOf(before + 1));

            second.locator("#refresh").click();
            assertThat(first.locator("#refreshes")).hasText(String.valueOf(before + 2));
            assertNoReload(first);
            assertNoReload(second);
        } finally {
            other.close();
        }
    }
}
