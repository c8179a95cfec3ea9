package io.quarkiverse.live.runtime;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import jakarta.inject.Singleton;

import io.quarkus.qute.Engine;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateException;

/**
 * Renders a mounted component with its template: the whole HTML of its root element, marked for the browser runtime.
 */
@Singleton
public class ComponentRenderer {

    private final Engine engine;

    ComponentRenderer(Engine engine) {
        this.engine = engine;
    }

    public CompletionStage<String> render(MountedComponent component) {
        ComponentBinding binding = component.binding();
        Template template = engine.getTemplate(binding.templateId());
        if (template == null) {
            return CompletableFuture.failedFuture(new TemplateException(
                    "Template " + binding.templateId() + " of live component " + binding.name() + " not found"));
        }
        return template.instance()
                .data(new ComponentView(binding, component.instance(), component.errors()))
                .renderAsync()
                .thenApply(html -> RootElement.decorate(html, binding.name(), component.id()));
    }
}
