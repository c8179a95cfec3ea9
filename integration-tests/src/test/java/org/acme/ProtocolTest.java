package org.acme;

import static io.restassured.RestAssured.get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * The wire protocol against the running application, over a real WebSocket.
 */
@QuarkusTest
class ProtocolTest {

    @TestHTTPResource("/")
    URI base;

    @Inject
    OpenCounters openCounters;

    private String mountCounter() {
        String html = LiveClient.page("/counter");
        assertTrue(html.contains("Count: 0"), html);
        return LiveClient.componentIds(html).get(0);
    }

    @Test
    void joinThenClickChangesTheCount() throws Exception {
        String id = mountCounter();
        try (LiveClient client = LiveClient.connect(base)) {
            JsonObject joined = client.join(id);
            assertEquals("ok", joined.getString("t"));
            assertNull(joined.getString("html"), "onMount() changed nothing, so the join sends no HTML");

            JsonObject reply = client.event(id, "increment");
            assertEquals("ok", reply.getString("t"));
            assertTrue(reply.getString("html").contains("Count: 1"), reply.encode());
            assertTrue(reply.getString("html").contains("data-live-id=\"" + id + "\""));

            int whole = client.rawLength(client.lastRef());

            reply = client.event(id, "add", 10);
            assertTrue(reply.getString("html").contains("Count: 11"), reply.encode());
            System.out.printf("Bytes sent for one counter click: %d (whole HTML), %d (edits)%n", whole,
                    client.rawLength(client.lastRef()));
        }
    }

    @Test
    void protocolTwoNumbersComponentsAndSendsArrays() throws Exception {
        String id = mountCounter();
        try (LiveClient client = LiveClient.connect(base)) {
            JsonObject joined = client.joinCompact(id);
            assertEquals(1, joined.getInteger("c"), joined.encode());
            client.compactEvent(id, 1, "increment");
            String up = client.compactEvent(id, 2, "increment");
            String down = client.rawReceived().get(client.rawReceived().size() - 1);
            assertTrue(down.matches("\\[\\d+,\\[\\d+,1,\"2\"]]"), down);
            System.out.printf("Protocol 2, one counter click: %d bytes up, %d bytes down: %s %s%n", up.length(),
                    down.length(), up, down);
            assertTrue(up.length() <= 32 && down.length() <= 24, up + " " + down);
            // A replayed event is answered [ref] alone
            client.compactEvent(id, 2, "increment");
            assertTrue(client.rawReceived().get(client.rawReceived().size() - 1).matches("\\[\\d+]"));
            // A component that left the connection gives its number up
            client.leave(id);
            assertError(client.sendRaw("[99,1,3,\"increment\",[]]"), "unknown-component");
        }
    }

    @Test
    void afterTheWholeHtmlOnceOnlyEditsOfItAreSent() throws Exception {
        String id = mountCounter();
        try (LiveClient client = LiveClient.connect(base)) {
            client.join(id);
            JsonObject first = new JsonObject(client.rawReply(client.event(id, "increment").getLong("ref")));
            assertTrue(first.getString("html").contains("Count: 1"), "the browser has no copy yet: " + first.encode());
            JsonObject second = new JsonObject(client.rawReply(client.event(id, "increment").getLong("ref")));
            assertNull(second.getString("html"), second.encode());
            assertEquals(new JsonArray().add(first.getString("html").indexOf("Count: 1") + 7).add(1).add("2"),
                    second.getJsonArray("d"), "one digit replaced: " + second.encode());
            assertTrue(client.rawLength(second.getLong("ref")) < 80, second.encode());
        }
    }

    @Test
    void onlyChangedHtmlIsSent() throws Exception {
        String id = mountCounter();
        try (LiveClient client = LiveClient.connect(base)) {
            client.join(id);
            client.event(id, "add", 0);
            JsonObject unchanged = client.event(id, "add", 0);
            assertEquals("ok", unchanged.getString("t"));
            assertFalse(unchanged.containsKey("html"), unchanged.encode());
        }
    }

    @Test
    void eventsOfOneComponentRunInOrder() throws Exception {
        String id = mountCounter();
        try (LiveClient client = LiveClient.connect(base)) {
            client.join(id);
            for (int i = 0; i < 50; i++) {
                client.event(id, "increment");
            }
            JsonObject last = client.event(id, "add", 1000);
            assertTrue(last.getString("html").contains("Count: 1050"), last.encode());
        }
    }

