package io.quarkiverse.live.runtime.http;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

import jakarta.inject.Singleton;

import io.quarkiverse.live.runtime.LiveBuildTimeConfig;
import io.quarkiverse.live.runtime.component.MountedComponent;
import io.quarkiverse.live.runtime.render.ComponentRenderer;
import io.quarkus.arc.Arc;
import io.quarkus.arc.InjectableContext.ContextState;
import io.quarkus.arc.ManagedContext;
import io.quarkus.qute.Engine;
import io.quarkus.qute.RawString;
import io.quarkus.qute.Template;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;

/**
 * Serves a component annotated {@code @Live(path = ...)} as a page: the component's first paint inside the
 * application's layout template ({@code quarkus.live.layout}), or inside a minimal HTML document when there is none.
 * A browser sent back to the page after posting one of its forms without JavaScript sees the component it posted to.
 */
@Singleton
public class LivePages {

    private final ComponentRenderer renderer;
    private final BrowserBinding browsers;
    private final RuntimeScript script;
    private final Engine engine;
    private final String layoutId;

    LivePages(ComponentRenderer renderer, RuntimeScript script, Engine engine, LiveBuildTimeConfig config,
            BrowserBinding browsers) {
        this.browsers = browsers;
        this.renderer = renderer;
        this.script = script;
        this.engine = engine;
        this.layoutId = config.layout();
    }

    /**
     * Mounts the component for the requesting browser and renders the page, in a CDI request context of its own (as a
     * REST resource would have), so the component's first render sees the same {@code @RequestScoped} beans its
     * handlers later do, and {@code {#live}} sections in the layout know the request.
     */
    public CompletionStage<String> render(String componentName, RoutingContext request) {
        return inRequestContext(request, () -> renderer.pagePaint(componentName, browsers.browserOf(request),
                () -> CompletableFuture.completedFuture(Map.of()))
                .thenCompose(content -> wrap(componentName, content + script.tag())));
    }

    /**
     * Mounts a page's component again for a form posted without JavaScript to one that is gone (the page was left open
     * past {@code quarkus.live.join-timeout} or {@code quarkus.live.reconnect-grace}), as a load of the page would:
     * the post then runs on it, so what the user sent is not lost. Its first paint is rendered, as a page's is; the
     * browser is sent back to the page, which shows it.
     */
    public CompletionStage<MountedComponent> mountForPost(String componentName, RoutingContext post, String browser) {
        return inRequestContext(post, () -> {
            MountedComponent component = renderer.mount(componentName, null, browser, Map.of());
            return renderer.firstPaint(component).thenApply(html -> component);
        });
    }

    private static <T> CompletionStage<T> inRequestContext(RoutingContext request,
            Supplier<CompletionStage<T>> work) {
        ManagedContext requestContext = Arc.container().requestContext();
        requestContext.activate();
        ContextState state = requestContext.getState();
        CompletionStage<T> result;
        try {
            Arc.container().instance(CurrentVertxRequest.class).get().setCurrent(request);
            result = work.get();
        } catch (RuntimeException e) {
            result = CompletableFuture.failedFuture(e);
        } finally {
            requestContext.deactivate();
        }
        return result.whenComplete((done, failure) -> {
            requestContext.activate(state);
            requestContext.terminate();
        });
    }

    private CompletionStage<String> wrap(String title, String content) {
        Template layout = engine.getTemplate(layoutId);
        if (layout == null) {
            return CompletableFuture.completedFuture("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n"
                    + "<meta charset=\"UTF-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                    // a component name is a Java identifier: nothing to escape
                    + "<title>" + title + "</title>\n</head>\n<body>\n"
                    + content + "\n</body>\n</html>\n");
        }
        return layout.instance().data("title", title).data("content", new RawString(content)).renderAsync();
    }
}
