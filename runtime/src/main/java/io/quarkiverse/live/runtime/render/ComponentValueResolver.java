package io.quarkiverse.live.runtime.render;

import java.util.concurrent.CompletionStage;

import io.quarkiverse.live.runtime.component.ComponentBinding;
import io.quarkus.qute.CompletedStage;
import io.quarkus.qute.EvalContext;
import io.quarkus.qute.Results;
import io.quarkus.qute.ValueResolver;
import io.quarkus.qute.WithPriority;

/**
 * Resolves {@code {count}} in a component template to the component's state through its generated binding, so
 * package-private and private fields work without reflection.
 */
final class ComponentValueResolver implements ValueResolver {

    @Override
    public int getPriority() {
        // Above Qute's built-in resolvers, which never apply to a ComponentView anyway
        return WithPriority.DEFAULT_PRIORITY + 10;
    }

    @Override
    public boolean appliesTo(EvalContext context) {
        return context.getBase() instanceof ComponentView && context.getParams().isEmpty();
    }

    @Override
    public CompletionStage<Object> resolve(EvalContext context) {
        ComponentView view = (ComponentView) context.getBase();
        Object value = view.binding().read(view.component(), context.getName());
        if (value != ComponentBinding.NOT_FOUND) {
            return CompletedStage.of(value);
        }
        // A state field named errors or uploads wins; otherwise the name is the component's messages or uploads
        if (context.getName().equals(ComponentView.ERRORS)) {
            return CompletedStage.of(view.errors());
        }
        return context.getName().equals(ComponentView.UPLOADS) ? CompletedStage.of(new UploadsView(view.mounted()))
                : Results.notFound(context);
    }
}
