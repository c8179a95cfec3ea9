package io.quarkiverse.live.runtime.component;

import java.util.Set;

/**
 * The components whose mounts keep a copy of the page request's headers and query parameters, as the build found
 * them: those that may read it through {@code LiveConnection}, and those whose template may mount such a component.
 * {@link LiveComponents} marks their bindings ({@link ComponentBinding#keepsPageRequest()}).
 */
public final class PageRequestKeepers {

    private final Set<String> components;

    public PageRequestKeepers(Set<String> components) {
        this.components = Set.copyOf(components);
    }

    boolean keep(String componentName) {
        return components.contains(componentName);
    }
}
