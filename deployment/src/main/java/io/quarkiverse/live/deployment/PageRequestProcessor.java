package io.quarkiverse.live.deployment;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.inject.Singleton;

import org.jboss.jandex.DotName;
import org.jboss.jandex.IndexView;

import io.quarkiverse.live.runtime.LiveRecorder;
import io.quarkiverse.live.runtime.component.PageRequestKeepers;
import io.quarkiverse.live.runtime.template.Markup;
import io.quarkiverse.live.runtime.template.Markup.QuteTag;
import io.quarkiverse.live.runtime.template.Markup.Token;
import io.quarkus.arc.deployment.SyntheticBeanBuildItem;
import io.quarkus.deployment.annotations.BuildProducer;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.deployment.annotations.ExecutionTime;
import io.quarkus.deployment.annotations.Record;
import io.quarkus.deployment.builditem.CombinedIndexBuildItem;

/**
 * Decides which components' mounts keep a copy of the page request's headers and query parameters: those that may read it
 * through {@code LiveConnection}, and those whose template may mount such a component, since a child mounted by a
 * later render, when no HTTP request is being served, sees its parent's copy. Every other mount keeps none: a page
 * load leaves its components waiting for their browser, and the copy was most of what each one held.
 */
public class PageRequestProcessor {

    /** A template that includes another may mount whatever that one names, which this reading does not follow. */
    private static final Set<String> INCLUDES = Set.of("include", "insert");

    @BuildStep
    @Record(ExecutionTime.STATIC_INIT)
    void tellWhichComponentsKeepThePageRequest(CombinedIndexBuildItem index, List<LiveComponentBuildItem> components,
            List<ComponentTemplateBuildItem> templates, LiveRecorder recorder,
            BuildProducer<SyntheticBeanBuildItem> syntheticBeans) {
        syntheticBeans.produce(SyntheticBeanBuildItem.configure(PageRequestKeepers.class)
                .scope(Singleton.class)
                .unremovable()
                .supplier(recorder.pageRequestKeepers(keepers(index.getIndex(), components, templates)))
                .done());
    }

    /** The names of the components that keep the page request. */
    static Set<String> keepers(IndexView index, List<LiveComponentBuildItem> components,
            List<ComponentTemplateBuildItem> templates) {
        Set<DotName> reaching = LiveConnectionInjections.reaching(index);
        Set<String> keepers = new HashSet<>();
        for (LiveComponentBuildItem component : components) {
            if (reaching.contains(component.componentClass().name())) {
                keepers.add(component.name());
            }
        }
        if (keepers.isEmpty()) {
            return keepers;
        }
        // null: the template may mount any component
        Map<String, Set<String>> children = new HashMap<>();
        for (ComponentTemplateBuildItem template : templates) {
            children.put(template.component().name(), children(template.markup()));
        }
        boolean grew = true;
        while (grew) {
            grew = false;
            for (Map.Entry<String, Set<String>> entry : children.entrySet()) {
                if (!keepers.contains(entry.getKey())
                        && (entry.getValue() == null || entry.getValue().stream().anyMatch(keepers::contains))) {
                    keepers.add(entry.getKey());
                    grew = true;
                }
            }
        }
        return keepers;
    }

    /**
     * The components the template's {@code {#live Name ...}} sections name, or {@code null} when it may mount others: it
     * includes another template, or names a component in a way this reading does not know.
     */
    static Set<String> children(Markup markup) {
        Set<String> names = new HashSet<>();
        for (Token token : markup.tokens()) {
            if (!(token instanceof QuteTag tag) || tag.kind() != '#') {
                continue;
            }
            String section = tag.sectionName(markup.source());
            if (INCLUDES.contains(section)) {
                return null;
            }
            if (section.equals("live")) {
                String name = firstParameter(markup.source().substring(tag.start() + 2 + section.length(),
                        tag.end() - 1));
                if (name.isEmpty() || name.contains("=")) {
                    return null;
                }
                names.add(name);
            }
        }
        return names;
    }

    /** The first whitespace-separated word of a section's parameters, before any {@code /} that closes the tag. */
    private static String firstParameter(String parameters) {
        String trimmed = parameters.strip();
        int end = 0;
        while (end < trimmed.length() && !Character.isWhitespace(trimmed.charAt(end)) && trimmed.charAt(end) != '/') {
            end++;
        }
        return trimmed.substring(0, end);
    }
}
