package io.quarkiverse.live.runtime.http;

import java.util.Set;

/** The components that are pages of their own ({@code @Live(path = ...)}), as the build found them. */
public final class PageComponents {

    private final Set<String> names;

    public PageComponents(Set<String> names) {
        this.names = Set.copyOf(names);
    }

    public boolean isPage(String componentName) {
        return names.contains(componentName);
    }
}
