package io.quarkiverse.live.runtime.component;

import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import io.quarkiverse.live.runtime.LiveRuntimeConfig;
import io.quarkiverse.live.runtime.component.MountedComponent.Phase;
import io.quarkus.arc.Arc;
import io.quarkus.arc.InstanceHandle;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.vertx.VertxContext;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * Every mounted component of this server, and the moves of their life cycle (see {@link MountedComponent}): mount,
 * join, rejoin, detach, destroy. A sweep forgets components rendered but never joined within
 * {@code quarkus.live.join-timeout} and components detached for longer than {@code quarkus.live.reconnect-grace};
 * at most {@code quarkus.live.max-detached} components are kept detached, the longest detached going first.
 */
@Singleton
public class ComponentRegistry {

    private static final Logger LOG = Logger.getLogger(ComponentRegistry.class);

    private final LiveComponents components;
    private final ComponentIds ids;
    private final LiveRuntimeConfig config;
    private final Map<String, MountedComponent> byId = new ConcurrentHashMap<>();
    /** Components waiting for their first join, longest waiting first. */
    private final Waiting pending = new Waiting(Phase.RENDERED);
    /** Detached components, longest detached first. */
    private final Waiting detached = new Waiting(Phase.DETACHED);
    private final List<ComponentListener> listeners = new CopyOnWriteArrayList<>();
    private long sweepTimer = -1;

    ComponentRegistry(LiveComponents components, ComponentIds ids, LiveRuntimeConfig config) {
        this.components = components;
        this.ids = ids;
        this.config = config;
    }

    /**
     * Creates a component, sets its props with {@code setProps} and keeps it, rendered, for a browser to join.
     *
     * @param parent the component whose template mounts this one, or {@code null}
     * @param browser the browser that renders it, which alone may join it ({@code null}: any browser); a child
     *        belongs to its parent's browser
     * @throws IllegalArgumentException naming what is wrong when there is no such component, or the props do not fit
     */
    public MountedComponent mount(String componentName, MountedComponent parent, String browser,
            PropSetter setProps) {
        return mount(componentName, null, parent, browser, setProps);
    }

    /**
     * Like {@link #mount(String, MountedComponent, String, PropSetter)}, with the id another node gave the component
     * ({@code null}: a new one).
     */
    public MountedComponent mount(String componentName, String id, MountedComponent parent, String browser,
            PropSetter setProps) {
        return mount(componentName, id, null, parent, browser, setProps);
    }

    /**
     * Like {@link #mount(String, String, MountedComponent, String, PropSetter)}, with the resume token the component
     * had before a dev-mode restart ({@code null}: a new one), so that its browser's rejoin finds it.
     */
    public MountedComponent mount(String componentName, String id, String token, MountedComponent parent,
            String browser, PropSetter setProps) {
        ComponentBinding binding = components.find(componentName);
        if (binding == null) {
            throw new IllegalArgumentException("No live component named '" + componentName + "'; the application has "
                    + components.all().keySet());
        }
        MountContext context = MountContext.capture(id != null ? id : ids.next(), parent,
                binding.keepsPageRequest());
        // Beans injected into the component (LiveConnection, Presence) find their mount while it is created
        InstanceHandle<?> handle = MountContext.creating(context, () -> {
            InstanceHandle<?> created = Arc.container().instance(binding.componentClass());
            if (created.isAvailable()) {
                created.get();
            }
            return created;
        });
        if (!handle.isAvailable()) {
            throw new IllegalStateException("Live component " + componentName + " ("
                    + binding.componentClass().getName() + ") could not be created as a CDI bean");
        }
        try {
            setProps.set(binding, handle.get());
        } catch (RuntimeException e) {
            handle.destroy();
            throw e;
        }
        MountedComponent component = new MountedComponent(context, token != null ? token : ids.next(), binding,
                handle, parent, parent != null ? parent.browser() : browser, config.replayWindow(),
                config.diff() == LiveRuntimeConfig.Diff.EDITS);
        context.attach(component);
        try {
            listeners.forEach(listener -> listener.mounted(component));
        } catch (RuntimeException e) {
            handle.destroy();
            throw e;
        }
        if (byId.putIfAbsent(component.id(), component) != null) {
            // Another join of the same claim came first: this one was never anybody's
            listeners.forEach(listener -> listener.destroyed(component));
            handle.destroy();
            throw new IllegalStateException("A component with id " + component.id() + " is mounted already");
        }
        // A child waits as long as its parent shows it; a page's component counts against the cap of waiting ones
        if (parent == null) {
            pending.admit(component, component.phaseSinceNanos(), config.maxPendingJoins());
        }
        return component;
    }

