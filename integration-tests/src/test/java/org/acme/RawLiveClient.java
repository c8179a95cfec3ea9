package org.acme;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import io.vertx.core.Vertx;
import io.vertx.core.http.ClientWebSocket;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * A protocol client for tests that need many connections at once: unlike {@link LiveClient} it has no Vert.x of its
 * own, keeps nothing but the answers it waits for, and never blocks. Connects as the test browser
 * ({@link LiveClient#BROWSER_COOKIE}).
 */
final class RawLiveClient {

    private final ClientWebSocket socket;
    private final AtomicLong refs = new AtomicLong(1);
    private final Map<Long, CompletableFuture<JsonObject>> waiting = new ConcurrentHashMap<>();
    private final HtmlCopies copies = new HtmlCopies();

    private RawLiveClient(ClientWebSocket socket) {
        this.socket = socket;
    }

    /** Opens a connection to the server on the loopback port and completes once its {@code hello} arrived. */
    static CompletableFuture<RawLiveClient> connect(Vertx vertx, int port) {
        // Vert.x opens at most 50 WebSockets to one server unless told otherwise
        ClientWebSocket socket = vertx.createWebSocketClient(new WebSocketClientOptions().setMaxConnections(20_000))
                .webSocket();
        RawLiveClient client = new RawLiveClient(socket);
        CompletableFuture<RawLiveClient> greeted = new CompletableFuture<>();
        socket.textMessageHandler(text -> {
            JsonObject message = client.copies.read(new JsonObject(text));
            if ("hello".equals(message.getString("t"))) {
                greeted.complete(client);
                return;
            }
            Long ref = message.getLong("ref");
            CompletableFuture<JsonObject> answer = ref == null ? null : client.waiting.remove(ref);
            if (answer != null) {
                answer.complete(message);
            }
        });
        socket.closeHandler(ignored -> {
            IllegalStateException closed = new IllegalStateException("closed with " + socket.closeStatusCode());
            greeted.completeExceptionally(closed);
            client.waiting.values().forEach(answer -> answer.completeExceptionally(closed));
        });
        socket.connect(new WebSocketConnectOptions().setHost("127.0.0.1").setPort(port).setURI("/_live/ws")
                .addHeader("Cookie", LiveClient.BROWSER_COOKIE))
                .onFailure(greeted::completeExceptionally);
        return greeted;
    }

    CompletableFuture<JsonObject> join(String id) {
        return request(new JsonObject().put("t", "join").put("v", 1).put("id", id));
    }

    CompletableFuture<JsonObject> event(String id, String handler, Object... args) {
        return request(new JsonObject().put("t", "event").put("id", id).put("handler", handler)
                .put("args", new JsonArray(List.of(args))));
    }

    private CompletableFuture<JsonObject> request(JsonObject message) {
        long ref = refs.getAndIncrement();
        CompletableFuture<JsonObject> answer = new CompletableFuture<>();
        waiting.put(ref, answer);
        socket.writeTextMessage(message.put("ref", ref).encode());
        return answer;
    }

    void close() {
        socket.close();
    }
}
