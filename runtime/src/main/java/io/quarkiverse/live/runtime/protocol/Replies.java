package io.quarkiverse.live.runtime.protocol;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.io.JsonStringEncoder;

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

    /**
     * HTML the server sends without a request: a component re-rendered for another reason.
     * <p>
     * Written by hand, not through a {@code JsonObject}: a change of a shared value sends one to every browser that
     * shows it, and building and encoding a {@code JsonObject} for each was a tenth of the fan-out's time. The strings
     * are escaped by Jackson's own encoder, the one its generator uses, so the text is the same.
     */
    public static String render(String id, String html) {
        JsonStringEncoder encoder = JsonStringEncoder.getInstance();
        // Room for the escapes of the attributes' quotes too: growing the builder copied every message once more
        StringBuilder json = new StringBuilder(html.length() + html.length() / 4 + id.length() + 48);
        json.append("{\"t\":\"render\",\"id\":\"");
        encoder.quoteAsString(id, json);
        json.append("\",\"html\":\"");
        encoder.quoteAsString(html, json);
        return json.append("\"}").toString();
    }
}
