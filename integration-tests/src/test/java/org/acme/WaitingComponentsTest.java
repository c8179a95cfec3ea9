package org.acme;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.ref.WeakReference;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkiverse.live.runtime.component.ComponentRegistry;
import io.quarkiverse.live.runtime.component.MountedComponent;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * What a component costs while it waits for its browser to join: every GET of a live page keeps one, up to
 * {@code quarkus.live.max-pending-joins} of them, so a crawler or a flood of page loads holds that many. The pages are
 * requested with the headers a desktop browser sends, since the page request is what a mount may copy.
 */
@QuarkusTest
@TestProfile(WaitingComponentsTest.ShortWait.class)
class WaitingComponentsTest {

    static final int PAGES = 8_000;
    /**
     * The counter's component waits with about 1.1 KB (its CDI instance, its ids, its last HTML, the registry's
     * entries); it took 3.9 KB while every mount kept a copy of the page request's headers. The bound leaves room for
     * a noisy shared machine.
     */
    static final long MAX_BYTES_PER_COMPONENT = 2_000;

    /** Long enough to load every page before the first expires; short enough to see them go. */
    public static class ShortWait implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.live.join-timeout", "30s");
        }
    }

    @TestHTTPResource("/")
    URI base;

    @Inject
    ComponentRegistry registry;

    @Test
    void aWaitingCounterCostsLittleAndIsForgottenWhenItsTimeIsUp() throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        // A first round loads what is allocated once (classes, pools, template caches) before the baseline
        loadPages(http, 500);
        int baselineWaiting = registry.pendingJoinCount();
        long baselineHeap = UsedHeap.afterGc();

        loadPages(http, PAGES);
        int waiting = registry.pendingJoinCount() - baselineWaiting;
        long peakHeap = UsedHeap.afterGc();
        long perComponent = (peakHeap - baselineHeap) / waiting;
        List<WeakReference<MountedComponent>> forgettable = new ArrayList<>();
        for (MountedComponent component : registry.mounted()) {
            forgettable.add(new WeakReference<>(component));
        }

        await().atMost(Duration.ofSeconds(90)).until(() -> registry.pendingJoinCount() == 0);
        long afterHeap = UsedHeap.afterGc();
        // Heap figures are too noisy on a shared machine to prove the components went; their references are not
        await("every forgotten counter can be collected").atMost(Duration.ofSeconds(30)).until(() -> {
            UsedHeap.afterGc();
            return forgettable.stream().allMatch(reference -> reference.get() == null);
        });
        System.out.printf("Used heap after GC: %d KiB with %d counters waiting, %d KiB with %d more (%d bytes per"
                + " waiting counter), %d KiB once all were forgotten%n", baselineHeap / 1024, baselineWaiting,
                peakHeap / 1024, waiting, perComponent, afterHeap / 1024);
        assertEquals(PAGES, waiting, "every page load left a component waiting");
        assertTrue(perComponent <= MAX_BYTES_PER_COMPONENT,
                "a waiting counter costs " + perComponent + " bytes, more than " + MAX_BYTES_PER_COMPONENT);
        assertTrue(forgettable.size() >= PAGES, "the waiting counters were seen: " + forgettable.size());
    }

    /** Loads the counter page that many times, fifty at a time, and never joins. */
    private void loadPages(HttpClient http, int pages) throws Exception {
        HttpRequest request = asBrowser(HttpRequest.newBuilder(base.resolve("/counter"))).timeout(Duration.ofSeconds(30))
                .build();
        int batch = 50;
        for (int done = 0; done < pages; done += batch) {
            List<CompletableFuture<HttpResponse<Void>>> round = new ArrayList<>();
            for (int i = 0; i < batch; i++) {
                round.add(http.sendAsync(request, BodyHandlers.discarding()));
            }
            for (CompletableFuture<HttpResponse<Void>> response : round) {
                assertEquals(200, response.get(60, TimeUnit.SECONDS).statusCode());
            }
        }
    }

    /** The headers a desktop Chromium sends with a page request. */
    private static HttpRequest.Builder asBrowser(HttpRequest.Builder request) {
        return request.header("Cookie", LiveClient.BROWSER_COOKIE)
                .header("User-Agent", "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko)"
                        + " Chrome/131.0.0.0 Safari/537.36")
                .header("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,"
                        + "image/apng,*/*;q=0.8,application/signed-exchange;v=b3;q=0.7")
                .header("Accept-Language", "en-US,en;q=0.9")
                .header("Accept-Encoding", "gzip, deflate, br, zstd")
                .header("Sec-Ch-Ua", "\"Chromium\";v=\"131\", \"Not_A Brand\";v=\"24\"")
                .header("Sec-Ch-Ua-Mobile", "?0")
                .header("Sec-Ch-Ua-Platform", "\"Linux\"")
                .header("Sec-Fetch-Dest", "document")
                .header("Sec-Fetch-Mode", "navigate")
                .header("Sec-Fetch-Site", "none")
                .header("Sec-Fetch-User", "?1")
                .header("Upgrade-Insecure-Requests", "1");
    }
}
