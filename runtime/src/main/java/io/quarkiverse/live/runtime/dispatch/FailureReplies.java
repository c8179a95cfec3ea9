package io.quarkiverse.live.runtime.dispatch;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.HexFormat;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ThreadLocalRandom;

import org.jboss.logging.Logger;

import io.quarkiverse.live.runtime.protocol.ErrorCode;
import io.quarkiverse.live.runtime.protocol.Replies;
import io.quarkus.runtime.BlockingOperationNotAllowedException;
import io.vertx.core.json.JsonObject;

/**
 * How the application's code that threw (a handler, {@code onMount()}, a template while rendering) is logged and
 * answered. Each failure gets an incident id, in its ERROR log line and in its answer, so that what a user saw leads
 * to the log line. In dev mode the answer says what happened and carries the stack trace, for the dev-mode script to
 * show in the browser's console; otherwise it says only what failed, and nothing of the application's insides (class
 * names, messages, data) reaches the browser.
 */
final class FailureReplies {

    // The Dispatcher's category, as before these lines moved here: log settings that name it keep working
    private static final Logger LOG = Logger.getLogger(Dispatcher.class);

    private final boolean devMode;

    FailureReplies(boolean devMode) {
        this.devMode = devMode;
    }

    /**
     * A handler or lifecycle method that threw. {@code what} names it as the browser may see it ({@code save()}).
     */
    JsonObject handlerFailed(Long ref, String id, String component, String what, Throwable failure) {
        Throwable cause = unwrap(failure);
        String incident = newIncident();
        String name = component + "." + what;
        String message;
        if (cause instanceof BlockingOperationNotAllowedException) {
            message = name + " blocked the event loop (" + cause.getMessage() + "): annotate it @Blocking, "
                    + "@Transactional or @RunOnVirtualThread so it runs on a worker or virtual thread";
            LOG.errorf("%s (incident %s)", message, incident);
        } else {
            message = name + " failed: " + cause;
            LOG.errorf(cause, "%s failed (incident %s)", name, incident);
        }
        return reply(ref, id, ErrorCode.HANDLER_FAILED, message, what + " failed", incident, cause);
    }

    /** A handler that could not start: the shared values it changes stayed locked by other calls for too long. */
    JsonObject handlerRefused(Long ref, String id, String what, Throwable busy) {
        String incident = newIncident();
        LOG.warnf("%s (incident %s)", busy.getMessage(), incident);
        return reply(ref, id, ErrorCode.HANDLER_FAILED, busy.getMessage(), what + " failed", incident, null);
    }

    /** The component's template failed to render. */
    JsonObject renderFailed(Long ref, String id, String component, Throwable failure) {
        Throwable cause = unwrap(failure);
        String incident = newIncident();
        LOG.errorf(cause, "Rendering %s failed (incident %s)", component, incident);
        return reply(ref, id, ErrorCode.RENDER_FAILED, "Rendering " + component + " failed: " + cause.getMessage(),
                "Rendering failed", incident, cause);
    }

    private JsonObject reply(Long ref, String id, String code, String detailed, String generic, String incident,
            Throwable cause) {
        return devMode ? Replies.failed(ref, id, code, detailed, incident, cause == null ? null : stackTrace(cause))
                : Replies.failed(ref, id, code, generic, incident, null);
    }

    private static Throwable unwrap(Throwable failure) {
        return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    }

    /**
     * 32 random bits in hex: enough to tell the failures of one log apart, short enough to read out over the phone. Not
     * a secret, so no secure random is needed.
     */
    static String newIncident() {
        return HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
    }

    private static String stackTrace(Throwable cause) {
        StringWriter trace = new StringWriter();
        cause.printStackTrace(new PrintWriter(trace));
        return trace.toString();
    }
}
