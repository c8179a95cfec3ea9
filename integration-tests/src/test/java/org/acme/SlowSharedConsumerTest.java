package org.acme;

import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkiverse.live.SharedState;
import io.quarkiverse.live.runtime.transport.Connections;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A browser that stops reading while shared updates stream to it, with the default limits: what waits for it is
 * bounded by {@code quarkus.live.max-unsent-bytes}, then it is closed, and a browser that reads gets every update.
 */
@QuarkusTest
class SlowSharedConsumerTest {

    @TestHTTPResource("/")
    URI base;

    @Inject
    Connections connections;

    @Inject
    SharedState shared;

    @Test
    void aClientThatStopsReadingWhileSharedUpdatesStreamIsClosedAndTheOthersGetEveryUpdate() throws Exception {
        String attacker = LiveClient.newAttackerCookie();
        String slowId = LiveClient.mount("/shared-list", attacker);
        String honestId = LiveClient.mount("/shared-list");
        try (LiveClient honest = LiveClient.connect(base)) {
            honest.join(honestId);
            // The slow client's own connection, known by its browser id: connections of earlier tests that end
            // meanwhile (a long poll ends at the idle timeout) must not be taken for it
            String slowBrowser = attacker.substring(attacker.indexOf('=') + 1);
            BooleanSupplier slowOpen = () -> connections.open().stream()
                    .anyMatch(session -> slowBrowser.equals(session.browser()));
            try (StalledClient slow = StalledClient.joined(base, attacker, slowId)) {
                await().atMost(Duration.ofSeconds(10)).until(slowOpen::getAsBoolean);
                // Every update pushes a list with one 64 KB entry to both, each all new, so that no edit of the last
                // one is small; the slow client reads none of them
                int pushed = 0;
                while (slowOpen.getAsBoolean() && pushed < 2000) {
                    shared.set("test-list", new ArrayList<>(List.of(entry(pushed)))).toCompletableFuture()
                            .get(10, TimeUnit.SECONDS);
                    pushed++;
                }
                await().atMost(Duration.ofSeconds(30)).until(() -> !slowOpen.getAsBoolean());
                String last = entry(pushed - 1);
                honest.awaitRender(honestId, html -> html.contains(last));
                System.out.printf("A client that stopped reading shared updates was closed after %d updates of 64 KB;"
                        + " the reading one got the last%n", pushed);
            }
        }
    }

    /** 64 KB of one letter, another letter for the next update, and the number. */
    private static String entry(int number) {
        return Character.toString('a' + number % 26).repeat(64 * 1024) + number;
    }
}
