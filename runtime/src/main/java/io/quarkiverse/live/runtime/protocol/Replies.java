package io.quarkiverse.live.runtime.protocol;

import java.util.LinkedHashMap;
import java.util.Map;

import io.quarkiverse.live.runtime.render.HtmlChange;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * The messages the server sends, as documented in the protocol reference ({@code docs/.../protocol.adoc}).
 */
public final class Replies {

    private Replies() {
    }

    /**
     * The first message on every connection: the protocol version, the build of the server and the longest message, in
     * bytes, it accepts.
     */
    public static String hello(String build, int maxMessageSize) {
        return new JsonObject().put("t", "hello").put("v", MessageReader.VERSION).put("build", build)
                .put("max", maxMessageSize).encode();
    }

    /** Answers a request; {@code change} is {@code null} when the component's HTML did not change. */
    public static JsonObject ok(Long ref, String id, HtmlChange change) {
        return withChange(new JsonObject().put("t", "ok").put("ref", ref).put("id", id), change);
    }

    public static JsonObject error(Long ref, String id, String code, String message) {
        return new JsonObject().put("t", "error").put("ref", ref).put("id", id).put("code", code)
                .put("message", message);
    }

    /** A rejected call, with its messages by parameter or field path. */
    public static JsonObject error(Long ref, String id, String code, String message, Map<String, String> errors) {
        return error(ref, id, code, message).put("errors", new JsonObject(new LinkedHashMap<>(errors)));
    }

    /** HTML the server sends without a request: a component re-rendered for another reason. */
    public static String render(String id, HtmlChange change) {
        return withChange(new JsonObject().put("t", "render").put("id", id), change).encode();
    }

    /**
     * Protocol 2's answer to an event: {@code [ref]}, {@code [ref, "<html>"]} or {@code [ref, [edits]]}.
     */
    public static String ok(long ref, HtmlChange change) {
        JsonArray reply = new JsonArray().add(ref);
        return withChange(reply, change).encode();
    }

    /** Protocol 2's push of a component's HTML: {@code [0, number, "<html>"]} or {@code [0, number, [edits]]}. */
    public static String render(int number, HtmlChange change) {
        return withChange(new JsonArray().add(0).add(number), change).encode();
    }

    private static JsonArray withChange(JsonArray reply, HtmlChange change) {
        if (change != null) {
            reply.add(change.html() != null ? change.html() : change.edits());
        }
        return reply;
    }

    /** {@code html}, the whole HTML, or {@code d}, the edits of the browser's copy. */
    private static JsonObject withChange(JsonObject reply, HtmlChange change) {
        if (change != null && change.html() != null) {
            reply.put("html", change.html());
        } else if (change != null) {
            reply.put("d", change.edits());
        }
        return reply;
    }
}
