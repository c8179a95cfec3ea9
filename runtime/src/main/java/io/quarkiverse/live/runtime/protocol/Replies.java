package io.quarkiverse.live.runtime.protocol;

import java.util.LinkedHashMap;
import java.util.Map;

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

    /** Answers a request; {@code html} is {@code null} when the component's HTML did not change. */
    public static JsonObject ok(Long ref, String id, String html) {
        JsonObject reply = new JsonObject().put("t", "ok").put("ref", ref).put("id", id);
        if (html != null) {
            reply.put("html", html);
        }
        return reply;
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
    public static String render(String id, String html) {
        return new JsonObject().put("t", "render").put("id", id).put("html", html).encode();
    }
}
