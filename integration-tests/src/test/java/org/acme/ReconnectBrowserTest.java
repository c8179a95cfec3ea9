package org.acme;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The network drops under an open page while the user goes on clicking: a real proxy between Chromium and the server
 * closes every connection and refuses new ones until it is restored.
 */
@QuarkusTest
class ReconnectBrowserTest extends BrowserTestBase {

    private static final Pattern DISCONNECTED = Pattern.compile("\\blive-disconnected\\b");
    private static final Pattern CONNECTED = Pattern.compile("\\blive-connected\\b");

    CuttableProxy proxy;

    @BeforeEach
    void startProxy() {
        proxy = CuttableProxy.start(base.getHost(), base.getPort());
    }

    @AfterEach
    void stopProxy() {
        proxy.close();
    }

    /** Opens the page through the proxy and waits until its components have joined. */
    private Page openThroughProxy(String path) {
        Page page = context.newPage();
        page.navigate("http://127.0.0.1:" + proxy.port() + path);
        page.locator("[data-live-id]").first().waitFor();
        assertThat(page.locator("[data-live-id]:not(.live-connected)")).hasCount(0);
        page.evaluate("window.liveMarker = 'still here'");
        return page;
    }

    @Test
    void clicksMadeWhileTheNetworkIsDownAreAppliedOnceItIsBack() {
        Page page = openThroughProxy("/counter");
        Locator root = page.locator("[data-live-component=Counter]");
        Locator plus = page.getByText("+", new Page.GetByTextOptions().setExact(true));
        plus.click();
        assertThat(page.locator("h2")).hasText("Count: 1");

        proxy.cut();
        assertThat(root).hasClass(DISCONNECTED);
        plus.click();
        plus.click();
        plus.click();
        assertThat(plus).hasClass(Pattern.compile("\\blive-loading\\b"));
        assertThat(page.locator("h2")).hasText("Count: 1");
        // The runtime keeps trying while the line is cut, and is refused
        int refusedBefore = proxy.refused();
        await().atMost(Duration.ofSeconds(15)).until(() -> proxy.refused() > refusedBefore);

        long restored = System.nanoTime();
        proxy.restore();
        assertThat(page.locator("h2")).hasText("Count: 4");
        System.out.printf("From the network coming back to the page showing its 3 offline clicks: %d ms "
                + "(the runtime was waiting out its backoff; refused reconnects meanwhile: %d)%n",
                (System.nanoTime() - restored) / 1_000_000, proxy.refused() - refusedBefore);
        assertThat(root).hasClass(CONNECTED);
        assertThat(root).not().hasClass(DISCONNECTED);
        assertThat(plus).not().hasClass(Pattern.compile("\\blive-loading\\b"));
        // Each offline click applied exactly once: the next one counts from 4
        plus.click();
        assertThat(page.locator("h2")).hasText("Count: 5");
        assertNoReload(page);
    }

    @Test
    void aFormSubmittedOfflineIsSentOnceTheNetworkIsBack() {
        Page page = openThroughProxy("/todos");
        Locator input = page.locator("input[name=text]");
        input.fill("Before the cut");
        input.press("Enter");
        assertThat(page.locator("li")).hasCount(1);

        proxy.cut();
        assertThat(page.locator("[data-live-component=TodoList]")).hasClass(DISCONNECTED);
        input.fill("Written offline");
        input.press("Enter");
        assertThat(page.locator("li")).hasCount(1);
        proxy.restore();
        assertThat(page.locator("li span")).hasText(new String[] { "Before the cut", "Written offline" });
        assertThat(input).hasValue("");
        assertNoReload(page);
    }
}
