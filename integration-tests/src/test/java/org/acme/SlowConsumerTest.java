package org.acme;

import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkiverse.live.runtime.transport.Connections;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * A client that stops reading: the server stops buffering for it once {@code quarkus.live.max-unsent-bytes} wait, and
 * closes it, while an honest client goes on. The event limits are high here, so nothing but the unread bytes closes it.
 */
@QuarkusTest
@TestProfile(SlowConsumerTest.SmallBuffer.class)
class SlowConsumerTest {

    public static class SmallBuffer implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.live.max-unsent-bytes", "65536", "quarkus.live.max-events-per-second", "100000",
                    "quarkus.live.max-queued-events", "100000", "quarkus.live.max-queued-events-per-connection",
                    "100000");
        }
    }

    @TestHTTPResource("/")
    URI base;

    @Inject
    Connections connections;


    @Test
    void aClientThatStopsReadingIsClosed() throws Exception {
        String attacker = LiveClient.newAttackerCookie();
        String id = LiveClient.mount("/echo-back", attacker);
        int before = connections.count();
        try (StalledClient slow = StalledClient.joined(base, attacker, id)) {
            await().atMost(Duration.ofSeconds(10)).until(() -> connections.count() > before);
            // Each answer is 64 KB; the client reads none. Once the server's send buffer is full, its own count of
            // unsent bytes passes the limit
            int sent = 0;
            while (connections.count() > before && sent < 2000) {
                slow.sendText("{\"t\":\"event\",\"ref\":" + (sent + 2) + ",\"id\":\"" + id
                        + "\",\"handler\":\"fill\",\"args\":[65536]}");
                sent++;
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> connections.count() == before);
            System.out.printf("A client that stopped reading was closed after %d events of 64 KB answers%n", sent);
        }
        LimitsTest.assertHonestClientServed(base);
    }
}
