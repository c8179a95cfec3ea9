package io.quarkiverse.live.runtime.devui;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.quarkiverse.live.runtime.component.ExecutionModel;
import io.quarkiverse.live.runtime.component.MountedComponent;
import io.quarkiverse.live.runtime.dev.StateJson;
import io.quarkiverse.live.runtime.shared.SharedCodec;

/**
 * Measures a component's state for the Dev UI: the length of its state fields written as JSON, as a dev-mode restart
 * keeps them. Only the card asks, so events never pay for it. The fields are read by a task queued behind the
 * component's own, since a handler may be changing them; a component whose handler runs longer than {@link #WAIT}
 * is reported as not measured ({@code -1}) rather than holding the card's answer back.
 */
final class StateSize {

    static final long UNKNOWN = -1;
    private static final Duration WAIT = Duration.ofSeconds(1);

    private StateSize() {
    }

    static CompletableFuture<Long> of(MountedComponent component, SharedCodec codec) {
        if (!component.acceptsTasks()) {
            return CompletableFuture.completedFuture(UNKNOWN);
        }
        CompletableFuture<Long> size = new CompletableFuture<>();
        component.tasks().submit(ExecutionModel.EVENT_LOOP, scope -> {
            try {
                size.complete(StateJson.objectLength(StateJson.of(component, codec)));
            } catch (RuntimeException e) {
                size.complete(UNKNOWN);
            }
            return CompletableFuture.completedFuture(null);
        });
        return size.completeOnTimeout(UNKNOWN, WAIT.toMillis(), TimeUnit.MILLISECONDS);
    }
}
