package io.quarkiverse.live.test;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import io.quarkiverse.live.runtime.transport.Channel;
import io.vertx.core.Context;
import io.vertx.core.json.JsonObject;

/**
 * The connection of a {@link LiveView}: it speaks protocol 1 (one JSON object per message) as a browser would, on an
 * event loop of the application's Vert.x. Answers complete {@link #answer(long)}; every message also goes to the view,
 * which keeps the component's HTML up to date with answers and pushed renders alike.
 */
final class TestChannel implements Channel {

    private final Context eventLoop;
    private volatile Consumer<JsonObject> listener = message -> {
    };
    private final Map<Long, CompletableFuture<JsonObject>> answers = new ConcurrentHashMap<>();
    private volatile boolean closing;
    private volatile String closeReason;

    TestChannel(Context eventLoop) {
        this.eventLoop = eventLoop;
    }

    /** Who hears every message from now on; what came before (the {@code hello}) is of no interest to a view. */
    void listen(Consumer<JsonObject> listener) {
        this.listener = listener;
    }

    /** The answer to the message with that ref, once it comes. */
    CompletableFuture<JsonObject> answer(long ref) {
        return answers.computeIfAbsent(ref, ignored -> new CompletableFuture<>());
    }

    @Override
    public void send(String message) {
        if (closing || !message.startsWith("{")) {
            return;
        }
        JsonObject reply = new JsonObject(message);
        listener.accept(reply);
        Long ref = reply.getLong("ref");
        if (ref != null) {
            answer(ref).complete(reply);
        }
    }

    @Override
    public void close(short code, String reason) {
        closing = true;
        closeReason = code + " " + reason;
        answers.values().forEach(answer -> answer.complete(new JsonObject().put("t", "error").put("code", "closed")
                .put("message", "the server closed the connection: " + closeReason)));
    }

    /** Why the server closed the connection, or {@code null} while it is open. */
    String closeReason() {
        return closeReason;
    }

    @Override
    public boolean isClosing() {
        return closing;
    }

    @Override
    public boolean brokeALimit() {
        return false;
    }

    @Override
    public Context eventLoop() {
        return eventLoop;
    }

    @Override
    public String describe() {
        return "test connection";
    }
}
