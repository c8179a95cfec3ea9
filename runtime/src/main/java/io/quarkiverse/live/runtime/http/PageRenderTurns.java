package io.quarkiverse.live.runtime.http;

import java.util.ArrayDeque;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import jakarta.inject.Singleton;

import io.quarkiverse.live.runtime.LiveRuntimeConfig;

/**
 * Takes turns among client addresses for the rendering of pages: one address has at most
 * {@code quarkus.live.max-page-renders-per-address} pages rendering at once, and its further page loads wait, in the
 * order they came and without holding a thread, for one of them to end. A client that floods page loads gets its own
 * pages later; it cannot take every worker thread and core, which the other clients' pages and the event loops that
 * carry every live connection need. Past {@code max-waiting-page-loads-per-address} waiting, a load is refused.
 * <p>
 * A rate limit would refuse honest browsers behind one address (a company's NAT) as soon as they are many; turns only
 * make them wait while that address already has its share rendering, which is when the server is busy with it.
 */
@Singleton
public class PageRenderTurns {

    private final Map<String, Line> lines = new ConcurrentHashMap<>();
    private final int rendering;
    private final int waiting;

    PageRenderTurns(LiveRuntimeConfig config) {
        this.rendering = config.maxPageRendersPerAddress();
        this.waiting = config.maxWaitingPageLoadsPerAddress();
    }

    /**
     * Starts the render now when the address has a render to spare, or later when one of its renders ends; returns
     * {@code false}, without starting it, when the address already has its most loads waiting. The render's stage
     * ending, however it ends, gives the turn on; the render must not throw.
     */
    public boolean take(String address, Supplier<CompletionStage<?>> render) {
        boolean[] admitted = { true };
        boolean[] now = { false };
        lines.compute(address, (key, line) -> {
            Line taken = line != null ? line : new Line();
            if (taken.rendering < rendering) {
                taken.rendering++;
                now[0] = true;
            } else if (taken.waiting.size() < waiting) {
                taken.waiting.add(render);
            } else {
                admitted[0] = false;
            }
            return taken;
        });
        if (now[0]) {
            run(address, render);
        }
        return admitted[0];
    }

    /**
     * Runs renders of the address, one after the other while each ends at once (a load whose client left while it
     * waited), so a long line of those takes no stack; the first still under way hands the turn on when it ends.
     */
    private void run(String address, Supplier<CompletionStage<?>> first) {
        for (Supplier<CompletionStage<?>> render = first; render != null; render = next(address)) {
            CompletableFuture<?> rendered = render.get().toCompletableFuture();
            if (!rendered.isDone()) {
                rendered.whenComplete((done, failure) -> run(address, next(address)));
                return;
            }
        }
    }

    /**
     * A render of the address ended: its turn goes to the address's next waiting load, returned; {@code null} when none
     * waits, and the address has one render under way less.
     */
    private Supplier<CompletionStage<?>> next(String address) {
        @SuppressWarnings("unchecked")
        Supplier<CompletionStage<?>>[] next = new Supplier[1];
        lines.computeIfPresent(address, (key, line) -> {
            next[0] = line.waiting.poll();
            if (next[0] != null) {
                return line;
            }
            line.rendering--;
            return line.rendering == 0 ? null : line;
        });
        return next[0];
    }

    /** An address's renders under way and loads waiting; changed only inside the map's compute, one at a time. */
    private static final class Line {
        int rendering;
        final ArrayDeque<Supplier<CompletionStage<?>>> waiting = new ArrayDeque<>();
    }
}
