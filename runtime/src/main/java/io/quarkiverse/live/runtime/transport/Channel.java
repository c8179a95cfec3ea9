package io.quarkiverse.live.runtime.transport;

import io.vertx.core.Context;

/**
 * The way to one browser's connection, whatever carries it (a WebSocket today; Server-Sent Events, long polling or a
 * form post later). Carriers only frame messages: everything the messages mean is decided in the dispatcher.
 */
public interface Channel {

    /** Sends one protocol message; may be called from any thread. A closed channel drops it. */
    void send(String message);

    /** The event-loop context of the connection; the components it joins run their event-loop tasks there. */
    Context eventLoop();

    /** A short description for logs. */
    String describe();
}
