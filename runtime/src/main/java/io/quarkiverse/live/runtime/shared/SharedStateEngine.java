package io.quarkiverse.live.runtime.shared;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JavaType;

import io.quarkiverse.live.SharedState;
import io.quarkiverse.live.runtime.LiveRuntimeConfig;
import io.quarkiverse.live.runtime.component.ComponentBinding;
import io.quarkiverse.live.runtime.component.ComponentBinding.SharedField;
import io.quarkiverse.live.runtime.component.ComponentListener;
import io.quarkiverse.live.runtime.component.ComponentRegistry;
import io.quarkiverse.live.runtime.component.LiveComponents;
import io.quarkiverse.live.runtime.component.MountedComponent;
import io.quarkiverse.live.runtime.dispatch.Pusher;
import io.quarkus.runtime.Startup;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.json.JsonObject;

/**
 * Keeps {@code @Shared} fields one value per key across every connection and node.
 * <ul>
 * <li>A component being mounted takes the latest value this node knows of each of its keys.</li>
 * <li>A handler of a component with shared fields runs holding the locks of its keys, after its fields took the
 * stored values ({@link SharedCall}). When it returns, each field whose JSON differs from what it took is stored as the
 * next version and published; when it throws, the fields go back to what they took.</li>
 * <li>Every node hears every new version: it keeps the latest and updates each joined component declaring the key on
 * that component's own task queue (so rendering fans out over the event loops), sending only changed HTML. Updates
 * of one component that pile up are done once, with the latest value.</li>
 * </ul>
 */
@Startup
@Singleton
public class SharedStateEngine implements SharedState, ComponentListener {

    static final String ADDRESS = "quarkus-live.shared";
    private static final Logger LOG = Logger.getLogger(SharedStateEngine.class);

    private final SharedStore store;
    private final SharedCodec codec;
    private final Pusher pusher;
    private final ComponentRegistry registry;
    private final LiveRuntimeConfig config;
    private final Map<String, SharedKey> keys = new LinkedHashMap<>();
    /** The newest version of every key this node has seen. */
    private final Map<String, SharedValue> latest = new ConcurrentHashMap<>();
    /** The mounted components declaring each key. */
    private final Map<String, Set<MountedComponent>> subscribers = new ConcurrentHashMap<>();
    /** The version of each key each component's fields hold. */
    private final Map<MountedComponent, Map<String, SharedValue>> held = new ConcurrentHashMap<>();
    /** The last version read from JSON of each key whose values cannot change, with what it read. */
    private final Map<String, Decoded> decoded = new ConcurrentHashMap<>();

    SharedStateEngine(SharedStore store, SharedCodec codec, Pusher pusher, ComponentRegistry registry,
            LiveComponents components, LiveRuntimeConfig config) {
        this.store = store;
        this.codec = codec;
        this.pusher = pusher;
        this.registry = registry;
        this.config = config;
        for (ComponentBinding binding : components.all().values()) {
            for (SharedField field : binding.sharedFields()) {
                String declaredBy = binding.name() + "." + field.field();
                keys.computeIfAbsent(field.key(), key -> {
                    JavaType type = codec.type(field.genericType());
                    SharedKey shared = new SharedKey(key, type, declaredBy, codec.immutable(type));
                    String unsupported = codec.unsupported(shared.type());
                    if (unsupported != null) {
                        throw new IllegalStateException("@Shared field " + declaredBy + " cannot be shared: "
                                + unsupported);
                    }
                    return shared;
                });
            }
        }
        registry.listen(this);
        store.subscribe(ADDRESS, this::received);
    }

    /** Learns the stored value of every key, for a node that joins a cluster already running. */
    void loadStoredValues(@Observes StartupEvent event) {
        for (String key : keys.keySet()) {
            store.read(key).whenComplete((stored, failure) -> {
                if (failure != null) {
                    LOG.warnf(failure, "Could not read the shared value of '%s'", key);
                } else if (stored != null) {
                    remember(key, stored);
                }
            });
        }
    }

    // ---- components

