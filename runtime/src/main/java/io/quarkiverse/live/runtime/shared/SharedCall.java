package io.quarkiverse.live.runtime.shared;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import io.quarkiverse.live.runtime.component.ComponentBinding.SharedField;
import io.quarkiverse.live.runtime.component.MountedComponent;

/**
 * One handler call of a component with {@code @Shared} fields, holding the locks of its keys: {@link #refresh()} before
 * the handler, then {@link #commit()} when it returned or {@link #rollback()} when it threw, and {@link #release()}
 * in every case. All but {@code release} run on the component's task queue.
 */
public final class SharedCall {

    private final SharedStateEngine engine;
    private final MountedComponent component;
    /** The version of each key the component's fields hold; the engine's own map, shared with later calls. */
    private final Map<String, SharedValue> held;
    private final Map<String, SharedValue> stored = new HashMap<>();
    private final List<Runnable> locks = new ArrayList<>();

    SharedCall(SharedStateEngine engine, MountedComponent component, Map<String, SharedValue> held) {
        this.engine = engine;
        this.component = component;
        this.held = held;
    }

    synchronized void holding(Runnable unlock) {
        locks.add(unlock);
    }

    synchronized void stored(String key, SharedValue value) {
        if (value != null) {
            stored.put(key, value);
        }
    }

    /** Gives the fields the stored values, where those are newer than what the fields hold. */
    public void refresh() {
        for (SharedField field : component.binding().sharedFields()) {
            SharedValue value = stored.get(field.key());
            if (value != null && value.newerThan(held.get(field.key()))) {
                engine.remember(field.key(), value);
                engine.writeField(component, field, value);
                held.put(field.key(), value);
            }
        }
    }

    /**
     * Stores and publishes each key whose field's JSON changed, as the next version.
     *
     * @return completes when every change is stored and published; fails when a value cannot be written as JSON or
     *         stored (then nothing more is published, and the caller rolls back)
     */
    public CompletionStage<Void> commit() {
        CompletionStage<Void> chain = CompletableFuture.completedFuture(null);
        Set<String> done = new LinkedHashSet<>();
        for (SharedField field : component.binding().sharedFields()) {
            if (!done.add(field.key())) {
                continue;
            }
            SharedValue before = held.get(field.key());
            String json;
            try {
                json = engine.readField(component, field);
            } catch (RuntimeException e) {
                return CompletableFuture.failedFuture(e);
            }
            if (before != null && json.equals(before.json())) {
                continue;
            }
            SharedValue base = stored.get(field.key());
            long version = Math.max(base == null ? 0 : base.version(), before == null ? 0 : before.version()) + 1;
            SharedValue next = new SharedValue(version, json);
            chain = chain.thenCompose(ignored -> engine.store().write(field.key(), next)).thenRun(() -> {
                held.put(field.key(), next);
                engine.publish(field.key(), next);
            });
        }
        return chain;
    }

    /** Puts back the values the fields held before the handler, in the fields it changed. */
    public void rollback() {
        for (SharedField field : component.binding().sharedFields()) {
            SharedValue before = held.get(field.key());
            if (before == null) {
                continue;
            }
            String now;
            try {
                now = engine.readField(component, field);
            } catch (RuntimeException e) {
                now = null;
            }
            if (!before.json().equals(now)) {
                engine.writeField(component, field, before);
            }
        }
    }

    /** Releases the locks, last taken first; a second call does nothing. */
    public synchronized void release() {
        for (int i = locks.size() - 1; i >= 0; i--) {
            locks.get(i).run();
        }
        locks.clear();
    }
}
