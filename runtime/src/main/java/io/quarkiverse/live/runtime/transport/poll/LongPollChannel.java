package io.quarkiverse.live.runtime.transport.poll;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Queue;

import org.jboss.logging.Logger;

import io.quarkiverse.live.runtime.transport.http.HttpCarrierChannel;
import io.vertx.core.Context;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;

/**
 * A long-polling connection as a {@link io.quarkiverse.live.runtime.transport.Channel}: the server's messages wait here
 * until the browser's next poll, which gets all of them at once, {@code {"m":[<message>,...]}}; a poll that finds none
 * is held until one comes, or answered empty after {@code quarkus.live.long-poll-timeout}. Like the other carriers it
 * counts what waits for the browser, and past {@code quarkus.live.max-unsent-bytes} it closes the connection (1008).
 * <p>
 * Its state lives on the connection's event loop: a message sent from another thread is handed to it, in the order of
 * that thread. A close is said to the next poll, {@code "close":{"code":<code>,"reason":"<reason>"}} next to the last
 * messages; a browser whose poll does not come within {@code quarkus.live.close-timeout} is not waited for.
 */
final class LongPollChannel extends HttpCarrierChannel {

    private static final Logger LOG = Logger.getLogger(LongPollChannel.class);

    private final String id;
    private final Duration holdFor;
    private final Duration closeTimeout;
    // On the event loop only
    private final Queue<String> waiting = new ArrayDeque<>();
    private HttpServerResponse poll;
    private HttpServerResponse opening;
    private long holdTimer = -1;
    private String close;

    /** {@code opening}: the response to the request that opened the connection, answered by {@link #opened()}. */
    LongPollChannel(HttpServerResponse opening, Context eventLoop, String id, long maxUnsent, Duration holdFor,
            Duration closeTimeout) {
        super(eventLoop, maxUnsent, "long-polling connection " + id);
        this.opening = opening;
        this.id = id;
        this.holdFor = holdFor;
        this.closeTimeout = closeTimeout;
    }

    @Override
    public void send(String message) {
        if (isClosing()) {
            return;
        }
        if (!unsent.admit(message.length())) {
            close(POLICY_VIOLATION, "The client does not read what it is sent");
            return;
        }
        counted(message);
        onEventLoop(() -> {
            if (hasEnded()) {
                unsent.written(message.length());
                return;
            }
            waiting.add(message);
            if (poll != null) {
                answer(false);
            }
        });
    }

    /** Answers the request that opened the connection with its id and what is waiting already (the hello). */
    void opened() {
        poll = opening;
        opening = null;
        answer(true);
    }

    /**
     * A poll: answered at once when messages wait, else held until one comes or the hold time is over. A poll that
     * comes while another is held answers the older one empty (its browser gave up on it). Runs on the event loop.
     */
    void polled(HttpServerResponse response) {
        if (hasEnded()) {
            response.setStatusCode(404).end();
            return;
        }
        if (poll != null) {
            answer(false);
        }
        poll = response;
        response.closeHandler(ignored -> {
            if (poll == response) {
                poll = null;
                eventLoop.owner().cancelTimer(holdTimer);
            }
        });
        if (!waiting.isEmpty() || close != null) {
            answer(false);
        } else {
            holdTimer = eventLoop.owner().setTimer(holdFor.toMillis(), ignored -> {
                if (poll == response) {
                    answer(false);
                }
            });
        }
    }

    /** Answers the held poll with every waiting message, and the close once there is one; {@code withId}: the id. */
    private void answer(boolean withId) {
        eventLoop.owner().cancelTimer(holdTimer);
        HttpServerResponse response = poll;
        poll = null;
        StringBuilder body = new StringBuilder("{");
        if (withId) {
            body.append("\"id\":\"").append(id).append("\",");
        }
        body.append("\"m\":[");
        long size = 0;
        for (String message; (message = waiting.poll()) != null;) {
            if (size > 0) {
                body.append(',');
            }
            body.append(message);
            size += message.length();
        }
        body.append(']');
        if (close != null) {
            body.append(",\"close\":").append(close);
        }
        body.append('}');
        long written = size;
        if (!response.ended() && !response.closed()) {
            response.putHeader("Content-Type", "application/json").putHeader("Cache-Control", "no-store")
                    .end(body.toString()).onComplete(ignored -> unsent.written(written));
        } else {
            unsent.written(written);
        }
        if (close != null) {
            end();
        }
    }

    @Override
    public void close(short code, String reason) {
        if (!startClosing(code)) {
            return;
        }
        LOG.debugf("Closing %s: %d %s", describe(), code, reason);
        String event = new JsonObject().put("code", (int) code).put("reason", reason).encode();
        onEventLoop(() -> {
            if (hasEnded()) {
                return;
            }
            close = event;
            if (poll != null) {
                answer(false);
            } else {
                // Between two polls: the next one hears of the close, unless it does not come
                eventLoop.owner().setTimer(closeTimeout.toMillis(), ignored -> end());
            }
        });
    }

    /** Between two polls nothing tells of a closed tab but its beacon: nobody will poll for a close, so none is kept. */
    @Override
    public void gone() {
        if (startClosing(GOING_AWAY)) {
            onEventLoop(() -> {
                eventLoop.owner().cancelTimer(holdTimer);
                if (poll != null && !poll.ended() && !poll.closed()) {
                    poll.setStatusCode(404).end();
                }
                poll = null;
                end();
            });
        }
    }

    /** Ends the connection; what still waits for the browser is let go. */
    private void end() {
        if (!hasEnded()) {
            for (String message; (message = waiting.poll()) != null;) {
                unsent.written(message.length());
            }
            ended();
        }
    }
}
