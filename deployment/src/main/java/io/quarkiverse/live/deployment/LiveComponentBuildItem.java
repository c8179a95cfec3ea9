package io.quarkiverse.live.deployment;

import java.util.List;
import java.util.Map;

import org.jboss.jandex.ClassInfo;
import org.jboss.jandex.FieldInfo;
import org.jboss.jandex.MethodInfo;

import io.quarkiverse.live.runtime.component.ExecutionModel;
import io.quarkus.builder.item.MultiBuildItem;

/**
 * One {@code @Live} class, as the scan understood it: its state, its handlers and its template.
 */
public final class LiveComponentBuildItem extends MultiBuildItem {

    private final ClassInfo componentClass;
    private final String templateId;
    private final String pagePath;
    private final List<FieldInfo> stateFields;
    private final List<MethodInfo> handlers;
    private final List<MethodInfo> readers;
    private final MethodInfo onMount;
    private final MethodInfo onUnmount;
    private final Map<String, ExecutionModel> executionModels;
    private final Map<String, String> sharedKeys;

    LiveComponentBuildItem(ClassInfo componentClass, String templateId, String pagePath, List<FieldInfo> stateFields,
            List<MethodInfo> handlers, List<MethodInfo> readers, MethodInfo onMount, MethodInfo onUnmount,
            Map<String, ExecutionModel> executionModels, Map<String, String> sharedKeys) {
        this.componentClass = componentClass;
        this.templateId = templateId;
        this.pagePath = pagePath;
        this.stateFields = List.copyOf(stateFields);
        this.handlers = List.copyOf(handlers);
        this.readers = List.copyOf(readers);
        this.onMount = onMount;
        this.onUnmount = onUnmount;
        this.executionModels = Map.copyOf(executionModels);
        this.sharedKeys = Map.copyOf(sharedKeys);
    }

    public ClassInfo componentClass() {
        return componentClass;
    }

    /** The simple class name: the component's name in templates and on the wire. */
    public String name() {
        return componentClass.simpleName();
    }

    /** The template path relative to {@code templates/}, e.g. {@code Counter.html}. */
    public String templateId() {
        return templateId;
    }

    /** The page path of {@code @Live(path = ...)}, or {@code null} for an embeddable-only component. */
    public String pagePath() {
        return pagePath;
    }

    /** Instance fields that are state: neither static, synthetic nor injected. */
    public List<FieldInfo> stateFields() {
        return stateFields;
    }

    /** The methods a client may call, in declaration order. */
    public List<MethodInfo> handlers() {
        return handlers;
    }

    /** Non-private no-arg methods with a result, readable from the template by name. */
    public List<MethodInfo> readers() {
        return readers;
    }

    public MethodInfo onMount() {
        return onMount;
    }

    public MethodInfo onUnmount() {
        return onUnmount;
    }

    /** Where the handler or lifecycle method of that name runs; the event loop for a method the component lacks. */
    public ExecutionModel executionModel(String methodName) {
        return executionModels.getOrDefault(methodName, ExecutionModel.EVENT_LOOP);
    }

    /** The key of a {@code @Shared} state field, or {@code null} for a field of this component alone. */
    public String sharedKey(FieldInfo field) {
        return sharedKeys.get(field.name());
    }
}