    @Test
    void mountRunsOnJoinAndAClosedConnectionDoesNotUnmount() throws Exception {
        int before = openCounters.everJoined();
        String id = mountCounter();
        LiveClient client = LiveClient.connect(base);
        client.join(id);
        assertEquals(before + 1, openCounters.everJoined());
        int online = openCounters.online();
        client.close();
        // The browser may come back within quarkus.live.reconnect-grace: the component waits, mounted
        // (DetachedComponentsTest sees onUnmount() run once the grace period is over)
        try (LiveClient other = LiveClient.connect(base)) {
            other.join(mountCounter());
            assertEquals(online + 1, openCounters.online());
        }
    }

    @Test
    void anIdCanBeJoinedOnce() throws Exception {
        String id = mountCounter();
        try (LiveClient first = LiveClient.connect(base); LiveClient second = LiveClient.connect(base)) {
            assertEquals("ok", first.join(id).getString("t"));
            JsonObject stolen = second.join(id);
            assertError(stolen, "unknown-component");
            JsonObject event = second.event(id, "increment");
            assertError(event, "unknown-component");
        }
    }

    @Test
    void unknownComponentId() throws Exception {
        try (LiveClient client = LiveClient.connect(base)) {
            assertError(client.join("no-such-id"), "unknown-component");
            assertError(client.event("no-such-id", "increment"), "unknown-component");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "nope", "toString", "getClass", "hashCode", "wait", "notify", "equals", "onMount",
            "onUnmount", "$$live$get$count", "$$live$set$count", "<init>", "count", "presence" })
    void onlyHandlersCanBeCalled(String handler) throws Exception {
        String id = mountCounter();
        try (LiveClient client = LiveClient.connect(base)) {
            client.join(id);
            assertError(client.event(id, handler), "unknown-handler");
            assertStillWorks(client, id);
        }
    }

    @Test
    void privateAndStaticMethodsAreNoHandlers() throws Exception {
        String html = LiveClient.page("/handlers");
        String id = LiveClient.componentIds(html).get(0);
        try (LiveClient client = LiveClient.connect(base)) {
            client.join(id);
            assertError(client.event(id, "secret"), "unknown-handler");
            assertError(client.event(id, "shared"), "unknown-handler");
            assertError(client.event(id, "label"), "unknown-handler");
            JsonObject reply = client.event(id, "visible");
            assertTrue(reply.getString("html").contains("calls: 1"), reply.encode());
        }
    }

    @Test
    void wrongArgumentCount() throws Exception {
        String id = mountCounter();
        try (LiveClient client = LiveClient.connect(base)) {
            client.join(id);
            assertError(client.event(id, "add"), "bad-arguments");
            assertError(client.event(id, "add", 1, 2), "bad-arguments");
            assertError(client.event(id, "increment", 1), "bad-arguments");
            assertStillWorks(client, id);
        }
    }

    @Test
    void argumentsOfTheWrongType() throws Exception {
        String id = mountCounter();
        try (LiveClient client = LiveClient.connect(base)) {
            client.join(id);
            JsonObject notANumber = client.event(id, "add", "abc");
            assertError(notANumber, "bad-arguments");
            assertTrue(notANumber.getString("message").contains("\"abc\" is not a valid int"),
                    notANumber.encode());
            assertError(client.event(id, "add", 99999999999L), "bad-arguments");
            assertError(client.event(id, "add", 1.5), "bad-arguments");
            assertError(client.event(id, "add", (Object) null), "bad-arguments");
            assertError(client.event(id, "add", new JsonObject().put("x", 1)), "bad-arguments");
            assertStillWorks(client, id);
        }
    }

