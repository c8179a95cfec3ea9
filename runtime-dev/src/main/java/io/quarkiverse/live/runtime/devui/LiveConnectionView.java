package io.quarkiverse.live.runtime.devui;

import java.util.List;

/**
 * One open live connection as the Dev UI shows it.
 *
 * @param connection what carries it, e.g. {@code WebSocket connection 3f2a...}
 * @param connectedSince when it opened, ISO-8601 (sorts as text)
 * @param eventsHandled its events that ran, whatever their outcome (refused ones not counted)
 * @param charactersSent characters of the protocol messages written to it: bytes for ASCII text
 * @param approxStateSize the length of the last HTML of its components, in characters: a rough measure of what the
 *        server keeps for it, not of the Java objects
 * @param components the components joined on it
 */
public record LiveConnectionView(String connection, String connectedSince, long eventsHandled, long charactersSent,
        long approxStateSize, List<Component> components) {

    /** A joined component: its class's simple name, its id and the length of its last HTML. */
    public record Component(String name, String id, int htmlLength) {
    }
}
