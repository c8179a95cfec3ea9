package io.quarkiverse.live.runtime;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.quarkus.websockets.next.UserData;

/**
 * The components joined on one connection. Only touched on the connection's event loop.
 */
final class LiveSession {

    static final UserData.TypedKey<LiveSession> KEY = new UserData.TypedKey<>("quarkus-live-session");

    private final Map<String, MountedComponent> components = new HashMap<>();
    private final List<Locale.LanguageRange> languages;

    LiveSession(List<Locale.LanguageRange> languages) {
        this.languages = languages;
    }

    /** The languages the browser asked for when it connected, best first; empty when it named none. */
    List<Locale.LanguageRange> languages() {
        return languages;
    }

    /** An {@code Accept-Language} header read as language ranges; empty when absent or unreadable. */
    static List<Locale.LanguageRange> languages(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return List.of();
        }
        try {
            return Locale.LanguageRange.parse(acceptLanguage);
        } catch (IllegalArgumentException e) {
            return List.of();
        }
    }

    MountedComponent get(String id) {
        return components.get(id);
    }

    boolean contains(String id) {
        return components.containsKey(id);
    }

    void add(MountedComponent component) {
        components.put(component.id(), component);
    }

    Iterable<MountedComponent> all() {
        return components.values();
    }

    void clear() {
        components.clear();
    }
}
