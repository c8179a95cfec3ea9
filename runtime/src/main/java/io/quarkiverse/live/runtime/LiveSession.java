package io.quarkiverse.live.runtime;

import java.util.HashMap;
import java.util.Map;

import io.quarkus.websockets.next.UserData;

/**
 * The components joined on one connection. Only touched on the connection's event loop.
 */
final class LiveSession {

    static final UserData.TypedKey<LiveSession> KEY = new UserData.TypedKey<>("quarkus-live-session");

    private final Map<String, MountedComponent> components = new HashMap<>();

    MountedComponent get(String id) {
        return components.get(id);
    }

    boolean contains(String id) {
        return components.containsKey(id);
    }

    void add(MountedComponent component) {
        components.put(component.id(), component);
    }

    Iterable<MountedComponent> all() {
        return components.values();
    }

    void clear() {
        components.clear();
    }
}
