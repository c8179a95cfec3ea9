package io.quarkiverse.live.runtime.component;

import io.quarkiverse.live.runtime.render.HtmlChange;

/**
 * What a joined component belongs to: one browser's connection, whatever carries it. A component has at most one
 * owner at a time; the registry tells the previous one when another takes the component over or when it is destroyed.
 */
public interface ComponentOwner {

    /** The component no longer belongs to this owner. */
    void release(MountedComponent component);

    /** Sends the browser a component's new HTML, unasked: a server push. */
    void sendRender(MountedComponent component, HtmlChange change);
}