    /** The mounted component with that id, in any phase; {@code null} when there is none. */
    public MountedComponent find(String id) {
        return byId.get(id);
    }

    /** From now on, {@code listener} hears of every component's moves. */
    public void listen(ComponentListener listener) {
        listeners.add(listener);
    }

    /** Every component mounted now, in any phase but destroyed; a live view, safe to iterate from any thread. */
    public Collection<MountedComponent> mounted() {
        return Collections.unmodifiableCollection(byId.values());
    }

    /** Sets the initial field values of a new component instance. */
    @FunctionalInterface
    public interface PropSetter {
        void set(ComponentBinding binding, Object instance);
    }

    /**
     * Gives the component to a connection. Without a token only a component still waiting for its first join can be
     * joined; with the token the server gave out, a joined or detached component moves to the new owner (a browser
     * that reconnected before the server noticed its old connection drop). Either way the connection must come from
     * the browser that rendered the component.
     *
     * @param browser the browser id the connection carries, or {@code null}
     * @param eventLoop the event-loop context of the new owner's connection
     * @return the join, or {@code null} when there is no such component, it belongs to another browser or the token
     *         does not match
     */
    public Join join(String id, String token, String browser, ComponentOwner owner, Context eventLoop) {
        MountedComponent component = byId.get(id);
        if (component == null || component.browser() != null && !ComponentIds.sameSecret(component.browser(), browser)) {
            return null;
        }
        ComponentOwner previous;
        boolean first;
        synchronized (component) {
            Phase phase = component.phase();
            if (phase == Phase.DESTROYED) {
                return null;
            }
            if (token == null ? phase != Phase.RENDERED : !ComponentIds.sameSecret(component.token(), token)) {
                return null;
            }
            first = !component.isMounted();
            component.markMounted();
            if (first) {
                // Claims are given out only before a page's first join: what they would say is of no more use
                component.context().describe(null);
            }
            leaving(component, phase);
            previous = component.enter(Phase.JOINED, owner);
            // Runs where its connection runs, each task on a duplicated context of its own (TaskQueue)
            component.bind(VertxContext.getRootContext(eventLoop));
        }
        if (previous != null && previous != owner) {
            previous.release(component);
        }
        listeners.forEach(listener -> listener.joined(component));
        return new Join(component, first);
    }

    /** A component given to a connection, and whether this was its first join (its {@code onMount()} is due). */
    public record Join(MountedComponent component, boolean first) {
    }

    /** The connection that owned the component left: the component waits for a rejoin for the grace period. */
    public void detach(MountedComponent component, ComponentOwner owner) {
        long since;
        synchronized (component) {
            if (component.phase() != Phase.JOINED || component.owner() != owner) {
                return;
            }
            component.enter(Phase.DETACHED, null);
            since = component.phaseSinceNanos();
        }
        listeners.forEach(listener -> listener.detached(component));
        detached.admit(component, since, config.maxDetached());
    }

    /** Counts the component out of the phase it leaves, when that phase is counted. Call under its lock. */
    private void leaving(MountedComponent component, Phase phase) {
        if (phase == Phase.DETACHED) {
            detached.left();
        } else if (phase == Phase.RENDERED && component.parent() == null) {
            pending.left();
        }
    }

    /**
     * The components in one counted phase, longest there first, and how many there are. Entries of components that
     * have moved on since are skipped when met.
     */
    private final class Waiting {
        private final Phase phase;
        private final ConcurrentLinkedQueue<Entry> order = new ConcurrentLinkedQueue<>();
        private final AtomicInteger count = new AtomicInteger();

        Waiting(Phase phase) {
            this.phase = phase;
        }

