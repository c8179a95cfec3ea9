package io.quarkiverse.live.runtime.dev;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import io.quarkiverse.live.runtime.LiveRuntimeConfig;
import io.quarkiverse.live.runtime.component.ComponentRegistry;
import io.quarkiverse.live.runtime.component.ExecutionModel;
import io.quarkiverse.live.runtime.component.MountedComponent;
import io.quarkiverse.live.runtime.dispatch.Dispatcher;
import io.quarkiverse.live.runtime.shared.SharedCodec;
import io.quarkiverse.live.runtime.transport.Channel;
import io.quarkiverse.live.runtime.transport.Connections;
import io.quarkiverse.live.runtime.transport.Session;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.ShutdownEvent;
import io.vertx.core.Context;

/**
 * In dev mode, keeps the state of every page's component as the application stops for a restart, so that the
 * restarted application can mount each again when its browser rejoins ({@link RestartRestore}). Outside dev mode it
 * does nothing.
 * <p>
 * A restart never cuts an event short: it is held back until the events that run or wait have finished. Holding back
 * the restart, rather than starting a scan only when no event runs, is the one way that holds: a scan cannot know
 * whether it will restart until it has compiled, events can start at any moment meanwhile, and restarts come from
 * HTTP requests and the console too. So, as the application stops: every live connection is closed first, and
 * nothing its browser sent that has not started yet runs (an event that got no answer is sent again after the rejoin,
 * and its sequence number makes it run once); then each component's snapshot is taken by a task queued behind its
 * other tasks, so it sees the state every event that ran left. The browsers connect to the restarted application.
 */
@Singleton
public class RestartSnapshot {

    private static final Logger LOG = Logger.getLogger(RestartSnapshot.class);
    /** How long a restart waits for the events still running; a handler that takes longer loses its component. */
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final boolean devMode = LaunchMode.current() == LaunchMode.DEVELOPMENT;
    private final ComponentRegistry registry;
    private final Connections connections;
    private final Dispatcher dispatcher;
    private final SharedCodec codec;
    private final LiveRuntimeConfig config;

    RestartSnapshot(ComponentRegistry registry, Connections connections, Dispatcher dispatcher, SharedCodec codec,
            LiveRuntimeConfig config) {
        this.registry = registry;
        this.connections = connections;
        this.dispatcher = dispatcher;
        this.codec = codec;
        this.config = config;
    }

    /**
     * Runs before {@link ComponentRegistry}'s own observer, of the default priority, destroys the components: observers
     * of a lower priority run first.
     */
    void stopping(@Observes @Priority(0) ShutdownEvent event) {
        if (!devMode) {
            return;
        }
        if (Context.isOnEventLoopThread()) {
            // The snapshots run on the event loops: waiting for them here would wait for ever
            LOG.warn("The application stops on an event loop: live components are not kept across the restart");
            return;
        }
        connections.refuseNewConnections();
        for (Session session : connections.open()) {
            dispatcher.closed(session);
            session.channel().close(Channel.SERVICE_RESTART, "The application restarts");
        }
        List<CompletableFuture<SavedComponent>> snapshots = new ArrayList<>();
        for (MountedComponent component : registry.mounted()) {
            // Only a page's components that a browser joined: a child is mounted again by its parent's render, and
            // a component never joined has no token a browser could rejoin with
            if (component.parent() == null && component.acceptsTasks()) {
                CompletableFuture<SavedComponent> snapshot = new CompletableFuture<>();
                component.tasks().submit(ExecutionModel.EVENT_LOOP, scope -> {
                    try {
                        snapshot.complete(snapshot(component));
                    } catch (RuntimeException e) {
                        snapshot.completeExceptionally(e);
                    }
                    return CompletableFuture.completedFuture(null);
                });
                snapshots.add(snapshot);
            }
        }
        long deadline = System.nanoTime() + WAIT.toNanos();
        List<SavedComponent> saved = new ArrayList<>();
        for (CompletableFuture<SavedComponent> snapshot : snapshots) {
            try {
                saved.add(snapshot.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS));
            } catch (TimeoutException e) {
                LOG.warnf("A live component's event still ran after %d s: it starts over after the restart",
                        WAIT.toSeconds());
            } catch (ExecutionException e) {
                LOG.warnf(e.getCause(), "A live component could not be kept across the restart");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        SavedComponents.keep(saved, config.reconnectGrace());
        LOG.debugf("Kept %d live component(s) for the restart", saved.size());
    }

    /** The component as it is now; runs on its task queue. */
    private SavedComponent snapshot(MountedComponent component) {
        Map<String, String> fields = StateJson.of(component, codec);
        Map<String, String> types = new HashMap<>();
        Map<String, String> genericTypes = component.binding().writableGenericTypes();
        fields.keySet().forEach(field -> types.put(field, genericTypes.get(field)));
        return new SavedComponent(component.id(), component.binding().name(), component.browser(), component.token(),
                component.sequence().lastApplied(), fields, types, System.currentTimeMillis());
    }
}
