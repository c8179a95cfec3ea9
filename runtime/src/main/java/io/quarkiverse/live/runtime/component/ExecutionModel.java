package io.quarkiverse.live.runtime.component;

/**
 * Where a handler or lifecycle method runs, decided at build time from its annotations (the method's, else its
 * class's): {@code @Blocking} and {@code @Transactional} on a worker thread, {@code @RunOnVirtualThread} on a virtual
 * thread, anything else on the event loop of the component's connection.
 */
public enum ExecutionModel {
    EVENT_LOOP,
    WORKER,
    VIRTUAL_THREAD
}
