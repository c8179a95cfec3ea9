package io.quarkiverse.live.runtime;

import java.util.ArrayDeque;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

import io.quarkus.arc.InstanceHandle;
import io.vertx.core.Context;

/**
 * One mounted instance of a component: its id, its CDI instance and the HTML the browser last received.
 * <p>
 * Once joined, everything that touches the instance runs as a task on the connection's Vert.x context, one task at a
 * time and in order: a task that returns an unfinished stage holds back the next one until it completes.
 */
public final class MountedComponent {

    private final String id;
    private final ComponentBinding binding;
    private final InstanceHandle<?> handle;
    private final long createdAtNanos = System.nanoTime();
    private final ArrayDeque<Supplier<CompletionStage<?>>> tasks = new ArrayDeque<>();
    private final Errors errors = new Errors();
    private Context context;
    private boolean running;
    private String lastHtml;

    MountedComponent(String id, ComponentBinding binding, InstanceHandle<?> handle) {
        this.id = id;
        this.binding = binding;
        this.handle = handle;
    }

    public String id() {
        return id;
    }

    public ComponentBinding binding() {
        return binding;
    }

    public Object instance() {
        return handle.get();
    }

    /** The messages of this component's last rejected calls, as its template shows them. */
    public Errors errors() {
        return errors;
    }

    long createdAtNanos() {
        return createdAtNanos;
    }

    /**
     * Records the HTML the browser now has and says whether it differs from what it had before.
     */
    boolean replaceHtml(String html) {
        boolean changed = !html.equals(lastHtml);
        lastHtml = html;
        return changed;
    }

    /** Binds the component to the context of the connection that joined it. */
    void attach(Context context) {
        this.context = context;
    }

    /** Runs the action on the context of the connection that joined the component. */
    void runOnContext(Runnable action) {
        context.runOnContext(ignored -> action.run());
    }

    /** Runs the task after every task enqueued before it has completed. Call on the attached context only. */
    void enqueue(Supplier<CompletionStage<?>> task) {
        tasks.add(task);
        if (!running) {
            runNext();
        }
    }

    private void runNext() {
        Supplier<CompletionStage<?>> task = tasks.poll();
        if (task == null) {
            running = false;
            return;
        }
        running = true;
        CompletionStage<?> stage;
        try {
            stage = task.get();
        } catch (RuntimeException e) {
            stage = java.util.concurrent.CompletableFuture.failedFuture(e);
        }
        // Back to the connection's context even when an async handler completed elsewhere; this also keeps a
        // long run of synchronous tasks from growing the stack.
        stage.whenComplete((result, failure) -> context.runOnContext(ignored -> runNext()));
    }

    /** Destroys the CDI instance (and its dependent beans). */
    void destroy() {
        handle.destroy();
    }
}
