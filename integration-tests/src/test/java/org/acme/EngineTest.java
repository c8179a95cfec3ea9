package org.acme;

import static io.restassured.RestAssured.get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;

/**
 * Where handlers run and which CDI request context they see, over a real WebSocket: the event loop by default, a
 * worker for {@code @Blocking}, a virtual thread (or Quarkus' fallback) for {@code @RunOnVirtualThread}, and one
 * request context per task that covers the handler and the render after it.
 */
@QuarkusTest
class EngineTest {

    @TestHTTPResource("/")
    URI base;

    private static String text(JsonObject reply, String cssClass) {
        Matcher matcher = Pattern.compile("class=\"" + cssClass + "\">([^<]*)<").matcher(reply.getString("html"));
        assertTrue(matcher.find(), "no ." + cssClass + " in " + reply.encode());
        return matcher.group(1);
    }

    @Test
    void handlersRunWhereTheirAnnotationsSay() throws Exception {
        String id = LiveClient.mount("/where-it-runs");
        try (LiveClient client = LiveClient.connect(base)) {
            JsonObject joined = client.join(id);
            assertEquals("ok", joined.getString("t"), joined.encode());
            assertTrue(text(joined, "mount-thread").contains("executor-thread"),
                    "@Blocking onMount() runs on a worker: " + joined.encode());
            assertNotEquals("0", text(joined, "mount-request"), "onMount() has a request context");

            JsonObject loop = client.event(id, "onLoop");
            assertTrue(text(loop, "thread").contains("vert.x-eventloop-thread"), loop.encode());
            assertEquals("true", text(loop, "event-loop"));

            JsonObject worker = client.event(id, "onWorker");
            assertTrue(text(worker, "thread").contains("executor-thread"), worker.encode());
            assertEquals("false", text(worker, "event-loop"));

            JsonObject virtual = client.event(id, "onVirtualThread");
            assertEquals("false", text(virtual, "event-loop"), "never on the event loop: " + virtual.encode());
        }
    }

    @Test
    void eachTaskHasItsOwnRequestContextCoveringHandlerAndRender() throws Exception {
        String id = LiveClient.mount("/where-it-runs");
        try (LiveClient client = LiveClient.connect(base)) {
            client.join(id);
            int destroyedBefore = RequestProbe.destroyed();
            JsonObject first = client.event(id, "onLoop");
            assertEquals(text(first, "handler-request"), text(first, "render-request"),
                    "the render runs in the handler's request context");
            JsonObject second = client.event(id, "onWorker");
            assertEquals(text(second, "handler-request"), text(second, "render-request"));
            assertNotEquals(text(first, "handler-request"), text(second, "handler-request"), "one context per task");
            assertTrue(RequestProbe.destroyed() >= destroyedBefore + 2, "each task's context ends with the task");

            JsonObject async = client.event(id, "later");
            assertEquals(text(async, "handler-request"), text(async, "render-request"),
                    "an asynchronous handler's render is back in the context the handler started in");
        }
    }

    @Test
    void aHandlerThatNeverReturnsHoldsOnlyItsOwnComponent() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        WhereItRuns.release = release;
        String stuck = LiveClient.mount("/where-it-runs");
        String neighbour = LiveClient.mount("/where-it-runs");
        String counter = LiveClient.mount("/counter");
        try (LiveClient client = LiveClient.connect(base); LiveClient other = LiveClient.connect(base)) {
            client.join(stuck);
            client.join(neighbour);
            CompletableFuture<JsonObject> hanging = CompletableFuture.supplyAsync(() -> client.event(stuck, "hang"));
            // Same connection, another component: not held up
            assertEquals("ok", client.event(neighbour, "onWorker").getString("t"));
            assertEquals("ok", client.event(neighbour, "onLoop").getString("t"));
            // Another connection: not held up either
            other.join(counter);
            assertTrue(other.event(counter, "increment").getString("html").contains("Count: 1"));
            assertTrue(!hanging.isDone(), "the hanging handler is still running");
            release.countDown();
            assertEquals("ok", hanging.get().getString("t"), "it finishes once let go");
            assertEquals("ok", client.event(stuck, "onLoop").getString("t"), "and its component goes on");
        } finally {
            release.countDown();
        }
    }
}
