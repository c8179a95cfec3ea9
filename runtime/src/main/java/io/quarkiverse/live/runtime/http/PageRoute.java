package io.quarkiverse.live.runtime.http;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import jakarta.inject.Singleton;

import io.quarkiverse.live.runtime.transport.Connections;
import io.vertx.ext.web.RoutingContext;

/**
 * The route of a component served as a page ({@code @Live(path = ...)}). It runs on the event loop only to take the
 * client address's turn ({@link PageRenderTurns}); the page is rendered on a worker thread, since rendering is CPU work
 * and a first paint may read what blocks (a database), while the event loops carry every live connection.
 */
@Singleton
public class PageRoute {

    private final LivePages pages;
    private final PageRenderTurns turns;

    PageRoute(LivePages pages, PageRenderTurns turns) {
        this.pages = pages;
        this.turns = turns;
    }

    public void handle(String componentName, RoutingContext context) {
        if (!turns.take(Connections.addressOf(context.request()), () -> render(componentName, context))) {
            context.response().setStatusCode(503).putHeader("Retry-After", "1")
                    .putHeader("Content-Type", "text/plain;charset=UTF-8")
                    .end("Too many pages are loading for your address at once; try again in a moment.");
        }
    }

    private CompletionStage<?> render(String componentName, RoutingContext context) {
        if (context.response().closed()) {
            // Left while it waited for its turn: nothing to mount for nobody
            return CompletableFuture.completedFuture(null);
        }
        return context.vertx().executeBlocking(() -> pages.render(componentName, context), false)
                .toCompletionStage().thenCompose(html -> html).whenComplete((html, failure) -> {
                    if (failure != null) {
                        context.fail(failure);
                    } else {
                        context.response().putHeader("Content-Type", "text/html;charset=UTF-8").end(html);
                    }
                });
    }
}
