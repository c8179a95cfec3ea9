package io.quarkiverse.live.deployment;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import org.jboss.jandex.ClassInfo;
import org.jboss.jandex.DotName;
import org.jboss.jandex.MethodInfo;

import io.quarkiverse.live.runtime.component.ExecutionModel;

/**
 * Where a handler or lifecycle method runs, from its annotations as Quarkus REST and WebSockets Next read them:
 * {@code @RunOnVirtualThread} on a virtual thread, {@code @Blocking} or {@code @Transactional} on a worker thread,
 * {@code @NonBlocking} (and no annotation) on the event loop. The method's own annotations win over its class's.
 */
final class ExecutionModels {

    static final DotName BLOCKING = DotName.createSimple("io.smallrye.common.annotation.Blocking");
    static final DotName NON_BLOCKING = DotName.createSimple("io.smallrye.common.annotation.NonBlocking");
    static final DotName RUN_ON_VIRTUAL_THREAD = DotName
            .createSimple("io.smallrye.common.annotation.RunOnVirtualThread");
    static final DotName TRANSACTIONAL = DotName.createSimple("jakarta.transaction.Transactional");

    private ExecutionModels() {
    }

    /**
     * The method's execution model; a method or class whose annotations contradict each other adds a problem naming it
     * (and the event loop is returned so the scan goes on to report other problems).
     */
    static ExecutionModel of(MethodInfo method, ClassInfo component, List<String> problems) {
        ExecutionModel own = declared(method::hasDeclaredAnnotation,
                "Live component " + component.name() + ": " + method.name() + "()", problems);
        if (own != null) {
            return own;
        }
        ExecutionModel inherited = declared(component::hasDeclaredAnnotation, "Live component " + component.name(),
                problems);
        return inherited != null ? inherited : ExecutionModel.EVENT_LOOP;
    }

    private static ExecutionModel declared(Predicate<DotName> annotated, String where, List<String> problems) {
        boolean nonBlocking = annotated.test(NON_BLOCKING);
        boolean virtualThread = annotated.test(RUN_ON_VIRTUAL_THREAD);
        boolean blocking = annotated.test(BLOCKING);
        boolean transactional = annotated.test(TRANSACTIONAL);
        if (nonBlocking && (virtualThread || blocking || transactional)) {
            List<String> others = new ArrayList<>();
            if (blocking) {
                others.add("@Blocking");
            }
            if (transactional) {
                others.add("@Transactional (which runs it on a worker thread)");
            }
            if (virtualThread) {
                others.add("@RunOnVirtualThread");
            }
            String message = where + " is annotated both @NonBlocking and " + String.join(" and ", others)
                    + "; keep the one that says where it should run";
            if (!problems.contains(message)) {
                problems.add(message);
            }
            return ExecutionModel.EVENT_LOOP;
        }
        if (virtualThread) {
            return ExecutionModel.VIRTUAL_THREAD;
        }
        if (blocking || transactional) {
            return ExecutionModel.WORKER;
        }
        return nonBlocking ? ExecutionModel.EVENT_LOOP : null;
    }
}
