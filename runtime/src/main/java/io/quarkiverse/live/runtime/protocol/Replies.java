package io.quarkiverse.live.runtime.protocol;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.io.JsonStringEncoder;

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

    /**
     * The application's code failed: the error carries the incident id of the failure's log line and, in dev mode only,
     * the stack trace ({@code trace} {@code null} otherwise).
     */
    public static JsonObject failed(Long ref, String id, String code, String message, String incident, String trace) {
        JsonObject error = error(ref, id, code, message).put("incident", incident);
        return trace == null ? error : error.put("trace", trace);
    }

    /** A rejected call, with its messages by parameter or field path. */
    public static JsonObject error(Long ref, String id, String code, String message, Map<String, String> errors) {
        return error(ref, id, code, message).put("errors", new JsonObject(new LinkedHashMap<>(errors)));
    }

    /**
     * HTML the server sends without a request: a component re-rendered for another reason.
     * <p>
     * Renders are written by hand, not through a {@code JsonObject}: a change of a shared value sends one to every
     * browser that shows it, and building and encoding a {@code JsonObject} for each was a tenth of the fan-out's time.
     * The strings are escaped by Jackson's own encoder, the one its generator uses, so the text is the same.
     */
    public static String render(String id, HtmlChange change) {
        StringBuilder json = builder(change, id.length() + 48).append("{\"t\":\"render\",\"id\":\"");
        JsonStringEncoder.getInstance().quoteAsString(id, json);
        json.append(change.html() != null ? "\",\"html\":" : "\",\"d\":");
        return appendChange(change, json).append('}').toString();
    }

    /** Protocol 2's push of a component's HTML: {@code [0, number, "<html>"]} or {@code [0, number, [edits]]}. */
    public static String render(int number, HtmlChange change) {
        StringBuilder json = builder(change, 16).append("[0,").append(number).append(',');
        return appendChange(change, json).append(']').toString();
    }

    /** Protocol 2's answer to an event: {@code [ref]}, {@code [ref, "<html>"]} or {@code [ref, [edits]]}. */
    public static String ok(long ref, HtmlChange change) {
        StringBuilder json = builder(change, 24).append('[').append(ref);
        if (change != null) {
            appendChange(change, json.append(','));
        }
        return json.append(']').toString();
    }

    /** Room for the whole HTML and the escapes of its attributes' quotes: growing the builder copied it once more. */
    private static StringBuilder builder(HtmlChange change, int more) {
        int html = change == null || change.html() == null ? 64 : change.html().length();
        return new StringBuilder(html + html / 4 + more);
    }

    private static StringBuilder appendChange(HtmlChange change, StringBuilder json) {
        if (change.html() != null) {
            json.append('"');
            JsonStringEncoder.getInstance().quoteAsString(change.html(), json);
            return json.append('"');
        }
        return json.append(change.edits().encode());
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
