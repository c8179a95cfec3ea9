package io.quarkiverse.live.runtime.shared;

import java.util.List;

import io.quarkiverse.live.Presence;
import io.quarkiverse.live.runtime.component.MountContext;
import io.quarkiverse.live.runtime.component.MountedComponent;

/** The {@link Presence} of one mounted component. */
final class ComponentPresence implements Presence {

    private final MountContext context;
    private final PresenceTracker tracker;

    ComponentPresence(MountContext context, PresenceTracker tracker) {
        this.context = context;
        this.tracker = tracker;
    }

    @Override
    public void track(String key, String name) {
        tracker.track(component(), key, name);
    }

    @Override
    public void untrack(String key) {
        tracker.untrack(component(), key);
    }

    @Override
    public List<String> list(String key) {
        MountedComponent component = context.component();
        // During creation (a field initializer) there is nothing to re-render yet: the list is read as it is
        if (component != null) {
            tracker.watch(component, key);
        }
        return tracker.list(key);
    }

    private MountedComponent component() {
        MountedComponent component = context.component();
        if (component == null) {
            throw new IllegalStateException("The component is still being created; track presence from onMount()");
        }
        return component;
    }
}