    @Test
    void malformedMessages() throws Exception {
        String id = mountCounter();
        try (LiveClient client = LiveClient.connect(base)) {
            client.join(id);
            assertError(client.sendRaw("{not json"), "malformed");
            assertError(client.sendRaw("[1,2,3]"), "malformed");
            assertError(client.sendRaw("42"), "malformed");
            assertError(client.sendRaw("{}"), "malformed");
            assertError(client.sendRaw("{\"t\":\"event\",\"ref\":\"x\",\"id\":\"" + id + "\"}"), "malformed");
            assertError(client.sendRaw("{\"t\":\"event\",\"ref\":7,\"id\":\"" + id + "\"}"), "malformed");
            assertError(client.sendRaw("{\"t\":\"event\",\"ref\":8,\"id\":\"" + id + "\",\"handler\":\"add\",\"args\":5}"),
                    "malformed");
            assertError(client.sendRaw("{\"t\":\"launch\",\"ref\":9,\"id\":\"" + id + "\"}"), "unknown-message");
            assertError(client.sendRaw("{\"t\":\"join\",\"v\":3,\"ref\":10,\"id\":\"x\"}"), "unsupported-version");
            assertError(client.sendRaw("[11,99,1,\"increment\",[]]"), "unknown-component");
            assertError(client.sendRaw("[12,1,1,5]"), "malformed");
            assertStillWorks(client, id);
        }
    }

    @Test
    void binaryFrames() throws Exception {
        String id = mountCounter();
        try (LiveClient client = LiveClient.connect(base)) {
            client.join(id);
            assertError(client.sendBinary(new byte[] { 1, 2, 3 }), "binary-not-supported");
            assertStillWorks(client, id);
        }
    }

    @Test
    void aHandlerThatThrowsLeavesTheConnectionWorking() throws Exception {
        String html = LiveClient.page("/handlers");
        String id = LiveClient.componentIds(html).get(0);
        try (LiveClient client = LiveClient.connect(base)) {
            client.join(id);
            assertError(client.event(id, "explode"), "handler-failed");
            JsonObject reply = client.event(id, "visible");
            assertEquals("ok", reply.getString("t"), reply.encode());
        }
    }

    @Test
    void upgradesFromAnotherSiteAreRefused() throws Exception {
        String sameOrigin = "http://" + base.getHost() + ":" + base.getPort();
        try (LiveClient client = LiveClient.connect(base, sameOrigin)) {
            assertStillWorks(client, client.join(mountCounter()).getString("id"));
        }
        java.util.concurrent.ExecutionException refused = org.junit.jupiter.api.Assertions.assertThrows(
                java.util.concurrent.ExecutionException.class, () -> LiveClient.connect(base, "http://evil.example"));
        assertTrue(refused.getCause().getMessage().contains("403"), refused.getCause().toString());
    }

    @Test
    void aRequestForTheSocketThatIsNoUpgradeIsToldSo() {
        get("/_live/ws").then().statusCode(400).body(org.hamcrest.Matchers.containsString("WebSocket upgrade"));
    }

    @Test
    void anOriginWithAnotherSchemeIsRefused() {
        String https = "https://" + base.getHost() + ":" + base.getPort();
        java.util.concurrent.ExecutionException refused = org.junit.jupiter.api.Assertions.assertThrows(
                java.util.concurrent.ExecutionException.class, () -> LiveClient.connect(base, https));
        assertTrue(refused.getCause().getMessage().contains("403"), refused.getCause().toString());
    }

    @Test
    void aSiteWhoseNameResolvesToThisMachineIsRefused() {
        // DNS rebinding: the page of rebound.example, whose name now points at the loopback address, names its own
        // host in both Origin and Host
        String rebound = "rebound.example:" + base.getPort();
        java.util.concurrent.ExecutionException refused = org.junit.jupiter.api.Assertions.assertThrows(
                java.util.concurrent.ExecutionException.class,
                () -> LiveClient.connect(base, java.util.Map.of("Origin", "http://" + rebound, "Host", rebound)));
        assertTrue(refused.getCause().getMessage().contains("403"), refused.getCause().toString());
    }

    /** The reply is an error of that code, with a message that says what was wrong. */
    static void assertError(JsonObject reply, String code) {
        assertEquals("error", reply.getString("t"), reply.encode());
        assertEquals(code, reply.getString("code"), reply.encode());
        assertFalse(reply.getString("message", "").isBlank(), "an error says what was wrong: " + reply.encode());
    }

    /** State is unchanged by the bad requests before, and the same connection takes the next valid event. */
    private static void assertStillWorks(LiveClient client, String id) {
        JsonObject reply = client.event(id, "increment");
        assertEquals("ok", reply.getString("t"), reply.encode());
        assertTrue(reply.getString("html").contains("Count: 1"), reply.encode());
    }
}
