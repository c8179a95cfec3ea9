package org.acme;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkiverse.live.runtime.transport.Connections;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;

/**
 * The Server-Sent Events carrier against the running application: a stream down, POSTs up, the same protocol and the
 * same checks as the WebSocket.
 */
@QuarkusTest
class SseCarrierTest {

    @TestHTTPResource("/")
    URI base;

    @Inject
    Connections connections;

    @Test
    void theStreamCarriesHelloAndTheAnswersToPostedMessages() throws Exception {
        String id = LiveClient.mount("/counter");
        String connection;
        try (SseClient client = SseClient.open(base)) {
            assertEquals(200, client.response.statusCode());
            assertTrue(client.response.getHeader("Content-Type").startsWith("text/event-stream"),
                    client.response.getHeader("Content-Type"));
            assertEquals("no-store", client.response.getHeader("Cache-Control"));
            connection = client.connectionId();
            assertTrue(connection.matches("[A-Za-z0-9_-]{22}"), connection);

            JsonObject hello = client.awaitMessage(message -> true);
            assertEquals("hello", hello.getString("t"));
            assertEquals(2, hello.getInteger("v"));
            assertEquals(65536, hello.getInteger("max"));
            assertFalse(hello.containsKey("connection"), "the connection id is the carrier's, not the protocol's");

            assertEquals("ok", client.join(id).getString("t"));
            long ref = client.nextRef();
            assertEquals(204, client.post(new JsonObject().put("t", "event").put("ref", ref).put("id", id)
                    .put("handler", "increment").encode()));
            JsonObject answer = client.answerTo(ref);
            assertEquals("ok", answer.getString("t"));
            assertTrue(answer.getString("html").contains("Count: 1"), answer.encode());
            assertTrue(answer.getString("html").contains("\n"), "a multi-line template in one data line");
            assertTrue(client.events().stream().noneMatch(event -> event.data().contains("\n")),
                    "one data line per event: " + client.events());
            assertTrue(isOpen(connection));
        }
        // The browser went away: the connection is counted out and its id is forgotten
        await().atMost(Duration.ofSeconds(10)).until(() -> !isOpen(connection));
        try (SseClient other = SseClient.open(base)) {
            assertEquals(404, other.post(connection, "{}", Map.of()));
        }
    }

    @Test
    void aPostFromAnotherBrowserIsRefusedAndChangesNothing() throws Exception {
        String id = LiveClient.mount("/counter");
        try (SseClient client = SseClient.open(base)) {
            client.join(id);
            String connection = client.connectionId();
            assertEquals(403, client.post(connection, client.event(id, "increment"),
                    Map.of("Cookie", LiveClient.newAttackerCookie())));
            assertEquals(403, client.post(connection, client.event(id, "increment"), Map.of("Cookie", "other=1")));
            long ref = client.nextRef();
            assertEquals(204, client.post(new JsonObject().put("t", "event").put("ref", ref).put("id", id)
                    .put("handler", "increment").encode()));
            assertTrue(client.answerTo(ref).getString("html").contains("Count: 1"), "the refused events did not run");
            assertTrue(client.messages().stream().map(message -> message.getLong("ref"))
                    .noneMatch(answered -> answered != null && answered > 1 && answered < ref),
                    "no answer to a refused POST: " + client.messages());
        }
    }

    @Test
    void aPostLongerThanTheMessageLimitIsRefusedWith413() throws Exception {
        String id = LiveClient.mount("/counter");
        try (SseClient client = SseClient.open(base)) {
            client.join(id);
            String tooLong = "x".repeat(65537);
            assertEquals(413, client.post(tooLong));
            assertEquals(413, postChunked(client.connectionId(), tooLong), "without Content-Length, counted as read");
            long ref = client.nextRef();
            assertEquals(204, client.post(new JsonObject().put("t", "event").put("ref", ref).put("id", id)
                    .put("handler", "increment").encode()));
            assertTrue(client.answerTo(ref).getString("html").contains("Count: 1"), "the connection stays open");
            assertFalse(client.ended());
        }
    }

    @Test
    void aPostToAnUnknownConnectionIsRefusedWith404() throws Exception {
        try (SseClient client = SseClient.open(base)) {
            assertEquals(404, client.post("AAAAAAAAAAAAAAAAAAAAAA", "{\"t\":\"leave\",\"id\":\"x\"}", Map.of()));
        }
    }

