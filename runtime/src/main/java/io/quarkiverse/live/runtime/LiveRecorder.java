package io.quarkiverse.live.runtime;

import java.util.Set;
import java.util.function.Supplier;

import io.quarkiverse.live.runtime.component.PageRequestKeepers;
import io.quarkiverse.live.runtime.http.LivePages;
import io.quarkiverse.live.runtime.http.RuntimeScript;
import io.quarkiverse.live.runtime.protocol.ServerBuild;
import io.quarkiverse.live.runtime.transport.ws.WebSocketTelemetry;
import io.quarkus.arc.Arc;
import io.quarkus.runtime.annotations.Recorder;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

@Recorder
public class LiveRecorder {

    /**
     * The bean that renders the runtime's script tag, for the URL the build chose, and in dev mode the dev-mode
     * script's ({@code devUrl} {@code null} otherwise).
     */
    public Supplier<RuntimeScript> runtimeScript(String url, String devUrl) {
        return () -> new RuntimeScript(url, devUrl);
    }

    /** The bean that names this build of the application to reconnecting browsers. */
    public Supplier<ServerBuild> serverBuild(String id) {
        return () -> new ServerBuild(id);
    }

    /** The bean that names the components whose mounts keep a copy of the page request. */
    public Supplier<PageRequestKeepers> pageRequestKeepers(Set<String> components) {
        return () -> new PageRequestKeepers(components);
    }

    /** The bean that says whether websockets-next counts or traces the messages it sends. */
    public Supplier<WebSocketTelemetry> webSocketTelemetry(boolean present) {
        return () -> new WebSocketTelemetry(present);
    }

    /** The handler of a page route: the component mounted inside the layout, as a complete HTML document. */
    public Handler<RoutingContext> pageHandler(String componentName) {
        return new Handler<>() {
            private volatile LivePages pages;

            @Override
            public void handle(RoutingContext context) {
                if (pages == null) {
                    pages = Arc.container().instance(LivePages.class).get();
                }
                try {
                    pages.render(componentName, context).whenComplete((html, failure) -> {
                        if (failure != null) {
                            context.fail(failure);
                        } else {
                            context.response().putHeader("Content-Type", "text/html;charset=UTF-8").end(html);
                        }
                    });
                } catch (RuntimeException e) {
                    context.fail(e);
                }
            }
        };
    }
}
