package io.quarkiverse.live.runtime.transport.http;

import io.quarkiverse.live.runtime.transport.Channel;

/**
 * A {@link Channel} carried by HTTP requests: a Server-Sent Events stream or long polls down, POSTs up. Its end is
 * not a socket's close, so the carrier says when it is over.
 */
public interface HttpChannel extends Channel {

    /** Runs {@code action} once the connection is over, whichever side ended it; actions run in the order given. */
    void whenEnded(Runnable action);

    /**
     * The browser said its page is gone (a beacon sent as the tab closed): the connection ends now, rather than when
     * its next request fails to come, so that its components are let go (and presence drops them) at once.
     */
    void gone();
}
