package org.acme;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The round trip of one counter click on each carrier, in headless Chromium on loopback: from the click to the page
 * showing the new count, timed inside the page ({@code performance.now()} around a click and the morph that follows).
 * The page reaches the server through a proxy that refuses WebSocket upgrades for the Server-Sent Events row, and
 * whose event streams the browser aborts too for the long-polling row. Prints a table; asserts no time.
 */
@QuarkusTest
@Tag("benchmark")
class CarrierLatencyBenchmark extends BrowserTestBase {

    private static final int WARM_UP = 100;
    private static final int CLICKS = 300;

    /** Clicks {@code n} times, one after the other, and returns each round trip in ms. */
    private static final String CLICKS_SCRIPT = """
            async n => {
              const plus = [...document.querySelectorAll('button')].find(b => b.textContent.trim() === '+');
              const times = [];
              for (let i = 0; i < n; i++) {
                const h2 = document.querySelector('h2');
                const before = h2.textContent;
                const start = performance.now();
                const changed = new Promise(resolve => {
                  const seen = new MutationObserver(() => {
                    if (document.querySelector('h2').textContent !== before) {
                      seen.disconnect();
                      resolve();
                    }
                  });
                  seen.observe(document.body, { subtree: true, childList: true, characterData: true });
                });
                plus.click();
                await changed;
                times.push(performance.now() - start);
              }
              return times;
            }""";

    @Test
    void oneClickPerCarrier() {
        List<String> rows = new ArrayList<>();
        rows.add(measure("WebSocket", context, null));
        try (CuttableProxy proxy = CuttableProxy.start(base.getHost(), base.getPort())) {
            proxy.blockWebSockets(CuttableProxy.WebSockets.REFUSE);
            BrowserContext sse = anotherUser();
            try {
                rows.add(measure("Server-Sent Events + POST", sse, proxy));
            } finally {
                sse.close();
            }
            BrowserContext polling = anotherUser();
            try {
                polling.route("**/_live/sse", route -> route.abort("connectionrefused"));
                rows.add(measure("long polling + POST", polling, proxy));
            } finally {
                polling.close();
            }
        }
        System.out.printf("%nOne counter click, from the click to the new count on the page (Chromium, loopback, %d"
                + " clicks after %d of warm-up), in ms%n", CLICKS, WARM_UP);
        System.out.printf("%-28s %8s %8s %8s %8s%n", "carrier", "p50", "p90", "p99", "max");
        rows.forEach(System.out::println);
        System.out.println();
    }

    private String measure(String carrier, BrowserContext in, CuttableProxy proxy) {
        Page page = in.newPage();
        page.navigate(proxy == null ? base + "counter" : "http://127.0.0.1:" + proxy.port() + "/counter");
        assertThat(page.locator("[data-live-id]:not(.live-connected)")).hasCount(0);
        page.evaluate(CLICKS_SCRIPT, WARM_UP);
        double[] times = ((List<?>) page.evaluate(CLICKS_SCRIPT, CLICKS)).stream()
                .mapToDouble(time -> ((Number) time).doubleValue()).sorted().toArray();
        assertThat(page.locator("h2")).hasText("Count: " + (WARM_UP + CLICKS));
        return String.format("%-28s %8.2f %8.2f %8.2f %8.2f", carrier, quantile(times, 0.5), quantile(times, 0.9),
                quantile(times, 0.99), times[times.length - 1]);
    }

    private static double quantile(double[] sorted, double q) {
        return sorted[Math.max(0, (int) Math.ceil(q * sorted.length) - 1)];
    }
}
