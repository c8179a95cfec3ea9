package io.quarkiverse.live.runtime.shared;

import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

import io.vertx.core.json.JsonObject;

/**
 * Where shared values live and how nodes hear of changes: locks and a map that every node sees, and messages published
 * to every node. {@link VertxSharedStore} is Vert.x's shared data and event bus, which span a cluster when Vert.x is
 * clustered; another carrier (Redis, for native executables, where Vert.x clustering is not available) implements
 * this interface. Everything is JSON, so any carrier can move it.
 */
public interface SharedStore {

    /** Takes the lock of the key; completes with the action that releases it, or fails after {@code timeout}. */
    CompletionStage<Runnable> lock(String key, Duration timeout);

    /** The stored value of the key, or {@code null}. */
    CompletionStage<SharedValue> read(String key);

    /** Stores the value of the key; call holding its lock. */
    CompletionStage<Void> write(String key, SharedValue value);

    /** Stores the value unless the key has one. */
    CompletionStage<Void> writeIfAbsent(String key, SharedValue value);

    /** Sends the message to the subscribers of the address on every node, this one included. */
    void publish(String address, JsonObject message);

    /** Receives every message published to the address. */
    void subscribe(String address, Consumer<JsonObject> receiver);
}