    @Override
    public void mounted(MountedComponent component) {
        ComponentBinding binding = component.binding();
        if (binding.sharedFields().isEmpty()) {
            return;
        }
        Map<String, SharedValue> versions = new ConcurrentHashMap<>();
        held.put(component, versions);
        try {
            takeLatest(component, versions);
        } catch (RuntimeException e) {
            destroyed(component);
            throw e;
        }
    }

    private void takeLatest(MountedComponent component, Map<String, SharedValue> versions) {
        for (SharedField field : component.binding().sharedFields()) {
            SharedValue current = latest.get(field.key());
            if (current != null) {
                writeField(component, field, current);
            } else {
                // The first of its key on this node: the field's initial value is version 0, unless a node has more
                current = new SharedValue(0, readField(component, field));
                if (latest.putIfAbsent(field.key(), current) == null) {
                    store.writeIfAbsent(field.key(), current);
                }
            }
            versions.put(field.key(), current);
            subscribers.computeIfAbsent(field.key(), key -> ConcurrentHashMap.newKeySet()).add(component);
        }
    }

    @Override
    public void destroyed(MountedComponent component) {
        if (held.remove(component) != null) {
            for (SharedField field : component.binding().sharedFields()) {
                Set<MountedComponent> declaring = subscribers.get(field.key());
                if (declaring != null) {
                    declaring.remove(component);
                }
            }
        }
    }

    /** Gives the component's fields the latest values this node knows; call on its task queue (a join does). */
    public void catchUp(MountedComponent component) {
        Map<String, SharedValue> versions = held.get(component);
        if (versions == null) {
            return;
        }
        for (SharedField field : component.binding().sharedFields()) {
            SharedValue newest = latest.get(field.key());
            if (newest != null && newest.newerThan(versions.get(field.key()))) {
                writeField(component, field, newest);
                versions.put(field.key(), newest);
            }
        }
    }

    /**
     * Takes the locks of every key the component declares, in key order (so two calls never wait for each other in a
     * circle), and reads their stored values: the start of a handler call. Complete the call with
     * {@link SharedCall#commit()} or {@link SharedCall#rollback()}, then {@link SharedCall#release()}.
     */
    public CompletionStage<SharedCall> begin(MountedComponent component) {
        SharedCall call = new SharedCall(this, component, held.getOrDefault(component, new ConcurrentHashMap<>()));
        Set<String> names = new TreeSet<>();
        component.binding().sharedFields().forEach(field -> names.add(field.key()));
        CompletionStage<Void> chain = CompletableFuture.completedFuture(null);
        for (String key : names) {
            chain = chain.thenCompose(ignored -> store.lock(key, config.sharedLockTimeout()))
                    .thenCompose(unlock -> {
                        call.holding(unlock);
                        return store.read(key);
                    })
                    .thenAccept(stored -> call.stored(key, stored));
        }
        return chain.handle((ignored, failure) -> {
            if (failure != null) {
                call.release();
                throw new IllegalStateException("The shared values of " + component.binding().name()
                        + " are busy: " + rootMessage(failure), failure);
            }
            return call;
        });
    }

    // ---- what SharedCall needs

    SharedStore store() {
        return store;
    }

    String readField(MountedComponent component, SharedField field) {
        Object value = component.binding().read(component.instance(), field.field());
        try {
            return codec.write(value);
        } catch (IllegalStateException e) {
            throw new IllegalStateException("@Shared field " + component.binding().name() + "." + field.field()
                    + " cannot be written as JSON: " + e.getMessage(), e);
        }
    }

    void writeField(MountedComponent component, SharedField field, SharedValue value) {
        Object copy;
        try {
            copy = read(keys.get(field.key()), value);
        } catch (IllegalStateException e) {
            throw new IllegalStateException("@Shared field " + component.binding().name() + "." + field.field()
                    + " cannot read the shared value of '" + field.key() + "': " + e.getMessage(), e);
        }
        component.binding().write(component.instance(), field.field(), copy);
    }

