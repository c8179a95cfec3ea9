package io.quarkiverse.live.runtime.devui;

import java.util.List;

/**
 * One open live connection as the Dev UI shows it.
 *
 * @param connection what carries it, e.g. {@code WebSocket connection 3f2a...}
 * @param connectedSince when it opened, ISO-8601
 * @param eventsHandled its events that ran, whatever their outcome (refused ones not counted)
 * @param charactersSent characters of the protocol messages written to it: bytes for ASCII text
 * @param approxStateSize the characters of its components' state as JSON ({@link Component#stateSize}), summed: a
 *        rough measure of what the server keeps for it, not of the Java objects; {@code -1} when a component was too
 *        busy to be measured
 * @param htmlKept the characters of its components' last HTML, which the server keeps to send changes only
 * @param components the components joined on it
 */
public record LiveConnectionView(String connection, String connectedSince, long eventsHandled, long charactersSent,
        long approxStateSize, long htmlKept, List<Component> components) {

    /**
     * A joined component: its class's simple name, its id, the length of its state fields written as one JSON object
     * ({@code -1}: not measured) and the length of its last HTML.
     */
    public record Component(String name, String id, long stateSize, int htmlLength) {
    }
}
