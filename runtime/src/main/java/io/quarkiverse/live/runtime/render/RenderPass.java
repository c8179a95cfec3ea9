package io.quarkiverse.live.runtime.render;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import io.quarkiverse.live.runtime.component.MountedComponent;

/**
 * One render of a component's template, as the {@code {#live}} sections inside it see it: which component is being
 * rendered, and which of its children the render showed. A child is known by its key: the {@code key} given in the
 * section, else the section and how many times it has been rendered so far in this pass (the third Tally of a loop).
 */
final class RenderPass {

    /** The template instance attribute that carries the pass to the sections. */
    static final String ATTRIBUTE = "io.quarkiverse.live.render-pass";

    private final MountedComponent component;
    private final Set<String> shown = new HashSet<>();
    private final Map<String, Integer> occurrences = new HashMap<>();

    RenderPass(MountedComponent component) {
        this.component = component;
    }

    MountedComponent component() {
        return component;
    }

    /** The key of the next occurrence of the section in this pass. */
    synchronized String nextKey(String sectionId) {
        return sectionId + "#" + occurrences.merge(sectionId, 1, Integer::sum);
    }

    synchronized void shown(String key) {
        shown.add(key);
    }

    synchronized Set<String> shownKeys() {
        return Set.copyOf(shown);
    }
}
