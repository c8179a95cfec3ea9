package io.quarkiverse.live.deployment.devmode;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusDevModeTest;
import io.restassured.RestAssured;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * The Dev UI card: its build-time data lists the components with their handlers, and its JSON-RPC service lists an open
 * live connection with its component and what it has done.
 */
public class DevUICardTest {

    private static final int PORT = freePort();
    private static final String BROWSER = "dev-ui-browser-0123456";
    private static final Pattern ID = Pattern.compile("data-live-id=\"([^\"]+)\"");

    @RegisterExtension
    static final QuarkusDevModeTest test = new QuarkusDevModeTest()
            .withApplicationRoot(root -> root.addClasses(DevUICounter.class, DevCounter.class)
                    .addAsResource(new StringAsset("<div><p>{count}</p><button @click=\"increment\">+</button>"
                            + "<button @click=\"add(2)\">+2</button>"
                            + "<button @click=\"reset\">0</button></div>"), "templates/DevUICounter.html")
                    .addAsResource(new StringAsset("<div>{count} <button @click=\"increment\">+</button></div>"),
                            "templates/DevCounter.html")
                    .addAsResource(new StringAsset("quarkus.http.port=" + PORT + "\n"), "application.properties"));

    @Test
    void buildTimeDataListsTheComponentsWithTheirHandlers() {
        String data = RestAssured.given().port(PORT).get("/q/dev-ui/quarkus-live-data.js")
                .then().statusCode(200).extract().asString();
        JsonArray components = new JsonArray(data.substring(data.indexOf('['), data.lastIndexOf(']') + 1));
        assertEquals(2, components.size(), data);

        JsonObject counter = components.getJsonObject(1);
        assertEquals("DevUICounter", counter.getString("name"), data);
        assertEquals(DevUICounter.class.getName(), counter.getString("className"));
        assertEquals("templates/DevUICounter.html", counter.getString("template"));
        assertEquals("/dev-ui-counter", counter.getString("route"));
        assertEquals(new JsonArray().add("count"), counter.getJsonArray("stateFields"));
        assertEquals(new JsonArray()
                .add(new JsonObject().put("signature", "increment()").put("executionModel", "EVENT_LOOP"))
                .add(new JsonObject().put("signature", "add(int amount)").put("executionModel", "EVENT_LOOP"))
                .add(new JsonObject().put("signature", "reset()").put("executionModel", "WORKER")),
                counter.getJsonArray("handlers"), data);
        assertEquals("DevCounter", components.getJsonObject(0).getString("name"), data);
    }

    @Test
    void connectionsListAJoinedComponentWithItsCounters() throws Exception {
        String page = RestAssured.given().port(PORT).header("Cookie", "live-browser=" + BROWSER)
                .get("/dev-ui-counter").then().statusCode(200).extract().asString();
        Matcher matcher = ID.matcher(page);
        assertTrue(matcher.find(), page);
        String id = matcher.group(1);

        try (ReconnectingClient client = new ReconnectingClient(PORT, BROWSER)) {
            client.join(id);
            for (int seq = 1; seq <= 3; seq++) {
                assertEquals("ok", client.event(seq, "increment").getString("t"));
            }

            JsonArray connections = await().atMost(Duration.ofSeconds(10))
                    .until(() -> callDevUI("getConnections"), list -> !list.isEmpty());
            assertEquals(1, connections.size(), connections::encode);
            JsonObject connection = connections.getJsonObject(0);
            JsonObject component = connection.getJsonArray("components").getJsonObject(0);
            assertEquals("DevUICounter", component.getString("name"), connection::encode);
            assertEquals(id, component.getString("id"));
            assertEquals(3, connection.getLong("eventsHandled"), connection::encode);
            assertTrue(connection.getLong("charactersSent") > 0, connection::encode);
            // Its state as a restart would keep it: {"count":3}
            assertEquals(11, connection.getLong("approxStateSize"), connection::encode);
            assertEquals(11, component.getLong("stateSize"), connection::encode);
            assertTrue(connection.getLong("htmlKept") > 0, connection::encode);
            assertTrue(connection.getString("connectedSince").matches("\\d{4}-\\d\\d-\\d\\dT.*Z"),
                    connection::encode);
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> callDevUI("getConnections").isEmpty());
    }

    /**
     * Calls a method of the card's JSON-RPC service as the Dev UI does, over its WebSocket: Quarkus 3.32 names it
     * {@code <extension>_<method>}.
     */
    private static JsonArray callDevUI(String method) throws Exception {
        Vertx vertx = Vertx.vertx();
        try {
            CompletableFuture<JsonObject> answer = new CompletableFuture<>();
            WebSocket socket = vertx.createWebSocketClient()
                    .connect(new WebSocketConnectOptions().setHost("localhost").setPort(PORT)
                            .setURI("/q/dev-ui/json-rpc-ws"))
                    .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            socket.textMessageHandler(text -> {
                JsonObject message = new JsonObject(text);
                if (Integer.valueOf(7).equals(message.getValue("id"))) {
                    answer.complete(message);
                }
            });
            socket.writeTextMessage(new JsonObject().put("jsonrpc", "2.0").put("id", 7)
                    .put("method", "quarkus-live_" + method).put("params", new JsonObject()).encode());
            JsonObject reply = answer.get(10, TimeUnit.SECONDS);
            Object result = reply.getValue("result");
            if (result instanceof JsonObject wrapped && wrapped.containsKey("object")) {
                result = wrapped.getValue("object");
            }
            assertTrue(result instanceof JsonArray, reply::encode);
            return (JsonArray) result;
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
