package io.quarkiverse.live.runtime.component;

/**
 * Hears of the moves of every component's life (see {@link MountedComponent}); registered with
 * {@link ComponentRegistry#listen}. Called on whatever thread made the move, never under a component's lock.
 */
public interface ComponentListener {

    /**
     * The component was created and its props set; it has not rendered yet. An exception fails the mount, naming what
     * is wrong.
     */
    default void mounted(MountedComponent component) {
    }

    /** A connection joined the component (its first join or a rejoin). */
    default void joined(MountedComponent component) {
    }

    /** The component's connection left; it waits for its browser to come back. */
    default void detached(MountedComponent component) {
    }

    /** The component is gone for good. */
    default void destroyed(MountedComponent component) {
    }
}
