package io.quarkiverse.live.runtime.component;

import java.util.List;

/**
 * A handler's parameters as the build saw them: what client input is converted to before the handler is called, and
 * where it runs.
 *
 * @param component the component's simple name
 * @param name the handler's name
 * @param types the erased parameter types
 * @param genericTypes the full parameter types, e.g. {@code java.util.Set<org.acme.Topping>}
 * @param parameterNames the parameter names, which key the errors a template shows
 * @param executionModel the thread the handler runs on
 */
public record HandlerSignature(String component, String name, List<Class<?>> types, List<String> genericTypes,
        List<String> parameterNames, ExecutionModel executionModel) {

    public int arity() {
        return types.size();
    }

    @Override
    public String toString() {
        return component + "." + name;
    }
}
