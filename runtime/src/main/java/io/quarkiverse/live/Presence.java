package io.quarkiverse.live;

import java.util.List;

/**
 * Who is here: the names present on a key, across every node of a cluster. Inject it into a {@link Live} component,
 * track the component's user while its browser is connected, and show the list; every component that tracks or lists
 * a key re-renders when the list changes.
 *
 * <pre>
 * &#64;Inject Presence presence;
 *
 * void onMount() { presence.track("chat", name); }
 *
 * List&lt;String&gt; here() { return presence.list("chat"); }   // {#for who in here}...
 * </pre>
 *
 * A name leaves the list when its component's browser disconnects (and comes back when it reconnects), when the
 * component is unmounted, and, for the users of a node that stopped answering, within
 * {@code quarkus.live.presence-timeout}.
 */
public interface Presence {

    /** Shows {@code name} on the key while this component's browser is connected; a second call renames. */
    void track(String key, String name);

    /** Stops showing this component on the key. */
    void untrack(String key);

    /** The names present on the key, each once, sorted: the same order on every node. */
    List<String> list(String key);
}
