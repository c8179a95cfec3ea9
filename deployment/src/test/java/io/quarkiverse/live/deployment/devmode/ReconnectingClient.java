package io.quarkiverse.live.deployment.devmode;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.vertx.core.Vertx;
import io.vertx.core.http.ClientWebSocket;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * A protocol client that behaves as the browser runtime does across a server restart: when its connection closes it
 * connects again (every 250 ms until it succeeds), and after the hello rejoins its component with the resume token of
 * the first join. Like the runtime, it sends an event only on a connection its component has joined, and sends it again
 * (same seq) when the connection closed before the event was taken: a dev-mode restart may come twice. It keeps every
 * message it receives, with the time it arrived.
 */
final class ReconnectingClient implements AutoCloseable {

    /** A message from the server, and when it arrived ({@link System#nanoTime()}). */
    record Received(JsonObject message, long atNanos) {
    }

    private final Vertx vertx = Vertx.vertx();
    private final WebSocketClient client = vertx.createWebSocketClient();
    private final int port;
    private final String cookie;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicLong refs = new AtomicLong(1);
    private final AtomicLong connections = new AtomicLong();
    private final List<Long> closedAtNanos = new CopyOnWriteArrayList<>();
    private volatile WebSocket socket;
    /** The connection the component was last joined on, and the ref of the rejoin sent on the newest one. */
    private volatile WebSocket joinedOn;
    private volatile long rejoinRef = -1;
    private volatile String id;
    private volatile String token;
    private volatile boolean closed;

    ReconnectingClient(int port, String browser) {
        this.port = port;
        this.cookie = "live-browser=" + browser;
    }

    /** Connects and joins the component a page rendered; returns the join's answer. */
    JsonObject join(String componentId) throws Exception {
        id = componentId;
        connect().get(10, TimeUnit.SECONDS);
        long ref = refs.getAndIncrement();
        socket.writeTextMessage(new JsonObject().put("t", "join").put("v", 1).put("ref", ref).put("id", id).encode());
        JsonObject ok = answerTo(ref);
        token = ok.getString("token");
        joinedOn = socket;
        return ok;
    }

    /** Sends a numbered event and returns its answer. */
    JsonObject event(long seq, String handler) {
        for (int attempt = 1;; attempt++) {
            await().atMost(Duration.ofSeconds(30)).until(() -> joinedOn != null && joinedOn == socket);
            WebSocket on = socket;
            long ref = refs.getAndIncrement();
            on.writeTextMessage(new JsonObject().put("t", "event").put("ref", ref).put("id", id).put("seq", seq)
                    .put("handler", handler).put("args", new JsonArray()).encode());
            await().atMost(Duration.ofSeconds(30)).until(() -> answered(ref) != null || socket != on);
            JsonObject answer = answered(ref);
            // Not taken: the connection was replaced by a restart before the event reached the rejoined component
            boolean notTaken = answer == null || "unknown-component".equals(answer.getString("code")) && on != socket;
            if (!notTaken || attempt == 3) {
                return answer != null ? answer : answerTo(ref);
            }
        }
    }

    /** How many connections were opened, the first included. */
    long connections() {
        return connections.get();
    }

    List<Received> received() {
        return received;
    }

    /** When each connection closed ({@link System#nanoTime()}). */
    List<Long> closedAtNanos() {
        return closedAtNanos;
    }

    private CompletableFuture<WebSocket> connect() {
        WebSocketConnectOptions options = new WebSocketConnectOptions().setHost("localhost").setPort(port)
                .setURI("/_live/ws").addHeader("Cookie", cookie);
        // Handlers go on before the connection exists, so not even the hello can come before them
        ClientWebSocket ws = client.webSocket();
        ws.textMessageHandler(text -> receive(ws, new JsonObject(text)));
        ws.closeHandler(ignored -> {
            closedAtNanos.add(System.nanoTime());
            reconnect();
        });
        return ws.connect(options).onSuccess(connected -> {
            connections.incrementAndGet();
            // The client socket, not the connection it hands back: the one the message handlers compare with
            socket = ws;
        }).map(connected -> (WebSocket) ws).toCompletionStage().toCompletableFuture();
    }

    private void receive(WebSocket ws, JsonObject message) {
        received.add(new Received(message, System.nanoTime()));
        // Rejoins after a reconnect, as the runtime does once the hello has come
        if ("hello".equals(message.getString("t")) && token != null) {
            long ref = refs.getAndIncrement();
            rejoinRef = ref;
            ws.writeTextMessage(new JsonObject().put("t", "join").put("v", 1).put("ref", ref).put("id", id)
                    .put("token", token).encode());
        } else if ("ok".equals(message.getString("t")) && Long.valueOf(rejoinRef).equals(message.getLong("ref"))) {
            joinedOn = ws;
        }
    }

    private void reconnect() {
        if (!closed) {
            vertx.setTimer(250, ignored -> connect().whenComplete((ws, failure) -> {
                if (failure != null) {
                    reconnect();
                }
            }));
        }
    }

    private JsonObject answered(long ref) {
        return received.stream().map(Received::message).filter(m -> Long.valueOf(ref).equals(m.getLong("ref")))
                .findFirst().orElse(null);
    }

    private JsonObject answerTo(long ref) {
        await().atMost(Duration.ofSeconds(10))
                .until(() -> received.stream().anyMatch(r -> Long.valueOf(ref).equals(r.message().getLong("ref"))));
        return received.stream().map(Received::message).filter(m -> Long.valueOf(ref).equals(m.getLong("ref")))
                .findFirst().orElseThrow();
    }

    @Override
    public void close() {
        closed = true;
        vertx.close();
    }
}
