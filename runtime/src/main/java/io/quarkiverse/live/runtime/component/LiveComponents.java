package io.quarkiverse.live.runtime.component;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.inject.Singleton;

import io.quarkus.arc.All;

/**
 * Every live component of the application, by simple class name.
 */
@Singleton
public class LiveComponents {

    private final Map<String, ComponentBinding> byName = new TreeMap<>();

    LiveComponents(@All List<ComponentBinding> bindings, PageRequestKeepers keepers) {
        for (ComponentBinding binding : bindings) {
            byName.put(binding.name(), binding);
            if (keepers.keep(binding.name())) {
                binding.keepPageRequest();
            }
        }
    }

    /** The component of that simple class name, or {@code null}. */
    public ComponentBinding find(String name) {
        return byName.get(name);
    }

    public Map<String, ComponentBinding> all() {
        return java.util.Collections.unmodifiableMap(byName);
    }
}
