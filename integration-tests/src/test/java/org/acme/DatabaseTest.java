package org.acme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;

/**
 * Components on a real database (H2 through Hibernate ORM with Panache), over a real WebSocket: {@code @Transactional}
 * handlers and {@code onMount()} run on a worker thread in a transaction, and a handler that queries without saying
 * so is told which annotation it lacks.
 */
@QuarkusTest
class DatabaseTest {

    @TestHTTPResource("/")
    URI base;

    @Test
    void transactionalHandlersStoreAndLoadRows() throws Exception {
        String message = "Signed at " + System.nanoTime();
        try (LiveClient client = LiveClient.connect(base)) {
            String id = LiveClient.mount("/guestbook");
            assertEquals("ok", client.join(id).getString("t"), "a @Transactional onMount() loads the entries");

            JsonObject empty = client.event(id, "sign", new JsonObject().put("name", "").put("message", ""));
            assertEquals("invalid", empty.getString("code"), empty.encode());
            assertTrue(empty.getJsonObject("errors").containsKey("name"), empty.encode());
            assertTrue(empty.getJsonObject("errors").containsKey("message"), empty.encode());

            JsonObject signed = client.event(id, "sign", new JsonObject().put("name", "Ada").put("message", message));
            assertEquals("ok", signed.getString("t"), signed.encode());
            assertTrue(signed.getString("html").contains(message), signed.encode());
        }
        try (LiveClient later = LiveClient.connect(base)) {
            JsonObject joined = later.join(LiveClient.mount("/guestbook"));
            assertTrue(joined.getString("html").contains(message), "read back from the database: " + joined.encode());
        }
    }

    @Test
    void aQueryOnTheEventLoopNamesTheAnnotationToAdd() throws Exception {
        List<String> logged = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                logged.add(String.valueOf(record.getMessage()));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger dispatcher = Logger.getLogger("io.quarkiverse.live.runtime.dispatch.Dispatcher");
        dispatcher.addHandler(capture);
        try (LiveClient client = LiveClient.connect(base)) {
            String id = LiveClient.mount("/forgot-blocking");
            client.join(id);
            JsonObject failed = client.event(id, "count");
            assertEquals("handler-failed", failed.getString("code"), failed.encode());
            assertTrue(logged.stream().anyMatch(line -> line.contains("ForgotBlocking.count()")
                    && line.contains("@Blocking")), "the log says what to do: " + logged);
            assertFalse(failed.getString("message").contains("Exception"), "details stay in the log outside dev mode");
        } finally {
            dispatcher.removeHandler(capture);
        }
    }
}
