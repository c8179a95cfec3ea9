package io.quarkiverse.live.runtime;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import io.quarkus.arc.Arc;
import io.quarkus.arc.InstanceHandle;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;

/**
 * Mounts components for a first paint over HTTP and keeps them until a browser joins them over the transport, or
 * until {@code quarkus.live.join-timeout} has passed.
 */
@Singleton
public class LiveMounts {

    private static final Logger LOG = Logger.getLogger(LiveMounts.class);

    private final LiveComponents components;
    private final ComponentRenderer renderer;
    private final ComponentIds ids;
    private final LiveRuntimeConfig config;
    private final ArgumentBinder binder;
    private final Map<String, MountedComponent> waitingForJoin = new ConcurrentHashMap<>();
    private long sweepTimer = -1;

    LiveMounts(LiveComponents components, ComponentRenderer renderer, ComponentIds ids, LiveRuntimeConfig config,
            ArgumentBinder binder) {
        this.binder = binder;
        this.components = components;
        this.renderer = renderer;
        this.ids = ids;
        this.config = config;
    }

    /**
     * Creates the component and sets its props: each prop names a state field and is converted to its type.
     *
     * @throws IllegalArgumentException naming what is wrong, when there is no such component or field, or a prop
     *         value does not fit its field
     */
    public MountedComponent mount(String componentName, Map<String, Object> props) {
        ComponentBinding binding = components.find(componentName);
        if (binding == null) {
            throw new IllegalArgumentException("No live component named '" + componentName + "'; the application has "
                    + components.all().keySet());
        }
        InstanceHandle<?> handle = Arc.container().instance(binding.componentClass());
        if (!handle.isAvailable()) {
            throw new IllegalStateException("Live component " + componentName + " (" + binding.componentClass().getName()
                    + ") could not be created as a CDI bean");
        }
        try {
            Object instance = handle.get();
            for (Map.Entry<String, Object> prop : props.entrySet()) {
                Class<?> type = binding.writableFields().get(prop.getKey());
                if (type == null) {
                    throw new IllegalArgumentException(componentName + " has no field '" + prop.getKey()
                            + "' a prop can set; it has " + binding.writableFields().keySet());
                }
                try {
                    binding.write(instance, prop.getKey(), binder.convert(prop.getValue(), type));
                } catch (ConversionException e) {
                    throw new IllegalArgumentException("Prop " + prop.getKey() + " of " + componentName + ": "
                            + e.getMessage());
                }
            }
        } catch (RuntimeException e) {
            handle.destroy();
            throw e;
        }
        return new MountedComponent(ids.next(), binding, handle);
    }

    /**
     * Renders the component for an HTTP response and keeps it for a browser to join.
     */
    public CompletionStage<String> firstPaint(MountedComponent component) {
        return renderer.render(component).thenApply(html -> {
            component.replaceHtml(html);
            waitingForJoin.put(component.id(), component);
            return html;
        });
    }

    /** Hands the component to the connection that joins it; {@code null} when no component with that id waits. */
    public MountedComponent claim(String id) {
        return waitingForJoin.remove(id);
    }

    void start(@Observes StartupEvent event, Vertx vertx) {
        long period = Math.max(1000, Math.min(config.joinTimeout().toMillis() / 4, 10_000));
        sweepTimer = vertx.setPeriodic(period, ignored -> forgetExpired());
    }

    void stop(@Observes ShutdownEvent event, Vertx vertx) {
        if (sweepTimer >= 0) {
            vertx.cancelTimer(sweepTimer);
        }
        waitingForJoin.values().forEach(MountedComponent::destroy);
        waitingForJoin.clear();
    }

    private void forgetExpired() {
        long timeoutNanos = config.joinTimeout().toNanos();
        long now = System.nanoTime();
        int forgotten = 0;
        for (MountedComponent component : waitingForJoin.values()) {
            // remove(key, value): a component claimed meanwhile belongs to its connection and is left alone
            if (now - component.createdAtNanos() > timeoutNanos && waitingForJoin.remove(component.id(), component)) {
                component.destroy();
                forgotten++;
            }
        }
        if (forgotten > 0) {
            LOG.debugf("Forgot %d live component(s) not joined within %d s", forgotten,
                    TimeUnit.NANOSECONDS.toSeconds(timeoutNanos));
        }
    }
}
