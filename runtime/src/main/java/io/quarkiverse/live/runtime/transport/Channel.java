package io.quarkiverse.live.runtime.transport;

import io.vertx.core.Context;

/**
 * The way to one browser's connection, whatever carries it (a WebSocket, or a Server-Sent Events stream with POSTs;
 * long polling or a form post later). Carriers only frame messages: everything the messages mean is decided in the
 * dispatcher.
 */
public interface Channel {

    /** Close code: the client broke a rule of the protocol or a limit (RFC 6455, 1008). */
    short POLICY_VIOLATION = 1008;
    /** Close code: the connection was silent for too long (RFC 6455, 1001). */
    short GOING_AWAY = 1001;
    /** Close code: the server restarts; connect again (RFC 6455 registry, 1012). */
    short SERVICE_RESTART = 1012;
    /** Close code: the server is at its connection limit; try again later (RFC 6455, 1013). */
    short TRY_AGAIN_LATER = 1013;

    /**
     * Sends one protocol message; may be called from any thread. A closed channel drops it. A channel whose browser
     * does not read what it is sent closes itself once too much waits for it.
     */
    void send(String message);

    /** Closes the connection with a close code and a reason; the session's components detach as for any close. */
    void close(short code, String reason);

    /**
     * Whether the connection is closing or closed: what its browser still sends is dropped unread, since nothing of it
     * could be answered.
     */
    boolean isClosing();

    /** Whether the server closed the connection for breaking a limit ({@link #POLICY_VIOLATION}). */
    boolean brokeALimit();

    /** The event-loop context of the connection; the components it joins run their event-loop tasks there. */
    Context eventLoop();

    /** A short description for logs. */
    String describe();

    /**
     * How long the message the client is sending has been arriving without being whole, in nanoseconds; 0 when it is
     * sending none. A carrier that receives each message whole (an HTTP request body, read by Vert.x) says 0.
     */
    default long unfinishedNanos() {
        return 0;
    }

    /**
     * How many characters of protocol messages this channel has written so far (bytes for ASCII text); the dev-mode
     * connection list shows it. A channel that does not count says 0.
     */
    default long sentCharacters() {
        return 0;
    }

    /**
     * Asks the browser for a sign of life, which comes back as {@link Session#heard()}: a WebSocket ping, which
     * browsers answer by themselves. A carrier with a heartbeat of its own does nothing.
     */
    default void ping() {
    }
}
