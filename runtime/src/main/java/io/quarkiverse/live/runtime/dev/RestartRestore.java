package io.quarkiverse.live.runtime.dev;

import java.util.Map;

import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import io.quarkiverse.live.runtime.component.ComponentBinding;
import io.quarkiverse.live.runtime.component.ComponentIds;
import io.quarkiverse.live.runtime.component.ComponentRegistry;
import io.quarkiverse.live.runtime.component.MountedComponent;
import io.quarkiverse.live.runtime.shared.SharedCodec;
import io.quarkus.runtime.LaunchMode;

/**
 * In dev mode, mounts again a component that the application had before it restarted ({@link RestartSnapshot}), when
 * its browser rejoins it: same id, same resume token, same browser, its state fields as they were. Outside dev mode
 * there is never anything to mount.
 * <p>
 * The kept state is set the way props are, before {@code onMount()}, which then runs as on any first join: whatever
 * {@code onMount()} acquired (presence, subscriptions, counts of open components) belonged to the stopped application
 * and must be acquired again, and it sees the state as the user left it. A field {@code onMount()} assigns takes the
 * value it assigns (data read again from the database, say), not the kept one.
 */
@Singleton
public class RestartRestore {

    private static final Logger LOG = Logger.getLogger(RestartRestore.class);

    private final boolean devMode = LaunchMode.current() == LaunchMode.DEVELOPMENT;
    private final ComponentRegistry registry;
    private final SharedCodec codec;

    RestartRestore(ComponentRegistry registry, SharedCodec codec) {
        this.registry = registry;
        this.codec = codec;
    }

    /**
     * Mounts the component kept with that id, when the token and the browser are the ones it had, as a rejoin checks
     * them; the caller then joins it as usual. Returns whether it did: not outside dev mode, not for an id no restart
     * kept, not when the component's class is gone.
     */
    public boolean mountAgain(String id, String token, String browser) {
        if (!devMode) {
            return false;
        }
        SavedComponent saved = SavedComponents.find(id);
        if (saved == null || !ComponentIds.sameSecret(saved.token(), token)
                || saved.browser() != null && !ComponentIds.sameSecret(saved.browser(), browser)) {
            return false;
        }
        MountedComponent component;
        try {
            component = registry.mount(saved.component(), id, saved.token(), null, saved.browser(),
                    (binding, instance) -> restoreFields(saved, binding, instance));
        } catch (RuntimeException e) {
            // No such component any more, or another rejoin of it came first
            LOG.debugf("Could not mount %s %s again after the restart: %s", saved.component(), id, e.getMessage());
            return false;
        } finally {
            SavedComponents.forget(id);
        }
        component.sequence().resumeAfter(saved.lastSeq());
        return true;
    }

    /**
     * Sets each kept field that the component still has, with the same declared type, to the value it had; a field
     * that is gone, whose type changed or whose JSON no longer reads is skipped, and a new field keeps its initializer.
     */
    private void restoreFields(SavedComponent saved, ComponentBinding binding, Object instance) {
        Map<String, String> types = binding.writableGenericTypes();
        for (Map.Entry<String, String> field : saved.fields().entrySet()) {
            String name = field.getKey();
            String type = types.get(name);
            if (type == null || !type.equals(saved.types().get(name))) {
                LOG.debugf("%s.%s is not restored: it is gone or its type changed", binding.name(), name);
                continue;
            }
            try {
                binding.write(instance, name, codec.read(field.getValue(), codec.type(type)));
            } catch (RuntimeException e) {
                LOG.debugf("%s.%s is not restored: %s", binding.name(), name, e.getMessage());
            }
        }
    }
}
