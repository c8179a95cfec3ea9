package org.acme;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkiverse.live.runtime.component.ComponentRegistry;
import io.quarkiverse.live.runtime.transport.Connections;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * The heap stays bounded while three attacks run at once (a connection flooding events, page loads that never join, 50
 * connections that stop reading), and goes back to where it was once the attackers leave. The app runs in this JVM
 * (@QuarkusTest), so its heap is this JVM's, measured after a full collection; the attackers' own clients run here
 * too and count while they attack.
 * <p>
 * The bounds are loose on purpose, for a 2-core CI machine: what is measured is whether memory is held, not how much a
 * request costs. During the attacks, 64 MB above the baseline leaves room for what is legitimately in flight (up to
 * 2,000 waiting components of about 1 KB, 50 components holding 16 KB of text each, the clients' buffers) while an
 * unbounded queue or buffer would pass it within seconds. After, 16 MB covers what a full collection does not return
 * exactly (caches sized by use, the JIT's and the allocator's bookkeeping) but not a leak of the components, sessions
 * or queues of the attack, which together weigh more. The baseline is taken after a first, shorter round of the same
 * attacks, so that what is allocated once (classes, pools, template caches) is in it.
 */
@QuarkusTest
@TestProfile(MemoryUnderAttackTest.ShortLived.class)
class MemoryUnderAttackTest {

    private static final long MB = 1024 * 1024;

    /**
     * Waiting and detached components are forgotten after 2 s, so the test need not wait the default minute; the flood's
     * cool-down is shorter than that, so that it finds its component again when it comes back.
     */
    public static class ShortLived implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.live.join-timeout", "2s", "quarkus.live.reconnect-grace", "2s",
                    "quarkus.live.max-pending-joins", "2000", "quarkus.live.cool-down", "1s");
        }
    }

    @TestHTTPResource("/")
    URI base;

    @Inject
    Connections connections;

    @Inject
    ComponentRegistry registry;

    @Test
    void theHeapGoesBackToItsBaselineOnceTheAttackersLeave() throws Exception {
        attack(1, 1000, 5, null);
        awaitAttackersGone();
        long baseline = UsedHeap.afterGc();

        long[] during = new long[1];
        attack(3, 5000, 40, during);
        assertTrue(during[0] <= baseline + 64 * MB,
                "during the attacks: " + mb(during[0]) + " used, baseline " + mb(baseline));

        awaitAttackersGone();
        long[] after = new long[1];
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                .until(() -> (after[0] = UsedHeap.afterGc()) <= baseline + 16 * MB);
        System.out.printf("Heap after a full collection: %s before the attacks, %s during, %s after%n", mb(baseline),
                mb(during[0]), mb(after[0]));
    }

    /**
     * Runs the three attacks until the flood was closed {@code floodCloses} times, {@code pages} pages were loaded and
     * the slow readers sent {@code perReader} events each; then measures the heap into {@code during}, if given.
     */
    private void attack(int floodCloses, int pages, int perReader, long[] during) throws Exception {
        // The slow readers join first: the page loads would make their components wait too long to be joined
        try (Attacks readers = Attacks.slowReaders(base, 50, 16 * 1024, 10);
                Attacks flood = Attacks.eventFlood(base, LiveClient.newAttackerCookie());
                Attacks loads = Attacks.pageFlood(base, "/counter", 8)) {
            try {
                await().atMost(Duration.ofSeconds(60)).until(() -> flood.closedByServer.get() >= floodCloses
                        && loads.sent.get() >= pages && readers.sent.get() >= 50L * perReader);
            } catch (org.awaitility.core.ConditionTimeoutException e) {
                throw new AssertionError("the attacks did not get that far: flood " + flood.summary() + "; pages "
                        + loads.summary() + "; readers " + readers.summary(), e);
            }
            if (during != null) {
                during[0] = UsedHeap.afterGc();
            }
        }
    }

    /** Every attacker connection closed, and every component they left behind forgotten. */
    private void awaitAttackersGone() {
        await().atMost(Duration.ofSeconds(30)).until(() -> connections.count() == 0
                && registry.pendingJoinCount() == 0 && registry.detachedCount() == 0);
    }

    private static String mb(long bytes) {
        return String.format("%.1f MB", bytes / (double) MB);
    }
}
