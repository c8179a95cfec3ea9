package io.quarkiverse.live.runtime.component;

import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import org.jboss.logging.Logger;

import io.quarkus.virtual.threads.VirtualThreadsRecorder;
import io.vertx.core.Context;

/**
 * Runs the tasks of one component one at a time, in the order they were submitted, whatever thread each runs on: a
 * task on the event loop runs on the component's own duplicated Vert.x context, a blocking one on a worker thread of
 * that context, a virtual-thread one on Quarkus' virtual-thread executor. The next task starts when the previous one's
 * stage has completed, so an asynchronous handler holds back the events after it.
 * <p>
 * Tasks may be submitted from any thread. Starting a task is always a dispatch, never a call on the submitter's
 * thread, so a long run of tasks does not grow a stack.
 */
public final class TaskQueue {

    private static final Logger LOG = Logger.getLogger(TaskQueue.class);

    /** Named in the log when a task fails; its own {@code toString()} names it, so no name is built per queue. */
    private final Object owner;
    /** Created by the first submit: most components that wait for their browser never get a task. */
    private ArrayDeque<Pending> pending;
    private boolean running;
    private volatile Context context;

    TaskQueue(Object owner) {
        this.owner = owner;
    }

    /** The event-loop context the component's tasks run on from now on (its connection's, duplicated). */
    void bind(Context context) {
        this.context = context;
    }

    boolean isBound() {
        return context != null;
    }

    /** How many tasks wait or run. */
    public synchronized int size() {
        return (pending == null ? 0 : pending.size()) + (running ? 1 : 0);
    }

    public void submit(ExecutionModel model, Task task) {
        synchronized (this) {
            if (pending == null) {
                pending = new ArrayDeque<>();
            }
            pending.add(new Pending(model, task));
            if (running) {
                return;
            }
            running = true;
        }
        startNext();
    }

    private void startNext() {
        Pending next;
        synchronized (this) {
            next = pending.poll();
            if (next == null) {
                running = false;
                return;
            }
        }
        TaskScope scope = new TaskScope(this, next.model());
        dispatch(next.model(), () -> scope.run(next.task()).whenComplete((ignored, failure) -> {
            if (failure != null) {
                LOG.errorf(failure, "A task of %s failed", owner);
            }
            startNext();
        }));
    }

    /** Runs the action on the thread the execution model names. */
    void dispatch(ExecutionModel model, Runnable action) {
        Context target = context;
        switch (model) {
            case EVENT_LOOP -> target.runOnContext(ignored -> action.run());
            case WORKER -> target.executeBlocking(() -> {
                action.run();
                return null;
            }, false);
            case VIRTUAL_THREAD -> VirtualThreadsRecorder.getCurrent().execute(action);
        }
    }

    static CompletionStage<?> failed(Throwable failure) {
        return CompletableFuture.failedFuture(failure);
    }

    private record Pending(ExecutionModel model, Task task) {
    }
}
