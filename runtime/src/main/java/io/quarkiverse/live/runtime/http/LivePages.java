package io.quarkiverse.live.runtime.http;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import jakarta.inject.Singleton;

import io.quarkiverse.live.runtime.LiveBuildTimeConfig;
import io.quarkiverse.live.runtime.component.MountedComponent;
import io.quarkiverse.live.runtime.render.ComponentRenderer;
import io.quarkiverse.live.runtime.transport.form.NoScriptPages;
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
    private final NoScriptPages noScript;

    LivePages(ComponentRenderer renderer, RuntimeScript script, Engine engine, LiveBuildTimeConfig config,
            BrowserBinding browsers, NoScriptPages noScript) {
        this.noScript = noScript;
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
        ManagedContext requestContext = Arc.container().requestContext();
        requestContext.activate();
        ContextState state = requestContext.getState();
        CompletionStage<String> page;
        try {
            Arc.container().instance(CurrentVertxRequest.class).get().setCurrent(request);
            String browser = browsers.browserOf(request);
            // Back from a form posted without JavaScript: the page shows the component the form changed
            MountedComponent posted = noScript.take(browser, componentName);
            CompletionStage<String> html = posted != null ? renderer.render(posted)
                    : renderer.firstPaint(renderer.mount(componentName, null, browser, Map.of()));
            page = html.thenCompose(content -> wrap(componentName, content + script.tag()));
        } catch (RuntimeException e) {
            page = CompletableFuture.failedFuture(e);
        } finally {
            requestContext.deactivate();
        }
        return page.whenComplete((html, failure) -> {
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
