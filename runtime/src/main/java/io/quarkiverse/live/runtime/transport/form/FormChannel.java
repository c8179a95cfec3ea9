package io.quarkiverse.live.runtime.transport.form;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import io.quarkiverse.live.runtime.transport.Channel;
import io.vertx.core.Context;
import io.vertx.core.json.JsonObject;

/**
 * The connection of one form posted without JavaScript: it lives for the request, joins the component, sends the one
 * event and leaves, and the answers it is sent complete {@link #answer(long)}. Renders and the {@code hello} are not
 * needed: the page the browser is sent to next is rendered whole.
 */
final class FormChannel implements Channel {

    private final Context eventLoop;
    private final Map<Long, CompletableFuture<JsonObject>> answers = new ConcurrentHashMap<>();
    private volatile boolean closing;

    FormChannel(Context eventLoop) {
        this.eventLoop = eventLoop;
    }

    /** The answer to the message with that ref, once it comes. */
    CompletableFuture<JsonObject> answer(long ref) {
        return answers.computeIfAbsent(ref, ignored -> new CompletableFuture<>());
    }

    @Override
    public void send(String message) {
        // This connection speaks protocol 1: every answer is an object with its ref
        if (message.startsWith("{")) {
            JsonObject reply = new JsonObject(message);
            Long ref = reply.getLong("ref");
            if (ref != null) {
                answer(ref).complete(reply);
            }
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

    @Override
    public String describe() {
        return "form post";
    }
}
