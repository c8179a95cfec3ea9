package io.quarkiverse.live.runtime.render;

import java.util.concurrent.CompletionStage;

import io.quarkiverse.live.Errors;
import io.quarkus.qute.CompletedStage;
import io.quarkus.qute.EvalContext;
import io.quarkus.qute.ValueResolver;
import io.quarkus.qute.WithPriority;

/**
 * {@code {errors.email}}, {@code {errors.get('address.street')}}, {@code {errors.has('email')}},
 * {@code {errors.empty}} in a component template.
 */
final class ErrorsValueResolver implements ValueResolver {

    @Override
    public int getPriority() {
        return WithPriority.DEFAULT_PRIORITY + 10;
    }

    @Override
    public boolean appliesTo(EvalContext context) {
        return context.getBase() instanceof Errors;
    }

    @Override
    public CompletionStage<Object> resolve(EvalContext context) {
        Errors errors = (Errors) context.getBase();
        String name = context.getName();
        if (context.getParams().size() == 1 && (name.equals("has") || name.equals("get"))) {
            return context.evaluate(context.getParams().get(0)).thenApply(key -> name.equals("has")
                    ? (Object) errors.has(String.valueOf(key))
                    : errors.get(String.valueOf(key)));
        }
        if (name.equals("empty") || name.equals("isEmpty")) {
            return CompletedStage.of(errors.isEmpty());
        }
        return CompletedStage.of(errors.get(name));
    }
}
