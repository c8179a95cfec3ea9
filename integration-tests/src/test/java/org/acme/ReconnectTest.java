package org.acme;

import static org.acme.ProtocolTest.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;

/**
 * Reconnection without loss, over real WebSockets: a component outlives its connection for the grace period, a rejoin
 * needs the resume token its first join gave, and numbered events apply exactly once.
 */
@QuarkusTest
class ReconnectTest {

    @TestHTTPResource("/")
    URI base;

    @Inject
    OpenCounters openCounters;

    @Test
    void everyConnectionStartsWithHello() throws Exception {
        try (LiveClient client = LiveClient.connect(base)) {
            assertEquals("hello", client.hello.getString("t"));
            assertEquals(2, client.hello.getInteger("v"));
            assertFalse(client.hello.getString("build", "").isBlank(), client.hello.encode());
        }
    }

    @Test
    void aRejoinResumesTheStateWithoutMountingAgain() throws Exception {
        String id = LiveClient.mount("/counter");
        String token;
        int joinedBefore = openCounters.everJoined();
        try (LiveClient first = LiveClient.connect(base)) {
            token = first.join(id).getString("token");
            assertNotNull(token, "the first join hands out the resume token");
            first.event(id, "add", 5);
        }
        try (LiveClient second = LiveClient.connect(base)) {
            long start = System.nanoTime();
            JsonObject rejoined = second.rejoin(id, token);
            System.out.printf("Rejoin answered with the component's HTML: %.1f ms%n", (System.nanoTime() - start) / 1e6);
            assertEquals("ok", rejoined.getString("t"), rejoined.encode());
            assertTrue(rejoined.getString("html").contains("Count: 5"), "a rejoin always sends the HTML");
            assertTrue(second.event(id, "increment").getString("html").contains("Count: 6"));
        }
        assertEquals(joinedBefore + 1, openCounters.everJoined(), "onMount() ran once, on the first join");
    }

    @Test
    void aRejoinNeedsTheComponentsOwnToken() throws Exception {
        String id = LiveClient.mount("/counter");
        String other = LiveClient.mount("/counter");
        String token;
        String otherToken;
        try (LiveClient first = LiveClient.connect(base)) {
            token = first.join(id).getString("token");
            otherToken = first.join(other).getString("token");
            first.event(id, "add", 3);
        }
        try (LiveClient thief = LiveClient.connect(base)) {
            assertError(thief.rejoin(id, "not-the-token"), "unknown-component");
            assertError(thief.rejoin(id, otherToken), "unknown-component");
            assertError(thief.rejoin(id, ""), "unknown-component");
            assertError(thief.join(id), "unknown-component");
            assertError(thief.event(id, "increment"), "unknown-component");
        }
        try (LiveClient owner = LiveClient.connect(base)) {
            JsonObject rejoined = owner.rejoin(id, token);
            assertTrue(rejoined.getString("html").contains("Count: 3"), "nothing the thief tried changed it");
        }
    }

    @Test
    void aRejoinTakesTheComponentOverFromAConnectionStillOpen() throws Exception {
        String id = LiveClient.mount("/counter");
        try (LiveClient stale = LiveClient.connect(base); LiveClient fresh = LiveClient.connect(base)) {
            String token = stale.join(id).getString("token");
            stale.event(id, "increment");
            assertTrue(fresh.rejoin(id, token).getString("html").contains("Count: 1"));
            assertError(stale.event(id, "increment"), "unknown-component");
            assertTrue(fresh.event(id, "increment").getString("html").contains("Count: 2"),
                    "the component belongs to one connection at a time");
        }
    }

