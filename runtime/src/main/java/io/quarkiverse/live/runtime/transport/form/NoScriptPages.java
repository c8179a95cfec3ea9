package io.quarkiverse.live.runtime.transport.form;

import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.inject.Singleton;

import io.quarkiverse.live.runtime.LiveRuntimeConfig;
import io.quarkiverse.live.runtime.component.ComponentRegistry;
import io.quarkiverse.live.runtime.component.MountedComponent;

/**
 * Which component a browser without JavaScript is to see again: after a form post the browser is redirected to its
 * page (POST, redirect, GET), and that page must show the component the post changed, not a new one. The post
 * remembers the component for its browser and class (for a child, its page's component, which holds it); the page's
 * next render for that browser takes it, once. An entry lives as long as the component waits for its browser
 * ({@code quarkus.live.reconnect-grace}); there are at most {@code quarkus.live.max-detached} of them.
 */
@Singleton
public class NoScriptPages {

    private record Kept(String componentId, long sinceNanos) {
    }

    private final ComponentRegistry registry;
    private final long lifetimeNanos;
    private final int max;
    private final Map<String, Kept> kept = new ConcurrentHashMap<>();

    NoScriptPages(ComponentRegistry registry, LiveRuntimeConfig config) {
        this.registry = registry;
        this.lifetimeNanos = config.reconnectGrace().toNanos();
        this.max = config.maxDetached();
    }

    void remember(String browser, MountedComponent posted) {
        if (browser == null) {
            return;
        }
        // A child shows on its parent's page: the page must show the parent that holds it
        MountedComponent component = posted.page();
        long now = System.nanoTime();
        if (kept.size() >= max) {
            forgetOld(now);
        }
        if (kept.size() < max) {
            kept.put(key(browser, component.binding().name()), new Kept(component.id(), now));
        }
    }

    /** The component a post left for this browser's next page of that component class, or {@code null}. */
    public MountedComponent take(String browser, String componentName) {
        if (browser == null || kept.isEmpty()) {
            return null;
        }
        Kept entry = kept.remove(key(browser, componentName));
        if (entry == null || System.nanoTime() - entry.sinceNanos() > lifetimeNanos) {
            return null;
        }
        MountedComponent component = registry.find(entry.componentId());
        return component == null || component.isDestroyed() ? null : component;
    }

    private void forgetOld(long now) {
        for (Iterator<Kept> entries = kept.values().iterator(); entries.hasNext();) {
            if (now - entries.next().sinceNanos() > lifetimeNanos) {
                entries.remove();
            }
        }
    }

    private static String key(String browser, String componentName) {
        return browser + "/" + componentName;
    }
}
