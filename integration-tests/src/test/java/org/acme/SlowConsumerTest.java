package org.acme;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.function.IntUnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkiverse.live.runtime.transport.Connections;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * A client that stops reading: the server stops buffering for it once {@code quarkus.live.max-unsent-bytes} wait, and
 * closes it, while an honest client goes on; over the WebSocket and over Server-Sent Events. The event limits are high
 * here, so nothing but the unread bytes closes it.
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

    @Test
    void anSseClientThatStopsReadingIsClosed() throws Exception {
        String attacker = LiveClient.newAttackerCookie();
        String id = LiveClient.mount("/echo-back", attacker);
        int before = connections.count();
        try (Socket stream = new Socket()) {
            stream.setReceiveBufferSize(4096);
            stream.connect(new InetSocketAddress(base.getHost(), base.getPort()), 5000);
            stream.getOutputStream().write(("GET /_live/sse HTTP/1.1\r\nHost: " + base.getHost() + ":" + base.getPort()
                    + "\r\nCookie: " + attacker + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            // Reads up to the connection id, then nothing more
            StringBuilder head = new StringBuilder();
            Matcher connection = Pattern.compile("event: connection\ndata: (\\S+)\n").matcher(head);
            while (!connection.reset(head).find()) {
                int read = stream.getInputStream().read();
                if (read < 0) {
                    throw new IllegalStateException("The stream ended: " + head);
                }
                head.append((char) read);
            }
            String connectionId = connection.group(1);
            HttpClient http = HttpClient.newHttpClient();
            IntUnaryOperator post = ref -> {
                String body = ref == 1 ? "{\"t\":\"join\",\"v\":1,\"ref\":1,\"id\":\"" + id + "\"}"
                        : "{\"t\":\"event\",\"ref\":" + ref + ",\"id\":\"" + id
                                + "\",\"handler\":\"fill\",\"args\":[65536]}";
                try {
                    return http.send(HttpRequest.newBuilder(base.resolve("/_live/sse/" + connectionId))
                            .header("Cookie", attacker).POST(HttpRequest.BodyPublishers.ofString(body))
                            .build(), HttpResponse.BodyHandlers.discarding()).statusCode();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            };
            await().atMost(Duration.ofSeconds(10)).until(() -> connections.count() > before);
            assertEquals(204, post.applyAsInt(1));
            // Each answer is 64 KB; the client reads none. Once the socket's buffers are full, the stream's count of
            // unsent bytes passes the limit and the stream is closed, its id forgotten
            int sent = 0;
            while (connections.count() > before && sent < 2000) {
                sent++;
                post.applyAsInt(sent + 1);
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> connections.count() == before);
            assertEquals(404, post.applyAsInt(sent + 2));
            System.out.printf("An SSE client that stopped reading was closed after %d events of 64 KB answers%n", sent);
        }
        try (SseClient again = SseClient.open(base, Map.of("Cookie", attacker))) {
            assertEquals(429, again.response.statusCode(), "closed for breaking a limit (1008), so it cools down");
        }
        LimitsTest.assertHonestClientServed(base);
    }
}
