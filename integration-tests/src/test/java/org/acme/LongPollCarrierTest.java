package org.acme;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * The long-polling carrier against the running application: {@code GET /_live/poll} opens a connection, each
 * {@code GET /_live/poll/<id>} brings what waits (or waits for it), messages go up as POSTs; the same protocol and
 * the same checks as the other carriers. The test profile holds a poll 2 s ({@code quarkus.live.long-poll-timeout}).
 */
@QuarkusTest
class LongPollCarrierTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    @TestHTTPResource("/")
    URI base;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    private HttpRequest.Builder request(String path, String cookie) {
        return HttpRequest.newBuilder(base.resolve(path)).timeout(TIMEOUT).header("Cookie", cookie);
    }

    private HttpResponse<String> get(String path, String cookie) throws Exception {
        return http.send(request(path, cookie).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private int post(String connection, String message, String cookie) throws Exception {
        return post(connection, message, cookie, "same-origin");
    }

    private int post(String connection, String message, String cookie, String fetchSite) throws Exception {
        return http.send(request("/_live/poll/" + connection, cookie).POST(HttpRequest.BodyPublishers.ofString(message))
                .header("Content-Type", "text/plain;charset=UTF-8").header("Sec-Fetch-Site", fetchSite).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** Polls until a message that carries the ref comes, and returns it. */
    private JsonObject answerTo(String connection, long ref) throws Exception {
        long end = System.nanoTime() + TIMEOUT.toNanos();
        while (System.nanoTime() < end) {
            HttpResponse<String> poll = get("/_live/poll/" + connection, LiveClient.BROWSER_COOKIE);
            assertEquals(200, poll.statusCode(), poll.body());
            for (Object message : new JsonObject(poll.body()).getJsonArray("m")) {
                if (message instanceof JsonObject object && Long.valueOf(ref).equals(object.getLong("ref"))) {
                    return object;
                }
            }
        }
        throw new AssertionError("No answer to " + ref);
    }

    @Test
    void theFirstAnswerNamesTheConnectionAndPollsBringTheAnswers() throws Exception {
        String id = LiveClient.mount("/counter");
        HttpResponse<String> opened = get("/_live/poll", LiveClient.BROWSER_COOKIE);
        assertEquals(200, opened.statusCode());
        assertTrue(opened.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        assertEquals("no-store", opened.headers().firstValue("Cache-Control").orElse(""));
        JsonObject first = new JsonObject(opened.body());
        String connection = first.getString("id");
        assertTrue(connection.matches("[A-Za-z0-9_-]{22}"), connection);
        JsonArray messages = first.getJsonArray("m");
        assertEquals(1, messages.size(), first.encode());
        assertEquals("hello", messages.getJsonObject(0).getString("t"));

        assertEquals(204, post(connection, new JsonObject().put("t", "join").put("v", 1).put("ref", 1).put("id", id)
                .encode(), LiveClient.BROWSER_COOKIE));
        assertEquals("ok", answerTo(connection, 1).getString("t"));
        assertEquals(204, post(connection, new JsonObject().put("t", "event").put("ref", 2).put("id", id)
                .put("seq", 1).put("handler", "increment").encode(), LiveClient.BROWSER_COOKIE));
        JsonObject answer = answerTo(connection, 2);
        assertTrue(answer.getString("html").contains("Count: 1"), answer.encode());
    }

    @Test
    void aPollThatFindsNothingIsHeldUntilAMessageComesOrItsTimeIsOver() throws Exception {
        String id = LiveClient.mount("/counter");
        String connection = new JsonObject(get("/_live/poll", LiveClient.BROWSER_COOKIE).body()).getString("id");

        long start = System.nanoTime();
        HttpResponse<String> empty = get("/_live/poll/" + connection, LiveClient.BROWSER_COOKIE);
        long heldMs = (System.nanoTime() - start) / 1_000_000;
        assertEquals(200, empty.statusCode());
        assertEquals(new JsonObject().put("m", new JsonArray()), new JsonObject(empty.body()));
        System.out.printf("An empty poll was held %d ms (quarkus.live.long-poll-timeout=2s)%n", heldMs);

        // A poll waiting when the answer is sent gets it
        CompletableFuture<HttpResponse<String>> held = http.sendAsync(
                request("/_live/poll/" + connection, LiveClient.BROWSER_COOKIE).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(204, post(connection, new JsonObject().put("t", "join").put("v", 1).put("ref", 1).put("id", id)
                .encode(), LiveClient.BROWSER_COOKIE));
        JsonObject answered = new JsonObject(held.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS).body());
        JsonObject join = answered.getJsonArray("m").getJsonObject(0);
        assertEquals(1L, join.getLong("ref"), answered.encode());
        assertEquals("ok", join.getString("t"));
    }

    @Test
    void pollsOfAnotherBrowserOrSiteOrAnUnknownConnectionAreRefused() throws Exception {
        String connection = new JsonObject(get("/_live/poll", LiveClient.BROWSER_COOKIE).body()).getString("id");
        assertEquals(403, get("/_live/poll/" + connection, LiveClient.newAttackerCookie()).statusCode());
        assertEquals(403, post(connection, "{}", LiveClient.newAttackerCookie()));
        assertEquals(404, get("/_live/poll/no-such-connection", LiveClient.BROWSER_COOKIE).statusCode());
        // The id of a Server-Sent Events stream names no long-polling connection
        try (SseClient stream = SseClient.open(base)) {
            assertEquals(404, get("/_live/poll/" + stream.connectionId(), LiveClient.BROWSER_COOKIE).statusCode());
        }
        HttpResponse<String> crossSite = http.send(request("/_live/poll/" + connection, LiveClient.BROWSER_COOKIE)
                .header("Origin", "https://other.example").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(403, crossSite.statusCode());
        HttpResponse<String> crossSiteOpen = http.send(request("/_live/poll", LiveClient.BROWSER_COOKIE)
                .header("Origin", "https://other.example").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(403, crossSiteOpen.statusCode());
        assertFalse(crossSiteOpen.body().contains("hello"));
        // A cross-site <img> or link sends no Origin, but its browser says where it comes from
        HttpResponse<String> crossSiteImage = http.send(request("/_live/poll", LiveClient.BROWSER_COOKIE)
                .header("Sec-Fetch-Site", "cross-site").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(403, crossSiteImage.statusCode());
        assertEquals(403, post(connection, "{}", LiveClient.BROWSER_COOKIE, "cross-site"));
        HttpResponse<String> sameOrigin = http.send(request("/_live/poll", LiveClient.BROWSER_COOKIE)
                .header("Sec-Fetch-Site", "same-origin").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, sameOrigin.statusCode());
    }

    @Test
    void aPostLongerThanTheMessageLimitIsRefusedWith413() throws Exception {
        String connection = new JsonObject(get("/_live/poll", LiveClient.BROWSER_COOKIE).body()).getString("id");
        assertEquals(413, post(connection, "x".repeat(65537), LiveClient.BROWSER_COOKIE));
    }

    @Test
    void aReplayedSequenceNumberIsAnsweredAgainAndNotRunTwice() throws Exception {
        String id = LiveClient.mount("/counter");
        String connection = new JsonObject(get("/_live/poll", LiveClient.BROWSER_COOKIE).body()).getString("id");
        assertEquals(204, post(connection, new JsonObject().put("t", "join").put("v", 1).put("ref", 1).put("id", id)
                .encode(), LiveClient.BROWSER_COOKIE));
        String token = answerTo(connection, 1).getString("token");
        JsonObject increment = new JsonObject().put("t", "event").put("id", id).put("seq", 1).put("handler",
                "increment");
        assertEquals(204, post(connection, increment.copy().put("ref", 2).encode(), LiveClient.BROWSER_COOKIE));
        assertEquals("ok", answerTo(connection, 2).getString("t"));
        // The same event again, as a browser resends one whose answer it did not get
        assertEquals(204, post(connection, increment.copy().put("ref", 3).encode(), LiveClient.BROWSER_COOKIE));
        assertEquals("ok", answerTo(connection, 3).getString("t"));
        assertTrue(shownAfterRejoin(id, token).contains("Count: 1"), "the replay did not run again");
    }

    @Test
    void aBeaconFromAClosingTabEndsTheConnectionAndPresenceDropsItAtOnce() throws Exception {
        String leaver = "Leaver-" + System.nanoTime();
        try (LiveClient watcher = LiveClient.connect(base)) {
            String watching = LiveClient.mount("/chat");
            watcher.join(watching);
            watcher.event(watching, "enter", "Watcher");

            // A page on long polling, of another browser, enters the room
            String cookie = LiveClient.newAttackerCookie();
            String id = LiveClient.mount("/chat", cookie);
            String connection = new JsonObject(get("/_live/poll", cookie).body()).getString("id");
            assertEquals(204, postAs(connection, new JsonObject().put("t", "join").put("v", 1).put("ref", 1)
                    .put("id", id).encode(), cookie, ""));
            assertEquals(204, postAs(connection, new JsonObject().put("t", "event").put("v", 1).put("ref", 2)
                    .put("id", id).put("seq", 1).put("handler", "enter").put("args", List.of(leaver)).encode(),
                    cookie, ""));
            watcher.awaitRender(watching, html -> html.contains(leaver));

            // Its tab closes: no poll comes any more, only the beacon; another browser's beacon is refused
            assertEquals(403, postAs(connection, "", LiveClient.newAttackerCookie(), "?gone"));
            long sent = System.nanoTime();
            assertEquals(204, postAs(connection, "", cookie, "?gone"));
            await().atMost(TIMEOUT).until(() -> !watcher.latestHtml(watching).contains(leaver));
            System.out.printf("Long polling: beacon of a closing tab -> presence dropped it %d ms later%n",
                    (System.nanoTime() - sent) / 1_000_000);
            assertEquals(404, get("/_live/poll/" + connection, cookie).statusCode(), "the connection is over");
        }
    }

    private int postAs(String connection, String message, String cookie, String query) throws Exception {
        return http.send(request("/_live/poll/" + connection + query, cookie)
                .POST(HttpRequest.BodyPublishers.ofString(message)).header("Content-Type", "text/plain;charset=UTF-8")
                .header("Sec-Fetch-Site", "same-origin").build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    /** The component's whole HTML, as a rejoin on a new connection gets it. */
    private String shownAfterRejoin(String id, String token) throws Exception {
        String connection = new JsonObject(get("/_live/poll", LiveClient.BROWSER_COOKIE).body()).getString("id");
        assertEquals(204, post(connection, new JsonObject().put("t", "join").put("v", 1).put("ref", 1).put("id", id)
                .put("token", token).encode(), LiveClient.BROWSER_COOKIE));
        return answerTo(connection, 1).getString("html");
    }

    @Test
    void aPostOfTenThousandEventsIsRefusedUnread() throws Exception {
        String id = LiveClient.mount("/counter");
        String connection = new JsonObject(get("/_live/poll", LiveClient.BROWSER_COOKIE).body()).getString("id");
        JsonArray flood = new JsonArray();
        for (int i = 0; i < 10_000; i++) {
            flood.add(new JsonArray().add(i + 1).add(1).add(i + 1).add("increment").add(new JsonArray()));
        }
        assertEquals(204, post(connection, new JsonObject().put("t", "join").put("v", 1).put("ref", 1).put("id", id)
                .encode(), LiveClient.BROWSER_COOKIE));
        String token = answerTo(connection, 1).getString("token");
        assertEquals(413, post(connection, flood.encode(), LiveClient.BROWSER_COOKIE));
        // The connection is still there, and none of the 10,000 ran
        assertEquals(204, post(connection, new JsonObject().put("t", "event").put("ref", 2).put("id", id)
                .put("seq", 1).put("handler", "increment").encode(), LiveClient.BROWSER_COOKIE));
        assertEquals("ok", answerTo(connection, 2).getString("t"));
        assertTrue(shownAfterRejoin(id, token).contains("Count: 1"));
    }
}
