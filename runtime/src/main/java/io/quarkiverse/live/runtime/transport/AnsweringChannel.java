package io.quarkiverse.live.runtime.transport;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import io.vertx.core.Context;
import io.vertx.core.json.JsonObject;

/**
 * A connection the server itself drives, on one event loop, that speaks protocol 1 (one JSON object per message) and
 * waits for answers by ref: the post of a form without JavaScript, and the test API's views. Each answer completes
 * {@link #answer(long)}; a close completes every answer still awaited with a {@code closed} error.
 */
public abstract class AnsweringChannel implements Channel {

    private final Context eventLoop;
    private final Map<Long, CompletableFuture<JsonObject>> answers = new ConcurrentHashMap<>();
    private volatile boolean closing;

    protected AnsweringChannel(Context eventLoop) {
        this.eventLoop = eventLoop;
    }

    /** The answer to the message with that ref, once it comes. */
    public CompletableFuture<JsonObject> answer(long ref) {
        return answers.computeIfAbsent(ref, ignored -> new CompletableFuture<>());
    }

    /** Every message the server sends, answers and others; nothing by default. */
    protected void received(JsonObject message) {
    }

    @Override
    public void send(String message) {
        if (closing || !message.startsWith("{")) {
            return;
        }
        JsonObject reply = new JsonObject(message);
        received(reply);
        Long ref = reply.getLong("ref");
        if (ref != null) {
            answer(ref).complete(reply);
        }
    }

    @Override
    public void close(short code, String reason) {
        closing = true;
        answers.values().forEach(answer -> answer.complete(new JsonObject().put("t", "error").put("code", "closed")
                .put("message", reason)));
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
}
