package io.quarkiverse.live.runtime.protocol;

/**
 * The codes of the {@code error} messages the server sends, as the wire protocol reference lists them ({@code
 * too-large} is the browser runtime's own, for an event it did not send).
 */
public final class ErrorCode {

    public static final String MALFORMED = "malformed";
    public static final String UNSUPPORTED_VERSION = "unsupported-version";
    public static final String UNKNOWN_MESSAGE = "unknown-message";
    public static final String UNKNOWN_COMPONENT = "unknown-component";
    public static final String UNKNOWN_HANDLER = "unknown-handler";
    public static final String BAD_ARGUMENTS = "bad-arguments";
    public static final String BAD_SEQUENCE = "bad-sequence";
    public static final String INVALID = "invalid";
    public static final String TOO_MANY = "too-many";
    public static final String HANDLER_FAILED = "handler-failed";
    public static final String RENDER_FAILED = "render-failed";
    public static final String BINARY_NOT_SUPPORTED = "binary-not-supported";

    private ErrorCode() {
    }
}