        /**
         * Counts in a component that entered the phase at {@code since}, first destroying the components there
         * longest until there is room: at no time are more than {@code max} counted. Never called under a component's
         * lock (it takes the locks of the components it destroys).
         */
        synchronized void admit(MountedComponent component, long since, int max) {
            while (count.get() >= max) {
                Entry oldest = order.poll();
                if (oldest == null) {
                    break;
                }
                if (oldest.current()) {
                    destroy(oldest.component());
                }
            }
            count.incrementAndGet();
            order.add(new Entry(component, phase, since));
        }

        /** A component left the phase (it may not be counted in yet: then the count catches up when it is). */
        void left() {
            count.decrementAndGet();
        }

        int count() {
            return count.get();
        }

        void forgetStale() {
            order.removeIf(entry -> !entry.current());
        }

        /** A component that entered the phase at that time; current while it has not moved on since. */
        private record Entry(MountedComponent component, Phase phase, long sinceNanos) {
            boolean current() {
                synchronized (component) {
                    return component.phase() == phase && component.phaseSinceNanos() == sinceNanos;
                }
            }
        }
    }

    /**
     * Destroys the component and the children its template mounted: {@code onUnmount()} runs on its task queue if
     * {@code onMount()} did, then the CDI instance is destroyed. A second call does nothing.
     */
    public void destroy(MountedComponent component) {
        ComponentOwner owner;
        synchronized (component) {
            Phase phase = component.phase();
            if (phase == Phase.DESTROYED) {
                return;
            }
            leaving(component, phase);
            owner = component.enter(Phase.DESTROYED, null);
        }
        byId.remove(component.id(), component);
        if (owner != null) {
            owner.release(component);
        }
        listeners.forEach(listener -> listener.destroyed(component));
        if (!component.isMounted() || !component.hasContext()) {
            component.destroyInstance();
            // Its children were rendered with it and never joined through it: nothing queued can touch them
            component.removeAllChildren().forEach(this::destroy);
            return;
        }
        ComponentBinding binding = component.binding();
        component.tasks().submit(binding.unmountModel(), scope -> {
            try {
                binding.unmounted(component.instance());
            } catch (RuntimeException e) {
                LOG.errorf(e, "onUnmount() of %s failed", binding.name());
            } finally {
                component.destroyInstance();
                component.removeAllChildren().forEach(this::destroy);
            }
            return CompletableFuture.completedFuture(null);
        });
    }

    /** How many components are mounted, in every phase but destroyed. */
    public int size() {
        return byId.size();
    }

    /** How many components wait for their browser to reconnect. */
    public int detachedCount() {
        return detached.count();
    }

    /** How many components of pages wait for their first join. */
    public int pendingJoinCount() {
        return pending.count();
    }

    void start(@Observes StartupEvent event, Vertx vertx) {
        long shortest = Math.min(config.joinTimeout().toMillis(), config.reconnectGrace().toMillis());
        long period = Math.max(250, Math.min(shortest / 4, 10_000));
        sweepTimer = vertx.setPeriodic(period, ignored -> sweep());
    }

    void stop(@Observes ShutdownEvent event, Vertx vertx) {
        if (sweepTimer >= 0) {
            vertx.cancelTimer(sweepTimer);
        }
        byId.values().forEach(component -> {
            synchronized (component) {
                component.enter(Phase.DESTROYED, null);
            }
            component.destroyInstance();
        });
        byId.clear();
    }

    /** Forgets components not joined in time and components whose browser did not come back in time. */
    void sweep() {
        long now = System.nanoTime();
        long joinTimeout = config.joinTimeout().toNanos();
        long grace = config.reconnectGrace().toNanos();
        int forgotten = 0;
        for (MountedComponent component : byId.values()) {
            Phase phase = component.phase();
            long age = now - component.phaseSinceNanos();
            // A child waits as long as its parent: it is destroyed with it, or when the parent stops rendering it
            if (phase == Phase.RENDERED && component.parent() == null && age > joinTimeout
                    || phase == Phase.DETACHED && age > grace) {
                destroy(component);
                forgotten++;
            }
        }
        pending.forgetStale();
        detached.forgetStale();
        if (forgotten > 0) {
            LOG.debugf("Forgot %d live component(s) not joined or not rejoined in time", forgotten);
        }
    }
}
