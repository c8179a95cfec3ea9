package io.quarkiverse.live.runtime.dev;

import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.quarkus.dev.console.DevConsoleManager;

/**
 * The components the last dev-mode restarts kept, by id, in a global of the dev-mode session (which outlives the
 * application and its class loaders): written as the application stops, read as browsers rejoin the restarted one.
 */
final class SavedComponents {

    private static final String KEY = "io.quarkiverse.live.saved-components";

    private SavedComponents() {
    }

    /**
     * Keeps the components of an application that stops, with those kept by an earlier restart whose browsers have
     * not rejoined yet and that are younger than {@code grace} (two quick restarts in a row lose nothing).
     */
    static void keep(Collection<SavedComponent> components, Duration grace) {
        Map<String, Map<String, Object>> kept = new ConcurrentHashMap<>();
        long oldest = System.currentTimeMillis() - grace.toMillis();
        all().forEach((id, earlier) -> {
            if (SavedComponent.fromMap(earlier).savedAtMillis() >= oldest) {
                kept.put(id, earlier);
            }
        });
        components.forEach(component -> kept.put(component.id(), component.toMap()));
        DevConsoleManager.setGlobal(KEY, kept);
    }

    /** The component kept with that id, or {@code null}. */
    static SavedComponent find(String id) {
        Map<String, Object> saved = all().get(id);
        return saved == null ? null : SavedComponent.fromMap(saved);
    }

    /** Forgets a kept component: it is mounted again, or it cannot be. */
    static void forget(String id) {
        Map<String, Map<String, Object>> kept = DevConsoleManager.getGlobal(KEY);
        if (kept != null) {
            kept.remove(id);
        }
    }

    private static Map<String, Map<String, Object>> all() {
        Map<String, Map<String, Object>> kept = DevConsoleManager.getGlobal(KEY);
        return kept != null ? kept : Map.of();
    }
}
