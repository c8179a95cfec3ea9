package io.quarkiverse.live.runtime.render;

import java.util.HashSet;
import java.util.Set;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import io.quarkiverse.live.runtime.component.ComponentBinding;
import io.quarkiverse.live.runtime.component.LiveComponents;
import io.quarkiverse.live.runtime.template.EventAttributes;
import io.quarkiverse.live.runtime.template.LiveNamespace;
import io.quarkus.qute.EngineBuilder;

/**
 * Teaches the Qute engine about components: their state resolves through {@link ComponentValueResolver}, and their
 * templates' event attributes are rewritten to what the page carries as they are parsed (the
 * {@code live:} namespace renders the values passed to handlers). Other templates are
 * not touched, so {@code @click} of Alpine.js or Vue in an ordinary page stays as written.
 */
@Singleton
public class LiveEngineSetup {

    private final Set<String> componentTemplateIds = new HashSet<>();

    LiveEngineSetup(LiveComponents components) {
        for (ComponentBinding binding : components.all().values()) {
            componentTemplateIds.add(binding.templateId());
            componentTemplateIds.add(TemplateIds.withoutSuffix(binding.templateId()));
        }
    }

    void configure(@Observes EngineBuilder builder) {
        builder.addValueResolver(new ComponentValueResolver());
        builder.addValueResolver(new ErrorsValueResolver());
        builder.addValueResolver(new UploadsValueResolver());
        builder.addNamespaceResolver(LiveNamespace.resolver());
        builder.addParserHook(helper -> {
            if (componentTemplateIds.contains(helper.getTemplateId())) {
                helper.addContentFilter(EventAttributes::rewrite);
            }
        });
    }
}
