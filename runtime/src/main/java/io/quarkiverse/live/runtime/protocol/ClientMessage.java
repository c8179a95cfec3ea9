package io.quarkiverse.live.runtime.protocol;

import java.util.Set;

import io.vertx.core.json.JsonArray;

/**
 * A message from a browser whose fields have been checked by {@link MessageReader}: nothing in it is of the wrong JSON
 * type or missing.
 */
public sealed interface ClientMessage {

    /** The component the message is about. */
    String id();

    /**
     * Attaches the connection to a component: its first join when {@code token} is {@code null}, else a rejoin with
     * the resume token the server gave the browser. {@code mount} is the signed description of the component's mount
     * that a page rendered in a cluster carries ({@code null}: none), with which another node can create it.
     * {@code version} is the protocol version the browser speaks.
     */
    record Join(Long ref, String id, String token, String mount, int version) implements ClientMessage {
    }

    /**
     * Calls a handler. {@code seq} numbers the component's events for exactly-once delivery ({@code null}: not
     * numbered); {@code touched} names the form fields the user has touched ({@code null}: all of them);
     * {@code compact} when it came in protocol 2's array form, which is answered in kind.
     */
    record Event(Long ref, String id, Long seq, String handler, JsonArray args, Set<String> touched, boolean compact)
            implements ClientMessage {
    }

    /** The component's root left the page: the server keeps it for the grace period, in case it comes back. */
    record Leave(String id) implements ClientMessage {
    }
}
