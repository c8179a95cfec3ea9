package io.quarkiverse.live.runtime;

import java.util.Map;

import io.vertx.core.json.JsonObject;

/**
 * The messages the server sends, as documented in the protocol reference ({@code docs/.../protocol.adoc}).
 */
final class Replies {

    static final String MALFORMED = "malformed";
    static final String UNSUPPORTED_VERSION = "unsupported-version";
    static final String UNKNOWN_MESSAGE = "unknown-message";
    static final String UNKNOWN_COMPONENT = "unknown-component";
    static final String UNKNOWN_HANDLER = "unknown-handler";
    static final String BAD_ARGUMENTS = "bad-arguments";
    static final String INVALID = "invalid";
    static final String TOO_LARGE = "too-large";
    static final String HANDLER_FAILED = "handler-failed";
    static final String RENDER_FAILED = "render-failed";
    static final String BINARY_NOT_SUPPORTED = "binary-not-supported";

    private Replies() {
    }

    /** Answers a request; {@code html} is {@code null} when the component's HTML did not change. */
    static String ok(Long ref, String id, String html) {
        JsonObject reply = new JsonObject().put("t", "ok").put("ref", ref).put("id", id);
        if (html != null) {
            reply.put("html", html);
        }
        return reply.encode();
    }

    static String error(Long ref, String id, String code, String message) {
        return new JsonObject().put("t", "error").put("ref", ref).put("id", id).put("code", code)
                .put("message", message).encode();
    }

    /** A rejected call, with its messages by parameter or field path. */
    static String error(Long ref, String id, String code, String message, Map<String, String> errors) {
        return new JsonObject().put("t", "error").put("ref", ref).put("id", id).put("code", code)
                .put("message", message).put("errors", new JsonObject(new java.util.LinkedHashMap<>(errors))).encode();
    }

    /** HTML the server sends without a request: a component re-rendered for another reason. */
    static String render(String id, String html) {
        return new JsonObject().put("t", "render").put("id", id).put("html", html).encode();
    }
}