    @Test
    void requestsFromAnotherSiteAreRefusedWith403() throws Exception {
        try (SseClient refused = SseClient.open(base, Map.of("Origin", "https://evil.example"))) {
            assertEquals(403, refused.response.statusCode());
        }
        String id = LiveClient.mount("/counter");
        try (SseClient client = SseClient.open(base)) {
            client.join(id);
            String connection = client.connectionId();
            assertEquals(403, client.post(connection, client.event(id, "increment"),
                    Map.of("Origin", "https://evil.example")));
            String sameOrigin = "http://" + base.getHost() + ":" + base.getPort();
            long ref = client.nextRef();
            assertEquals(204, client.post(connection, new JsonObject().put("t", "event").put("ref", ref).put("id", id)
                    .put("handler", "increment").encode(), Map.of("Origin", sameOrigin)));
            assertTrue(client.answerTo(ref).getString("html").contains("Count: 1"), "the cross-site event did not run");
        }
    }

    @Test
    void aFloodIsClosedWithACloseEventAndCoolsDown() throws Exception {
        String cookie = LiveClient.newAttackerCookie();
        try (SseClient attacker = SseClient.open(base, Map.of("Cookie", cookie))) {
            String connection = attacker.connectionId();
            // Unreadable messages, more within a second than max-queued-events (32): the connection breaks a limit
            List<Future<Integer>> posts = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                posts.add(attacker.send(connection, "garbage", Map.of("Cookie", cookie)));
            }
            Future.join(posts).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
            await().atMost(Duration.ofSeconds(10)).until(() -> attacker.events().stream()
                    .anyMatch(event -> event.type().equals("close")));
            JsonObject close = new JsonObject(attacker.events().stream().filter(event -> event.type().equals("close"))
                    .findFirst().orElseThrow().data());
            assertEquals(1008, close.getInteger("code"), close.encode());
            await().atMost(Duration.ofSeconds(10)).until(attacker::ended);
            assertEquals(404, attacker.post(connection, "{}", Map.of("Cookie", cookie)));
            try (SseClient again = SseClient.open(base, Map.of("Cookie", cookie))) {
                assertEquals(429, again.response.statusCode());
                assertTrue(Integer.parseInt(again.response.getHeader("Retry-After")) >= 1);
            }
        }
    }

    @Test
    void handlersSeeTheUserWhoOpenedTheStream() throws Exception {
        String ada = "Basic " + Base64.getEncoder().encodeToString("ada:lovelace".getBytes(StandardCharsets.UTF_8));
        String id = LiveClient.componentIds(given().header("Authorization", ada).header("Cookie", LiveClient.BROWSER_COOKIE)
                .get("/whoami").then().statusCode(200).extract().asString()).get(0);
        try (SseClient client = SseClient.open(base, Map.of("Authorization", ada))) {
            client.join(id);
            // The POSTs carry no credentials: the user is the stream's, as a WebSocket's is its upgrade's
            long ref = client.nextRef();
            assertEquals(204, client.post(new JsonObject().put("t", "event").put("ref", ref).put("id", id)
                    .put("handler", "look").encode()));
            String html = client.answerTo(ref).getString("html");
            assertTrue(html.contains("class=\"event-loop\">ada<"), html);
            ref = client.nextRef();
            assertEquals(204, client.post(new JsonObject().put("t", "event").put("ref", ref).put("id", id)
                    .put("handler", "lookFromAWorker").encode()));
            html = client.answerTo(ref).getString("html");
            assertTrue(html.contains("class=\"worker\">ada<"), html);
        }
    }

    private boolean isOpen(String connection) {
        return connections.open().stream().anyMatch(session -> session.channel().describe().endsWith(connection));
    }

    /** POSTs a body in chunks, without Content-Length, as the test browser; returns the status. */
    private int postChunked(String connection, String body) throws Exception {
        Vertx vertx = Vertx.vertx();
        try {
            HttpClient http = vertx.createHttpClient();
            RequestOptions options = new RequestOptions().setMethod(HttpMethod.POST).setHost(base.getHost())
                    .setPort(base.getPort()).setURI("/_live/sse/" + connection)
                    .addHeader("Cookie", LiveClient.BROWSER_COOKIE);
            return http.request(options).compose(request -> {
                request.setChunked(true);
                for (int start = 0; start < body.length(); start += 8192) {
                    request.write(body.substring(start, Math.min(body.length(), start + 8192)));
                }
                request.end();
                return request.response();
            }).map(response -> response.statusCode()).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }
}
