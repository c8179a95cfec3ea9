package io.quarkiverse.live.runtime.transport.sse;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

import org.jboss.logging.Logger;

import io.quarkiverse.live.runtime.transport.Channel;
import io.quarkiverse.live.runtime.transport.http.HttpCarrierChannel;
import io.vertx.core.Context;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;

/**
 * A Server-Sent Events stream as a {@link Channel}: one protocol message per event, {@code data: <message>}. A message
 * is one line of JSON (the server's JSON is never pretty-printed, and JSON escapes line breaks inside strings), so it
 * needs one {@code data} line. Like the WebSocket's channel it counts what it has written and the browser has not read
 * yet, and past {@code quarkus.live.max-unsent-bytes} it closes the stream (1008).
 * <p>
 * Everything is written on the stream's event loop: a message sent from another thread is handed to it, in the order
 * of that thread. SSE has no close frame: a close writes a last event, {@code event: close} with
 * {@code {"code":<code>,"reason":"<reason>"}}, and ends the response.
 */
final class SseChannel extends HttpCarrierChannel {

    private static final Logger LOG = Logger.getLogger(SseChannel.class);

    private final HttpServerResponse response;
    private final Duration closeTimeout;

    SseChannel(HttpServerResponse response, Context eventLoop, String id, long maxUnsent, Duration closeTimeout) {
        super(eventLoop, maxUnsent, "SSE connection " + id);
        this.response = response;
        this.closeTimeout = closeTimeout;
        // The browser went away (or the connection broke) before the server ended the stream
        response.closeHandler(ignored -> ended());
        response.exceptionHandler(failure -> LOG.debugf(failure, "%s failed", describe()));
    }

    /** Writes an event of the carrier's own, not a protocol message: {@code event: <type>} with one line of data. */
    void sendEvent(String type, String data) {
        write("event: " + type + "\ndata: " + data + "\n\n", null);
    }

    @Override
    public void send(String message) {
        if (isClosing()) {
            return;
        }
        counted(message);
        write("data: " + message + "\n\n", null);
    }

    /**
     * Writes a heartbeat, {@code event: ping} with the interval in milliseconds: proxies and the TCP connection see
     * traffic, and the browser, which sees the event, knows how long a silence means the stream is dead.
     * {@code written} runs once it is on the socket, which says the stream still takes writes.
     */
    void ping(long intervalMillis, Runnable written) {
        if (!isClosing()) {
            write("event: ping\ndata: " + intervalMillis + "\n\n", written);
        }
    }

    private void write(String event, Runnable written) {
        long size = event.length();
        if (!unsent.admit(size)) {
            close(POLICY_VIOLATION, "The client does not read what it is sent");
            return;
        }
        onEventLoop(() -> {
            if (response.ended() || response.closed()) {
                unsent.written(size);
                return;
            }
            response.write(event).onComplete(result -> {
                unsent.written(size);
                if (result.succeeded() && written != null) {
                    written.run();
                }
            });
        });
    }

    /**
     * Writes the close event and ends the stream. A browser that does not read never gets the end, which waits behind
     * what it did not read: after {@code quarkus.live.close-timeout} its TCP connection is closed.
     */
    @Override
    public void close(short code, String reason) {
        if (!startClosing(code)) {
            return;
        }
        LOG.debugf("Closing %s: %d %s", describe(), code, reason);
        String close = new JsonObject().put("code", (int) code).put("reason", reason).encode();
        onEventLoop(() -> {
            if (!response.ended() && !response.closed()) {
                AtomicBoolean written = new AtomicBoolean();
                response.end("event: close\ndata: " + close + "\n\n").onComplete(result -> written.set(true));
                eventLoop.owner().setTimer(closeTimeout.toMillis(), ignored -> {
                    if (!written.get()) {
                        response.close();
                    }
                });
            }
            ended();
        });
    }

    /** A closed tab closes its stream too; a beacon that says so first ends the stream the same way. */
    @Override
    public void gone() {
        close(GOING_AWAY, "The page is gone");
    }
}
