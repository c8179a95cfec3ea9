package io.quarkiverse.live.runtime.component;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.BiFunction;

import io.quarkus.arc.Arc;
import io.quarkus.arc.InjectableContext.ContextState;
import io.quarkus.arc.ManagedContext;
import io.vertx.core.Context;

/**
 * The CDI request context of one running {@link Task}: activated when the task starts, deactivated while the task
 * waits for asynchronous work, activated again (on the task's kind of thread) when that work completes, and terminated
 * when the task is over. So {@code @RequestScoped} beans, a Hibernate ORM session or a transaction opened by the
 * handler live exactly as long as the handler and the render after it.
 */
public final class TaskScope {

    private final ExecutionModel model;
    /** The task's own duplicated context, on the component's event loop. */
    private final Context context;
    private ContextState state;
    private volatile Thread endedOn;

    TaskScope(ExecutionModel model, Context context) {
        this.model = model;
        this.context = context;
    }

    /** Runs the action on the task's kind of thread, on its context. */
    void dispatch(Runnable action) {
        TaskQueue.dispatch(model, context, action);
    }

    CompletionStage<?> run(Task task) {
        ManagedContext requestContext = Arc.container().requestContext();
        requestContext.activate();
        state = requestContext.getState();
        CompletionStage<?> done;
        try {
            done = task.run(this);
        } catch (Throwable e) {
            done = TaskQueue.failed(e);
        }
        CompletableFuture<Object> over = new CompletableFuture<>();
        done.whenComplete((result, failure) -> {
            end();
            if (failure != null) {
                over.completeExceptionally(failure);
            } else {
                over.complete(result);
            }
        });
        leaveUnlessEnded();
        return over;
    }

    /**
     * Continues the task with {@code next} once {@code stage} has completed: at once when it already has, else on this
     * task's kind of thread with the task's request context active again.
     */
    public <T, R> CompletionStage<R> then(CompletionStage<T> stage, BiFunction<T, Throwable, CompletionStage<R>> next) {
        CompletableFuture<T> future;
        try {
            future = stage.toCompletableFuture();
        } catch (UnsupportedOperationException e) {
            future = new CompletableFuture<>();
            CompletableFuture<T> copy = future;
            stage.whenComplete((value, failure) -> {
                if (failure != null) {
                    copy.completeExceptionally(failure);
                } else {
                    copy.complete(value);
                }
            });
        }
        if (future.isDone()) {
            return apply(future, next);
        }
        Arc.container().requestContext().deactivate();
        CompletableFuture<R> result = new CompletableFuture<>();
        CompletableFuture<T> waited = future;
        waited.whenComplete((ignored, ignoredFailure) -> dispatch(() -> {
            Arc.container().requestContext().activate(state);
            apply(waited, next).whenComplete((value, failure) -> {
                if (failure != null) {
                    result.completeExceptionally(failure);
                } else {
                    result.complete(value);
                }
            });
            leaveUnlessEnded();
        }));
        return result;
    }

    private static <T, R> CompletionStage<R> apply(CompletableFuture<T> done,
            BiFunction<T, Throwable, CompletionStage<R>> next) {
        T value = null;
        Throwable failure = null;
        try {
            value = done.join();
        } catch (CompletionException e) {
            failure = e.getCause() != null ? e.getCause() : e;
        } catch (RuntimeException e) {
            failure = e;
        }
        try {
            return next.apply(value, failure);
        } catch (RuntimeException | Error e) {
            // A render that overflows the stack, say: the task fails and the queue goes on with the next one
            return CompletableFuture.failedFuture(e);
        }
    }

    /**
     * Unless the task ended on this thread (which terminated its context here), the task goes on elsewhere: this thread
     * serves others meanwhile, without this task's context.
     */
    private void leaveUnlessEnded() {
        if (endedOn != Thread.currentThread()) {
            Arc.container().requestContext().deactivate();
        }
    }

    private void end() {
        ManagedContext requestContext = Arc.container().requestContext();
        requestContext.activate(state);
        requestContext.terminate();
        endedOn = Thread.currentThread();
    }
}
