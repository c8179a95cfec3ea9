package io.quarkiverse.live;

import java.util.concurrent.CompletionStage;
import java.util.function.UnaryOperator;

/**
 * Reads and changes {@link Shared} values from anywhere: a {@code @Scheduled} job, a REST endpoint, a message
 * consumer. Inject it:
 *
 * <pre>
 * &#64;Inject SharedState shared;
 *
 * &#64;Scheduled(every = "1s")
 * void tick() { shared.set("metrics", Metrics.sample()); }
 * </pre>
 *
 * Keys are those the application's {@code @Shared} fields declare; their field type is the value's type. The methods
 * that change a value start at once (there is nothing to subscribe to) and complete when the new value is stored and
 * published, on every node of a cluster.
 */
public interface SharedState {

    /**
     * A copy of the latest value of the key this node knows, or {@code null} when it has none yet (no component
     * declaring it has been mounted and nothing has set it).
     *
     * @throws IllegalArgumentException when no {@code @Shared} field declares the key
     */
    <T> T get(String key);

    /**
     * Changes the value of the key: {@code change} gets a copy of the latest value (or {@code null}) and returns the new
     * one, which may be the same object changed in place. Changes of one key run one at a time across the cluster, so
     * none is lost. When the value differs from before, every component declaring the key re-renders. {@code change}
     * runs on an event loop: keep it short and never block in it.
     *
     * @return completes with the new value once stored and published; fails when {@code change} throws (nothing is
     *         stored then) or the key's lock could not be taken within {@code quarkus.live.shared-lock-timeout}
     * @throws IllegalArgumentException when no {@code @Shared} field declares the key
     */
    <T> CompletionStage<T> update(String key, UnaryOperator<T> change);

    /** Replaces the value of the key, as {@link #update} does. */
    <T> CompletionStage<T> set(String key, T value);

    /**
     * Renders every joined component that declares the key again, on every node, and sends the result to the
     * browsers whose HTML changed: for a component whose template also shows data kept elsewhere (a database).
     */
    void broadcast(String key);

    /** Renders every joined component of that class again, on every node, as {@link #broadcast} does. */
    void refresh(Class<?> componentClass);
}
