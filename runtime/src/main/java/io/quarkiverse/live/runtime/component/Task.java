package io.quarkiverse.live.runtime.component;

import java.util.concurrent.CompletionStage;

/**
 * One unit of a component's work: an event, a join, an unmount. It runs alone on its component, on the thread of its
 * {@link ExecutionModel}, with a CDI request context of its own that stays active until the returned stage completes
 * (use {@link TaskScope#then} to continue after asynchronous work).
 */
@FunctionalInterface
public interface Task {

    CompletionStage<?> run(TaskScope scope) throws Exception;
}