    @Test
    void numberedEventsApplyOnceAndInOrder() throws Exception {
        String id = LiveClient.mount("/counter");
        try (LiveClient client = LiveClient.connect(base)) {
            client.join(id);
            assertTrue(client.numberedEvent(id, 1, "increment").getString("html").contains("Count: 1"));
            assertTrue(client.numberedEvent(id, 2, "add", 10).getString("html").contains("Count: 11"));

            JsonObject replayed = client.numberedEvent(id, 2, "add", 10);
            assertEquals("ok", replayed.getString("t"), "a resent event gets its earlier answer");
            assertFalse(replayed.containsKey("html"), replayed.encode());

            assertError(client.numberedEvent(id, 4, "increment"), "bad-sequence");
            assertError(client.numberedEvent(id, 0, "increment"), "bad-sequence");
            assertError(client.numberedEvent(id, -7, "increment"), "bad-sequence");

            JsonObject refused = client.numberedEvent(id, 3, "add", "abc");
            assertError(refused, "bad-arguments");
            JsonObject refusedAgain = client.numberedEvent(id, 3, "add", "abc");
            assertError(refusedAgain, "bad-arguments");
            assertEquals(refused.getString("message"), refusedAgain.getString("message"), "the same answer again");

            assertTrue(client.numberedEvent(id, 4, "increment").getString("html").contains("Count: 12"),
                    "replays and refusals changed nothing: " + client.received());
        }
    }

    @Test
    void eventsResentAfterAReconnectAreNotAppliedTwice() throws Exception {
        String id = LiveClient.mount("/counter");
        String token;
        try (LiveClient first = LiveClient.connect(base)) {
            token = first.join(id).getString("token");
            first.numberedEvent(id, 1, "increment");
            first.numberedEvent(id, 2, "increment");
        }
        try (LiveClient second = LiveClient.connect(base)) {
            second.rejoin(id, token);
            // The browser did not see the answer to 2, resends it, then the click made while offline
            assertEquals("ok", second.numberedEvent(id, 2, "increment").getString("t"));
            JsonObject offlineClick = second.numberedEvent(id, 3, "increment");
            assertTrue(offlineClick.getString("html").contains("Count: 3"), offlineClick.encode());
        }
    }

    @Test
    void windowOfRememberedAnswersIsBounded() throws Exception {
        String id = LiveClient.mount("/counter");
        try (LiveClient client = LiveClient.connect(base)) {
            client.join(id);
            for (int seq = 1; seq <= 20; seq++) {
                client.numberedEvent(id, seq, "increment");
            }
            assertEquals("ok", client.numberedEvent(id, 5, "increment").getString("t"), "within the last 16");
            assertError(client.numberedEvent(id, 4, "increment"), "bad-sequence");
            assertTrue(client.numberedEvent(id, 21, "increment").getString("html").contains("Count: 21"));
        }
    }

    @Test
    void aComponentThatLeftThePageCanComeBack() throws Exception {
        String id = LiveClient.mount("/counter");
        try (LiveClient client = LiveClient.connect(base)) {
            String token = client.join(id).getString("token");
            client.event(id, "add", 2);
            client.leave(id);
            assertError(client.event(id, "increment"), "unknown-component");
            assertTrue(client.rejoin(id, token).getString("html").contains("Count: 2"));
            assertTrue(client.event(id, "increment").getString("html").contains("Count: 3"));
        }
    }

    @Test
    void badRejoinsAndSequences() throws Exception {
        try (LiveClient client = LiveClient.connect(base)) {
            assertError(client.rejoin("no-such-id", "no-such-token"), "unknown-component");
            assertError(client.sendRaw("{\"t\":\"join\",\"v\":1,\"ref\":90,\"id\":\"x\",\"token\":5}"), "malformed");
            assertError(client.sendRaw("{\"t\":\"event\",\"ref\":91,\"id\":\"x\",\"handler\":\"a\",\"seq\":\"1\"}"),
                    "malformed");
            assertError(client.sendRaw("{\"t\":\"event\",\"ref\":92,\"id\":\"x\",\"handler\":\"a\",\"seq\":1.5}"),
                    "malformed");
            assertError(client.sendRaw("{\"t\":\"leave\"}"), "malformed");
        }
    }
}
