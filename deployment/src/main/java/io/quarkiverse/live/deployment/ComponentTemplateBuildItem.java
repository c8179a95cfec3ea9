package io.quarkiverse.live.deployment;

import io.quarkiverse.live.runtime.template.Markup;
import io.quarkus.builder.item.MultiBuildItem;

/**
 * A component's template read once as {@link Markup}; every build-time check of the template reads this model.
 */
public final class ComponentTemplateBuildItem extends MultiBuildItem {

    private final LiveComponentBuildItem component;
    private final Markup markup;

    public ComponentTemplateBuildItem(LiveComponentBuildItem component, Markup markup) {
        this.component = component;
        this.markup = markup;
    }

    public LiveComponentBuildItem component() {
        return component;
    }

    public Markup markup() {
        return markup;
    }

    /** {@code templateId:line} of a position in the template, for messages. */
    public String where(int offset) {
        return component.templateId() + ":" + markup.lineOf(offset);
    }
}
