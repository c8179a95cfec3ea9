package io.quarkiverse.live.runtime.component;

import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import org.jboss.logging.Logger;

import io.quarkus.virtual.threads.VirtualThreadsRecorder;
import io.smallrye.common.vertx.VertxContext;
import io.vertx.core.Context;

/**
 * Runs the tasks of one component one at a time, in the order they were submitted, whatever thread each runs on: a task
 * on the event loop runs on a duplicated Vert.x context of its own, as Quarkus gives each HTTP request, a blocking one
 * on a worker thread of that context, a virtual-thread one on Quarkus' virtual-thread executor. The next task starts
 * when the previous one's stage has completed, so an asynchronous handler holds back the events after it.
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
    /** The event loop of the component's connection; each task duplicates it. */
    private volatile Context eventLoop;

    TaskQueue(Object owner) {
        this.owner = owner;
    }

    /** The event loop the component's tasks run on from now on: its connection's (a root context). */
    void bind(Context eventLoop) {
        this.eventLoop = eventLoop;
    }

    boolean isBound() {
        return eventLoop != null;
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
        // A context per task, never one kept for the component: Quarkus keeps a request context's state (its beans'
        // instances) in the duplicated context it ran on, also once terminated, assuming that context ends with its
        // request. Kept for the component, it held the last task's state for the component's whole life
        TaskScope scope = new TaskScope(next.model(), VertxContext.createNewDuplicatedContext(eventLoop));
        scope.dispatch(() -> scope.run(next.task()).whenComplete((ignored, failure) -> {
            if (failure != null) {
                LOG.errorf(failure, "A task of %s failed", owner);
            }
            startNext();
        }));
    }

    /** Runs the action on the thread the execution model names, on the task's context. */
    static void dispatch(ExecutionModel model, Context target, Runnable action) {
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