    /**
     * The value as a field takes it: a copy of its own, read from the JSON, unless the value cannot change. Then every
     * component takes the same instance, read once per version rather than once per component: a change fans out to
     * every component of the key, and reading the JSON for each (a Jackson parser per component) was a quarter of what
     * the fan-out allocated.
     */
    private Object read(SharedKey key, SharedValue value) {
        if (!key.immutable()) {
            return codec.read(value.json(), key.type());
        }
        Decoded last = decoded.get(key.name());
        if (last != null && last.value().equals(value)) {
            return last.object();
        }
        Object object = codec.read(value.json(), key.type());
        decoded.put(key.name(), new Decoded(value, object));
        return object;
    }

    /** Stores nothing: keeps {@code value} as the key's latest when it is newer than what this node has. */
    void remember(String key, SharedValue value) {
        latest.merge(key, value, (known, heard) -> heard.newerThan(known) ? heard : known);
    }

    /** Tells every node (this one too) of a new version. */
    void publish(String key, SharedValue value) {
        remember(key, value);
        store.publish(ADDRESS, new JsonObject().put("t", "value").put("k", key).put("value", value.toJson()));
    }

    // ---- every node hears

    private void received(JsonObject message) {
        String key = message.getString("k");
        switch (message.getString("t", "")) {
            case "value" -> {
                remember(key, SharedValue.fromJson(message.getJsonObject("value")));
                subscribers.getOrDefault(key, Set.of()).forEach(this::update);
            }
            case "render" -> subscribers.getOrDefault(key, Set.of()).forEach(this::update);
            case "class" -> {
                String name = message.getString("c");
                registry.mounted().stream().filter(component -> component.binding().name().equals(name))
                        .forEach(this::update);
            }
            default -> LOG.debugf("Ignored shared-state message %s", message);
        }
    }

    /** Brings a joined component up to date and renders it, once for however many changes arrive meanwhile. */
    private void update(MountedComponent component) {
        pusher.pushOnce(component, "shared state", this::catchUp);
    }

    // ---- SharedState

    private SharedKey key(String name) {
        SharedKey key = keys.get(name);
        if (key == null) {
            throw new IllegalArgumentException("No @Shared field declares the key '" + name + "'; the keys are "
                    + keys.keySet());
        }
        return key;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T get(String key) {
        SharedKey shared = key(key);
        SharedValue value = latest.get(key);
        return value == null ? null : (T) codec.read(value.json(), shared.type());
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> CompletionStage<T> update(String key, UnaryOperator<T> change) {
        SharedKey shared = key(key);
        return store.lock(key, config.sharedLockTimeout()).thenCompose(unlock -> {
            CompletionStage<T> changed = store.read(key).thenCompose(stored -> {
                SharedValue base = stored != null ? stored : latest.get(key);
                T next = change.apply(base == null ? null : (T) codec.read(base.json(), shared.type()));
                String json = codec.write(next);
                checkType(shared, json);
                if (base != null && json.equals(base.json())) {
                    return CompletableFuture.completedFuture(next);
                }
                SharedValue version = new SharedValue(base == null ? 1 : base.version() + 1, json);
                return store.write(key, version).thenApply(ignored -> {
                    publish(key, version);
                    return next;
                });
            });
            return changed.whenComplete((ignored, failure) -> unlock.run());
        });
    }

    /** Refuses a value every component of the key would fail to read: nothing of it is stored or published. */
    private void checkType(SharedKey key, String json) {
        try {
            codec.read(json, key.type());
        } catch (IllegalStateException e) {
            throw new IllegalArgumentException("The value for '" + key.name() + "' is no "
                    + key.type().toCanonical() + " (the type of @Shared field " + key.declaredBy() + "): "
                    + e.getMessage(), e);
        }
    }

    @Override
    public <T> CompletionStage<T> set(String key, T value) {
        return update(key, ignored -> value);
    }

    @Override
    public void broadcast(String key) {
        key(key);
        store.publish(ADDRESS, new JsonObject().put("t", "render").put("k", key));
    }

    @Override
    public void refresh(Class<?> componentClass) {
        store.publish(ADDRESS, new JsonObject().put("t", "class").put("c", componentClass.getSimpleName()));
    }

    /** A version of a key's value and what its JSON reads as. */
    private record Decoded(SharedValue value, Object object) {
    }

    private static String rootMessage(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return String.valueOf(cause.getMessage());
    }
}
