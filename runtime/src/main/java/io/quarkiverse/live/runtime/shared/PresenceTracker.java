package io.quarkiverse.live.runtime.shared;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import io.quarkiverse.live.runtime.LiveRuntimeConfig;
import io.quarkiverse.live.runtime.component.ComponentListener;
import io.quarkiverse.live.runtime.component.ComponentRegistry;
import io.quarkiverse.live.runtime.component.MountedComponent;
import io.quarkiverse.live.runtime.dispatch.Pusher;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.Startup;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * Who is present on each key, on every node. Each node knows its own users (the tracked components whose browser is
 * joined) and tells the others its list of a key whenever it changes, and all its lists every
 * {@code quarkus.live.presence-heartbeat}. A node's lists count until it says otherwise or stays silent for
 * {@code quarkus.live.presence-timeout}, so the users of a node that died leave every list by then. Components that
 * track or list a key re-render when its list changes.
 */
@Startup
@Singleton
public class PresenceTracker implements ComponentListener {

    static final String ADDRESS = "quarkus-live.presence";

    private final String node = UUID.randomUUID().toString();
    private final SharedStore store;
    private final Pusher pusher;
    private final LiveRuntimeConfig config;
    /** This node's tracked components and their names, by key; a name counts while its browser is joined. */
    private final Map<String, Map<MountedComponent, String>> tracked = new ConcurrentHashMap<>();
    /** The other nodes' lists, by key and node. */
    private final Map<String, Map<String, Heard>> others = new ConcurrentHashMap<>();
    /** The components that track or list each key. */
    private final Map<String, Set<MountedComponent>> watchers = new ConcurrentHashMap<>();
    /** The lists as this node last showed them, to re-render only on a change. */
    private final Map<String, List<String>> shown = new ConcurrentHashMap<>();
    private long timer = -1;

    PresenceTracker(SharedStore store, Pusher pusher, ComponentRegistry registry, LiveRuntimeConfig config) {
        this.store = store;
        this.pusher = pusher;
        this.config = config;
        registry.listen(this);
        store.subscribe(ADDRESS, this::received);
    }

    void start(@Observes StartupEvent event, Vertx vertx) {
        timer = vertx.setPeriodic(config.presenceHeartbeat().toMillis(), ignored -> beat());
    }

    /** A node that stops cleanly leaves every list at once, without waiting for the others to time it out. */
    void stop(@Observes ShutdownEvent event, Vertx vertx) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
        for (String key : tracked.keySet()) {
            store.publish(ADDRESS, new JsonObject().put("n", node).put("k", key).put("names", new JsonArray()));
        }
    }

    // ---- what components do

    void track(MountedComponent component, String key, String name) {
        Objects.requireNonNull(name, "name");
        // Atomic with the heartbeat's removal of an empty key
        tracked.compute(key, (ignored, names) -> {
            Map<MountedComponent, String> now = names != null ? names : new ConcurrentHashMap<>();
            now.put(component, name);
            return now;
        });
        watch(component, key);
        changed(key);
    }

    void untrack(MountedComponent component, String key) {
        Map<MountedComponent, String> names = tracked.get(key);
        if (names != null && names.remove(component) != null) {
            changed(key);
        }
    }

    void watch(MountedComponent component, String key) {
        watchers.computeIfAbsent(key, ignored -> ConcurrentHashMap.newKeySet()).add(component);
    }

    /** The names present on the key, on every node, each once and sorted. */
    List<String> list(String key) {
        Set<String> names = new TreeSet<>(local(key));
        long timeout = config.presenceTimeout().toNanos();
        long now = System.nanoTime();
        others.getOrDefault(key, Map.of()).values().forEach(heard -> {
            if (now - heard.atNanos() <= timeout) {
                names.addAll(heard.names());
            }
        });
        return List.copyOf(names);
    }

    private List<String> local(String key) {
        List<String> names = new ArrayList<>();
        tracked.getOrDefault(key, Map.of()).forEach((component, name) -> {
            if (component.joinedTo() != null) {
                names.add(name);
            }
        });
        return names;
    }

    // ---- component moves

    @Override
    public void joined(MountedComponent component) {
        keysOf(component).forEach(this::changed);
    }

    @Override
    public void detached(MountedComponent component) {
        keysOf(component).forEach(this::changed);
    }

    @Override
    public void destroyed(MountedComponent component) {
        List<String> keys = keysOf(component);
        keys.forEach(key -> tracked.get(key).remove(component));
        watchers.values().forEach(components -> components.remove(component));
        keys.forEach(this::changed);
    }

    private List<String> keysOf(MountedComponent component) {
        List<String> keys = new ArrayList<>();
        tracked.forEach((key, names) -> {
            if (names.containsKey(component)) {
                keys.add(key);
            }
        });
        return keys;
    }

    // ---- between nodes

    /** This node's list of the key changed: the other nodes hear of it now, and this node's watchers re-render. */
    private void changed(String key) {
        store.publish(ADDRESS, message(key));
        rerenderIfChanged(key);
    }

    private JsonObject message(String key) {
        return new JsonObject().put("n", node).put("k", key).put("names", new JsonArray(local(key)));
    }

    private void received(JsonObject message) {
        String from = message.getString("n");
        if (node.equals(from)) {
            return;
        }
        String key = message.getString("k");
        List<String> names = message.getJsonArray("names").stream().map(String::valueOf).toList();
        others.computeIfAbsent(key, ignored -> new ConcurrentHashMap<>()).put(from, new Heard(names, System.nanoTime()));
        rerenderIfChanged(key);
    }

    /** Tells the other nodes this node is alive, and forgets the nodes that went silent. */
    private void beat() {
        tracked.forEach((key, names) -> {
            store.publish(ADDRESS, message(key));
            // A key nobody here tracks any more was just said to be empty here: no need to say it again
            tracked.computeIfPresent(key, (ignored, now) -> now.isEmpty() ? null : now);
        });
        long timeout = config.presenceTimeout().toNanos();
        long now = System.nanoTime();
        others.forEach((key, byNode) -> {
            if (byNode.values().removeIf(heard -> now - heard.atNanos() > timeout)) {
                rerenderIfChanged(key);
            }
        });
    }

    private void rerenderIfChanged(String key) {
        List<String> now = list(key);
        List<String> before = shown.put(key, now);
        if (!now.equals(before)) {
            watchers.getOrDefault(key, Set.of())
                    .forEach(component -> pusher.pushOnce(component, "presence", ignored -> {
                    }));
        }
    }

    /** A node's list of one key and when it was heard. */
    private record Heard(List<String> names, long atNanos) {
    }
}
