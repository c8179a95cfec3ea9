package io.quarkiverse.live.deployment;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jboss.logmanager.ExtLogRecord;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.live.Live;
import io.quarkus.test.QuarkusUnitTest;
import io.quarkus.test.common.http.TestHTTPResource;
import io.vertx.core.Vertx;
import io.vertx.core.http.ClientWebSocket;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * Outside dev mode a handler that threw is answered with what failed and an incident id, nothing of the exception;
 * the server's ERROR line carries the same id, with the exception, so that what a user reports leads to it.
 */
public class FailureIncidentTest {

    // 22 characters, as the ids of the browser cookie the server sets
    private static final String BROWSER = "incident-browser-01234";
    private static final Pattern LIVE_ID = Pattern.compile("data-live-id=\"([^\"]+)\"");
    private static final String SECRET = "card 4111 of customer 42 declined";

    @RegisterExtension
    static final QuarkusUnitTest test = new QuarkusUnitTest()
            .withApplicationRoot(root -> root.addClasses(Checkout.class)
                    .addAsResource(new StringAsset("<div><button @click=\"pay\">Pay</button></div>"),
                            "templates/Checkout.html"));

    @TestHTTPResource("/")
    URI base;

    @Test
    void theBrowserGetsAGenericMessageAndTheIdOfTheLogLine() throws Exception {
        Matcher id = LIVE_ID.matcher(given().header("Cookie", "live-browser=" + BROWSER).get("/checkout").then()
                .statusCode(200).extract().asString());
        assertTrue(id.find());

        List<JsonObject> received = new CopyOnWriteArrayList<>();
        ErrorLog log = new ErrorLog("io.quarkiverse.live");
        Vertx vertx = Vertx.vertx();
        try {
            ClientWebSocket socket = vertx.createWebSocketClient().webSocket();
            socket.textMessageHandler(text -> received.add(new JsonObject(text)));
            socket.connect(new WebSocketConnectOptions().setHost(base.getHost()).setPort(base.getPort())
                    .setURI("/_live/ws").addHeader("Cookie", "live-browser=" + BROWSER))
                    .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            socket.writeTextMessage(new JsonObject().put("t", "join").put("v", 1).put("ref", 1).put("id", id.group(1))
                    .encode());
            JsonObject joined = answerTo(1, received);
            assertEquals("ok", joined.getString("t"), joined.encode());
            socket.writeTextMessage(new JsonObject().put("t", "event").put("ref", 2).put("id", id.group(1))
                    .put("seq", 1).put("handler", "pay").put("args", new JsonArray()).encode());
            JsonObject failed = answerTo(2, received);

            assertEquals("handler-failed", failed.getString("code"), failed.encode());
            assertEquals("pay() failed", failed.getString("message"), failed.encode());
            assertFalse(failed.containsKey("trace"), failed.encode());
            for (String leak : List.of(SECRET, "IllegalStateException", "java.", "Checkout.")) {
                assertFalse(failed.encode().contains(leak), leak + " in " + failed.encode());
            }
            String incident = failed.getString("incident");
            assertTrue(incident.matches("[0-9a-f]{8}"), failed.encode());

            await().atMost(Duration.ofSeconds(5)).until(() -> !log.records.isEmpty());
            ExtLogRecord line = assertInstanceOf(ExtLogRecord.class, log.records.get(0));
            assertTrue(line.getFormattedMessage().contains("incident " + incident), line.getFormattedMessage());
            assertEquals(SECRET, line.getThrown().getMessage(), "the log line has the exception");
        } finally {
            log.close();
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }

    private static JsonObject answerTo(long ref, List<JsonObject> received) {
        await().atMost(Duration.ofSeconds(10)).until(() -> received.stream().anyMatch(m -> isAnswer(m, ref)));
        return received.stream().filter(m -> isAnswer(m, ref)).findFirst().orElseThrow();
    }

    private static boolean isAnswer(JsonObject message, long ref) {
        return Long.valueOf(ref).equals(message.getLong("ref"));
    }

    /** The ERROR records of a logger and its children, while it is open. */
    private static final class ErrorLog extends Handler implements AutoCloseable {

        // Held, so that the handler stays on it
        private final Logger logger;
        final List<LogRecord> records = new CopyOnWriteArrayList<>();

        ErrorLog(String name) {
            logger = Logger.getLogger(name);
            logger.addHandler(this);
        }

        @Override
        public void publish(LogRecord record) {
            if (record.getLevel().intValue() >= Level.SEVERE.intValue()) {
                records.add(record);
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
            logger.removeHandler(this);
        }
    }

    @Live(path = "/checkout")
    static class Checkout {

        void pay() {
            throw new IllegalStateException(SECRET);
        }
    }
}
