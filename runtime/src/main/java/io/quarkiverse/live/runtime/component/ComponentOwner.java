package io.quarkiverse.live.runtime.component;

/**
 * What a joined component belongs to: one browser's connection, whatever carries it. A component has at most one
 * owner at a time; the registry tells the previous one when another takes the component over or when it is destroyed.
 */
public interface ComponentOwner {

    /** The component no longer belongs to this owner. */
    void release(MountedComponent component);

    /** Sends a message to the browser, unasked: a server push. */
    void send(String message);
}
