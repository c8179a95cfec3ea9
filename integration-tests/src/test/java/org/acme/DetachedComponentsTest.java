package org.acme;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkiverse.live.runtime.component.ComponentRegistry;
import io.quarkiverse.live.runtime.transport.Connections;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.json.JsonObject;

/**
 * Components whose browsers vanished, with a short grace period and a small cap: the cap holds while thousands of
 * connections join and drop, a rejoin after the grace period finds nothing, and memory comes back once the grace
 * period is over.
 */
@QuarkusTest
@TestProfile(DetachedComponentsTest.ShortGrace.class)
class DetachedComponentsTest {

    static final int CAP = 500;

    public static class ShortGrace implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.live.reconnect-grace", "2s", "quarkus.live.max-detached", String.valueOf(CAP),
                    // All the test's connections come from one address, a hundred at a time
                    "quarkus.live.max-connections-per-address", "1000");
        }
    }

    private static final Pattern ID = Pattern.compile("data-live-id=\"([^\"]+)\"");

    @TestHTTPResource("/")
    URI base;

    @Inject
    ComponentRegistry registry;

    @Inject
    Connections connections;

    @Test
    void aRejoinAfterTheGracePeriodFindsNothing() throws Exception {
        String id = LiveClient.mount("/counter");
        String token;
        try (LiveClient client = LiveClient.connect(base)) {
            token = client.join(id).getString("token");
        }
        // Once it is detached, and then every detached component is gone, so is this one
        await().atMost(Duration.ofSeconds(15)).until(() -> registry.detachedCount() > 0);
        await().atMost(Duration.ofSeconds(15)).until(() -> registry.detachedCount() == 0);
        try (LiveClient client = LiveClient.connect(base)) {
            ProtocolTest.assertError(client.rejoin(id, token), "unknown-component");
        }
    }

    @Test
    void tenThousandConnectionsThatJoinAndVanish() throws Exception {
        Vertx vertx = Vertx.vertx();
        try {
            HttpClient http = vertx.createHttpClient(new HttpClientOptions().setDefaultHost(base.getHost())
                    .setDefaultPort(base.getPort()).setMaxPoolSize(32));
            WebSocketClient sockets = vertx.createWebSocketClient();
            await().atMost(Duration.ofSeconds(15)).until(() -> registry.detachedCount() == 0);
            int baselineComponents = registry.size();
            long baselineHeap = UsedHeap.afterGc();
            int connections = 10_000;
            int batch = 100;
            int maxDetachedSeen = 0;
            long start = System.nanoTime();
            for (int done = 0; done < connections; done += batch) {
                List<CompletableFuture<?>> round = new ArrayList<>();
                for (int i = 0; i < batch; i++) {
                    round.add(joinAndVanish(http, sockets).toCompletionStage().toCompletableFuture());
                }
                CompletableFuture.allOf(round.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
                maxDetachedSeen = Math.max(maxDetachedSeen, registry.detachedCount());
                assertTrue(registry.detachedCount() <= CAP, "detached components stay capped: "
                        + registry.detachedCount());
            }
            long elapsed = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            long peakHeap = UsedHeap.afterGc();
            await().atMost(Duration.ofSeconds(30)).until(() -> registry.detachedCount() == 0
                    && registry.size() <= baselineComponents);
            await().atMost(Duration.ofSeconds(10)).until(() -> this.connections.count() == 0);
            long afterHeap = UsedHeap.afterGc();
            System.out.printf("%d connections joined and dropped in %d ms; most detached at once: %d (cap %d); "
                    + "used heap after GC: baseline %d KiB, with %d detached %d KiB (%d bytes per detached "
                    + "component), after the grace period %d KiB%n", connections, elapsed, maxDetachedSeen, CAP,
                    baselineHeap / 1024, maxDetachedSeen, peakHeap / 1024,
                    maxDetachedSeen == 0 ? 0 : (peakHeap - baselineHeap) / maxDetachedSeen, afterHeap / 1024);
            assertEquals(CAP, maxDetachedSeen, "the cap was reached, so the test tested it");
            assertTrue(afterHeap < baselineHeap + 32L * 1024 * 1024,
                    "memory comes back: baseline " + baselineHeap + ", after " + afterHeap);
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }

    /** Renders a counter page, joins its component over a new WebSocket and closes the socket without a word. */
    private static Future<Void> joinAndVanish(HttpClient http, WebSocketClient sockets) {
        return http.request(HttpMethod.GET, "/counter")
                .compose(request -> request.putHeader("Cookie", LiveClient.BROWSER_COOKIE).send()
                        .compose(response -> response.body()))
                .compose(body -> {
                    Matcher matcher = ID.matcher(body.toString());
                    matcher.find();
                    String id = matcher.group(1);
                    // Handlers go on before the connection exists, so not even the hello can come before them
                    io.vertx.core.http.ClientWebSocket socket = sockets.webSocket();
                    io.vertx.core.Promise<Void> joined = io.vertx.core.Promise.promise();
                    socket.textMessageHandler(text -> {
                        JsonObject message = new JsonObject(text);
                        if ("hello".equals(message.getString("t"))) {
                            socket.writeTextMessage(new JsonObject().put("t", "join").put("v", 1).put("ref", 1)
                                    .put("id", id).encode());
                        } else if (Long.valueOf(1).equals(message.getLong("ref"))) {
                            joined.tryComplete();
                        }
                    });
                    return socket.connect(new io.vertx.core.http.WebSocketConnectOptions().setPort(base().getPort())
                            .setHost(base().getHost()).setURI("/_live/ws").addHeader("Cookie", LiveClient.BROWSER_COOKIE))
                            .compose(ignored -> joined.future())
                            .compose(ignored -> socket.close());
                });
    }

    private static URI base() {
        return BASE;
    }

    private static URI BASE;

    @org.junit.jupiter.api.BeforeEach
    void rememberBase() {
        BASE = base;
    }
}
