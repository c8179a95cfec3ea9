package org.acme;

import static io.restassured.RestAssured.get;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

import jakarta.inject.Inject;

import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;

import io.quarkiverse.live.runtime.component.ComponentRegistry;
import io.quarkiverse.live.runtime.transport.Connections;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.vertx.core.json.JsonObject;

/**
 * One client cannot hurt anyone else: each attack against the running app over real sockets, with small limits so
 * each is quick to reach. The attacker is refused, throttled or closed; an honest client on another connection gets
 * every answer.
 */
@QuarkusTest
@TestProfile(LimitsTest.TightLimits.class)
class LimitsTest {

    public static class TightLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.ofEntries(Map.entry("quarkus.live.max-message-size", "4096"),
                    Map.entry("quarkus.live.max-queued-events", "8"),
                    Map.entry("quarkus.live.max-events-per-second", "50"),
                    Map.entry("quarkus.live.max-pending-joins", "40"),
                    Map.entry("quarkus.live.max-components-per-connection", "5"),
                    Map.entry("quarkus.live.max-connections-per-address", "12"),
                    Map.entry("quarkus.live.max-unsent-bytes", "65536"),
                    Map.entry("quarkus.live.idle-timeout", "2s"),
                    Map.entry("quarkus.live.cool-down", "2s"),
                    Map.entry("quarkus.live.ping-interval", "300ms"));
        }
    }

    @TestHTTPResource("/")
    URI base;

    @Inject
    ComponentRegistry registry;

    @Inject
    Connections connections;

    /** The honest client: a counter on a connection of its own, answered every time. */
    static void assertHonestClientServed(URI base) throws Exception {
        try (LiveClient honest = LiveClient.connect(base)) {
            String id = LiveClient.mount("/counter");
            honest.join(id);
            for (int i = 1; i <= 3; i++) {
                assertTrue(honest.event(id, "increment").getString("html").contains("Count: " + i));
            }
        }
    }

    @Test
    void helloNamesTheLimitAndALongerMessageClosesTheConnectionWith1009() throws Exception {
        String id = LiveClient.mount("/echo-back");
        String token;
        try (LiveClient attacker = LiveClient.connect(base); LogCapture log = new LogCapture()) {
            assertEquals(4096, attacker.hello.getInteger("max"));
            token = attacker.join(id).getString("token");
            attacker.fire(id, "say", "x".repeat(5000));
            // The decoder refuses the frame as it passes the limit, before buffering the rest, and the client hears why
            assertEquals(1009, attacker.awaitClosed(), "message too big");
            log.assertQuiet();
        }
        assertHonestClientServed(base);
        try (LiveClient back = LiveClient.connect(base)) {
            assertTrue(back.rejoin(id, token).getString("html").contains("class=\"calls\">0<"),
                    "the oversized event did nothing, and its component waits to be rejoined");
        }
    }

    @Test
    void aMessageIsMeasuredAcrossItsFramesAndALongerOneClosesTheConnectionWith1009() throws Exception {
        String id = LiveClient.mount("/echo-back");
        String token;
        try (LiveClient attacker = LiveClient.connect(base); LogCapture log = new LogCapture()) {
            token = attacker.join(id).getString("token");
            // Just under the limit, in three frames: read as one message
            long within = attacker.fireInFrames(id, 1500, "say", "x".repeat(3900));
            assertEquals("ok", attacker.answerTo(within).getString("t"));
            // Four frames, each far under the limit, the message past it: Vert.x alone would drop the message with a
            // warning and keep the connection open
            attacker.fireInFrames(id, 1500, "say", "y".repeat(5000));
            assertEquals(1009, attacker.awaitClosed(), "message too big");
            log.assertQuiet();
        }
        assertHonestClientServed(base);
        try (LiveClient back = LiveClient.connect(base)) {
            String html = back.rejoin(id, token).getString("html");
            assertTrue(html.contains("class=\"calls\">1<") && !html.contains("yyyy"),
                    "only the message within the limit ran: " + html);
        }
    }

    @Test
    void aFloodOfEventsIsRefusedThenClosed() throws Exception {
        String cookie = LiveClient.newAttackerCookie();
        String id = LiveClient.mount("/echo-back", cookie);
        try (LiveClient attacker = LiveClient.connectAs(base, cookie)) {
            attacker.join(id);
            for (int i = 0; i < 400 && !attacker.isClosed(); i++) {
                attacker.fire(id, "say", "flood " + i);
            }
            int status = attacker.awaitClosed();
            if (status != 1008) {
                // The close frame (1008) can be lost to a reset when the server closes while the flood is still being
                // written: the browser's cool-down then shows that the server cut it for breaking a limit
                ExecutionException cooling = assertThrows(ExecutionException.class,
                        () -> LiveClient.connectAs(base, cookie), "closed with " + status);
                assertTrue(cooling.getCause().getMessage().contains("429"), cooling.getCause().toString());
            }
            long refused = attacker.received().stream().filter(m -> "too-many".equals(m.getString("code"))).count();
            long applied = attacker.received().stream().filter(m -> "ok".equals(m.getString("t"))).count();
            System.out.printf("Flood of 400 events: %d applied, %d refused with too-many, then closed%n", applied,
                    refused);
            assertTrue(refused > 8, "refused before being closed: " + refused);
            assertTrue(applied < 400, "not every event ran: " + applied);
        }
        assertHonestClientServed(base);
    }

    /**
     * A flood written as fast as a socket takes it, by a client that never reads the close frame and comes straight
     * back: the connection is cut, the browser's next upgrades are refused with 429 until its cool-down is over, and
     * then it is cut again; other browsers connect and are served meanwhile.
     */
    @Test
    void aRawFloodIsCutAndKeptAwayForItsCoolDown() throws Exception {
        String attacker = LiveClient.newAttackerCookie();
        try (Attacks flood = Attacks.eventFlood(base, attacker)) {
            awaitCuts(flood, 1);
            ExecutionException refused = assertThrows(ExecutionException.class,
                    () -> LiveClient.connectAs(base, attacker));
            assertTrue(refused.getCause().getMessage().contains("429"), refused.getCause().toString());
            assertHonestClientServed(base);
            // Back after the cool-down, and cut again
            awaitCuts(flood, 2);
        }
    }

    private static void awaitCuts(Attacks flood, int cuts) {
        try {
            await().atMost(Duration.ofSeconds(20)).until(() -> flood.closedByServer.get() >= cuts);
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("the flood was not cut " + cuts + " times: " + flood.summary(), e);
        }
    }

    /**
     * A client that pipelines many messages within the limits (500 written at once, far more than the profile's
     * max-queued-events-per-connection of 8) gets every answer, including to what it wrote after them.
     */
    @Test
    void aClientThatPipelinesManyMessagesGetsEveryAnswer() throws Exception {
        String id = LiveClient.mount("/echo-back");
        try (StalledClient client = StalledClient.joined(base, LiveClient.BROWSER_COOKIE, id)) {
            // Leaving a component the connection never joined is no error and no event: nothing is refused
            String leave = new JsonObject().put("t", "leave").put("id", "never-joined").encode();
            client.sendTexts(java.util.Collections.nCopies(500, leave));
            client.sendText(new JsonObject().put("t", "event").put("ref", 7).put("id", id).put("handler", "say")
                    .put("args", new io.vertx.core.json.JsonArray().add("after the pause")).encode());
            JsonObject answer = client.answerTo(7);
            assertEquals("ok", answer.getString("t"), answer.encode());
            assertTrue(answer.encode().contains("after the pause"), answer.encode());
        }
    }

    @Test
    void theEventsOfAConnectionThatWentAwayAreNotRun() throws Exception {
        String id = LiveClient.mount("/slow-work");
        int before = SlowWork.STARTED.get();
        try (LiveClient client = LiveClient.connect(base)) {
            client.join(id);
            for (int i = 0; i < 8; i++) {
                client.fire(id, "work");
            }
            await().atMost(Duration.ofSeconds(5)).until(() -> SlowWork.STARTED.get() > before);
        }
        // Each would take 100 ms: had the queued ones run, all 8 would have started within a second
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
                .until(() -> SlowWork.STARTED.get() - before <= 2);
    }

    @Test
    void aClientThatSendsOnlyGarbageIsClosed() throws Exception {
        try (LiveClient attacker = LiveClient.connectAs(base, LiveClient.newAttackerCookie())) {
            for (int i = 0; i < 100 && !attacker.isClosed(); i++) {
                attacker.sendOnly(new JsonObject().put("t", "nonsense").put("ref", i));
            }
            assertEquals(1008, attacker.awaitClosed());
            assertTrue(attacker.received().size() < 20, "a few answers, not one per message: " + attacker.received());
        }
        assertHonestClientServed(base);
    }

    @Test
    void pageLoadsThatNeverJoinAreCapped() throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            ids.add(LiveClient.mount("/counter"));
            assertTrue(registry.pendingJoinCount() <= 40, "waiting components stay capped");
        }
        try (LiveClient client = LiveClient.connect(base)) {
            ProtocolTest.assertError(client.join(ids.get(0)), "unknown-component");
            assertEquals("ok", client.join(ids.get(ids.size() - 1)).getString("t"), "the latest page still works");
        }
    }

    @Test
    void componentsPerConnectionAreCapped() throws Exception {
        try (LiveClient client = LiveClient.connect(base)) {
            for (int i = 0; i < 5; i++) {
                assertEquals("ok", client.join(LiveClient.mount("/counter")).getString("t"));
            }
            ProtocolTest.assertError(client.join(LiveClient.mount("/counter")), "too-many");
        }
    }

    @Test
    void connectionsPerAddressAreCapped() throws Exception {
        await().atMost(Duration.ofSeconds(10)).until(() -> connections.count() == 0);
        List<LiveClient> open = new ArrayList<>();
        try {
            for (int i = 0; i < 12; i++) {
                open.add(LiveClient.connect(base));
            }
            ExecutionException refused = assertThrows(ExecutionException.class, () -> LiveClient.connect(base));
            assertTrue(refused.getCause().getMessage().contains("503"), refused.getCause().toString());
        } finally {
            for (LiveClient client : open) {
                client.close();
            }
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> connections.count() == 0);
        assertHonestClientServed(base);
    }

    @Test
    void aSilentConnectionIsClosedAndALiveOneIsNot() throws Exception {
        try (LiveClient silent = LiveClient.connect(base); LiveClient alive = LiveClient.connect(base)) {
            int before = connections.count();
            silent.stopReading();
            await().atMost(Duration.ofSeconds(20)).until(() -> connections.count() < before);
            assertFalse(alive.isClosed(), "answering pings keeps a quiet connection open");
            String id = LiveClient.mount("/counter");
            assertEquals("ok", alive.join(id).getString("t"));
        }
        get("/counter").then().statusCode(200);
    }

    private static long pings(SseClient client) {
        return client.events().stream().filter(event -> event.type().equals("ping")).count();
    }

    @Test
    void sseStreamsCountAgainstTheConnectionCapsAndHeartbeatsKeepThemOpen() throws Exception {
        await().atMost(Duration.ofSeconds(10)).until(() -> connections.count() == 0);
        List<SseClient> open = new ArrayList<>();
        try {
            for (int i = 0; i < 12; i++) {
                open.add(SseClient.open(base));
            }
            try (SseClient refused = SseClient.open(base)) {
                assertEquals(503, refused.response.statusCode());
            }
            SseClient quiet = open.get(0);
            // A heartbeat every 300 ms, and more of them than fit in the idle timeout (2 s): written, they count as heard
            await().atMost(Duration.ofSeconds(20)).until(() -> pings(quiet) >= 15);
            // Each says the interval, so the browser knows how long a silence means the stream is dead
            assertEquals(List.of("300"), quiet.events().stream().filter(event -> event.type().equals("ping"))
                    .map(SseClient.Event::data).distinct().toList());
            assertFalse(quiet.ended(), "a stream whose heartbeats are written is not silent");
            assertTrue(quiet.events().stream().noneMatch(event -> event.type().equals("close")), quiet.events().toString());
        } finally {
            for (SseClient client : open) {
                client.close();
            }
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> connections.count() == 0);
    }
}
