package io.quarkiverse.live.runtime.shared;

import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

import jakarta.inject.Singleton;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.core.shareddata.AsyncMap;

/**
 * Shared values in Vert.x's shared data (an async map and locks) and changes on its event bus: in memory on one node,
 * cluster-wide when {@code quarkus.vertx.cluster.clustered} is set and a cluster manager is on the class path.
 */
@Singleton
public class VertxSharedStore implements SharedStore {

    static final String MAP = "quarkus-live.shared";
    static final String LOCK_PREFIX = "quarkus-live.shared.";

    private final Vertx vertx;
    private volatile Future<AsyncMap<String, JsonObject>> map;

    VertxSharedStore(Vertx vertx) {
        this.vertx = vertx;
    }

    private Future<AsyncMap<String, JsonObject>> map() {
        Future<AsyncMap<String, JsonObject>> current = map;
        if (current == null || current.failed()) {
            current = vertx.sharedData().getAsyncMap(MAP);
            map = current;
        }
        return current;
    }

    @Override
    public CompletionStage<Runnable> lock(String key, Duration timeout) {
        return vertx.sharedData().getLockWithTimeout(LOCK_PREFIX + key, timeout.toMillis())
                .<Runnable> map(lock -> lock::release)
                .toCompletionStage();
    }

    @Override
    public CompletionStage<SharedValue> read(String key) {
        return map().compose(values -> values.get(key)).map(SharedValue::fromJson).toCompletionStage();
    }

    @Override
    public CompletionStage<Void> write(String key, SharedValue value) {
        return map().compose(values -> values.put(key, value.toJson())).toCompletionStage();
    }

    @Override
    public CompletionStage<Void> writeIfAbsent(String key, SharedValue value) {
        return map().compose(values -> values.putIfAbsent(key, value.toJson())).<Void> mapEmpty().toCompletionStage();
    }

    @Override
    public void publish(String address, JsonObject message) {
        vertx.eventBus().publish(address, message);
    }

    @Override
    public void subscribe(String address, Consumer<JsonObject> receiver) {
        vertx.eventBus().<JsonObject> consumer(address, message -> receiver.accept(message.body()));
    }
}
