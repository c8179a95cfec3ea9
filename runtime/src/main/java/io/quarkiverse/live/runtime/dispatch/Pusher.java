package io.quarkiverse.live.runtime.dispatch;

import java.util.concurrent.CompletableFuture;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import io.quarkiverse.live.runtime.component.ComponentOwner;
import io.quarkiverse.live.runtime.component.ExecutionModel;
import io.quarkiverse.live.runtime.component.MountedComponent;
import io.quarkiverse.live.runtime.render.ComponentRenderer;
import io.quarkiverse.live.runtime.render.HtmlChange;
import io.quarkiverse.live.runtime.transport.Session;

/**
 * Updates a component that no browser asked to update: a shared value changed, presence changed, or the component's
 * own asynchronous work completed. The change runs on the component's task queue, in turn with its events; then, when
 * a browser is joined, the component renders and the browser gets a {@code render} message if its HTML changed. A
 * component whose browser is away only takes the change: its browser gets the whole HTML when it rejoins.
 */
@Singleton
public class Pusher {

    private static final Logger LOG = Logger.getLogger(Pusher.class);

    private static final CompletionStage<Void> DONE = CompletableFuture.completedFuture(null);

    private final ComponentRenderer renderer;
    /** The coalesced updates waiting on components' task queues. */
    private final Set<Waiting> waiting = ConcurrentHashMap.newKeySet();

    Pusher(ComponentRenderer renderer) {
        this.renderer = renderer;
    }

    /**
     * Runs {@code change} on the component, then renders and sends it.
     *
     * @return completes when done; fails when the component takes no tasks (never joined, or destroyed) or the change
     *         threw
     */
    public CompletionStage<Void> push(MountedComponent component, Consumer<MountedComponent> change) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        if (!component.acceptsTasks()) {
            done.completeExceptionally(new IllegalStateException(component + " is not joined by a browser"
                    + (component.isDestroyed() ? " any more" : " yet")));
            return done;
        }
        component.tasks().submit(ExecutionModel.EVENT_LOOP, scope -> {
            if (component.isDestroyed()) {
                done.completeExceptionally(new IllegalStateException(component + " is no longer mounted"));
                return DONE;
            }
            ComponentOwner owner = component.joinedTo();
            if (owner instanceof Session session) {
                session.identity().restore();
            }
            try {
                change.accept(component);
            } catch (RuntimeException e) {
                // The caller hears of it; the component's next tasks run as usual
                done.completeExceptionally(e);
                return DONE;
            }
            if (owner == null) {
                done.complete(null);
                return DONE;
            }
            return scope.then(renderer.render(component), (html, failure) -> {
                if (failure != null) {
                    LOG.errorf(failure, "Rendering %s failed", component);
                    done.completeExceptionally(failure);
                } else {
                    HtmlChange update = component.replaceHtml(html, false);
                    if (update != null) {
                        owner.sendRender(component, update);
                    }
                    done.complete(null);
                }
                return DONE;
            });
        });
        return done;
    }

    /**
     * Like {@link #push}, for updates that may come faster than a component renders: while one for the same component
     * and reason waits on its queue, more are dropped, since the waiting one will see their changes. Only for a joined
     * component; one whose browser is away catches up when it rejoins.
     */
    public void pushOnce(MountedComponent component, String reason, Consumer<MountedComponent> change) {
        Waiting update = new Waiting(component, reason);
        if (component.joinedTo() == null || !waiting.add(update)) {
            return;
        }
        push(component, target -> {
            waiting.remove(update);
            change.accept(target);
        }).whenComplete((ignored, failure) -> {
            if (failure != null) {
                waiting.remove(update);
                LOG.debugf("Update of %s for %s not done: %s", component, reason, failure.getMessage());
            }
        });
    }

    private record Waiting(MountedComponent component, String reason) {
    }
}
