package io.quarkiverse.live.runtime.transport;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.quarkiverse.live.runtime.component.ComponentOwner;
import io.quarkiverse.live.runtime.component.MountedComponent;

/**
 * One browser connection and the components joined on it. A component leaves it when the browser leaves it, when
 * another connection takes it over with its resume token, or when it is destroyed.
 */
public final class Session implements ComponentOwner {

    private final Channel channel;
    private final List<Locale.LanguageRange> languages;
    private final ConnectionIdentity identity;
    private final Map<String, MountedComponent> components = new ConcurrentHashMap<>();

    public Session(Channel channel, String acceptLanguage, ConnectionIdentity identity) {
        this.channel = channel;
        this.languages = languages(acceptLanguage);
        this.identity = identity;
    }

    /** The user who opened the connection, set into the request context of every task of its components. */
    public ConnectionIdentity identity() {
        return identity;
    }

    public Channel channel() {
        return channel;
    }

    /** The languages the browser asked for when it connected, best first; empty when it named none. */
    public List<Locale.LanguageRange> languages() {
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

    public MountedComponent get(String id) {
        return components.get(id);
    }

    public void add(MountedComponent component) {
        components.put(component.id(), component);
    }

    public MountedComponent remove(String id) {
        return components.remove(id);
    }

    public Collection<MountedComponent> components() {
        return components.values();
    }

    @Override
    public void release(MountedComponent component) {
        components.remove(component.id(), component);
    }
}
