package io.quarkiverse.live.runtime;

import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;

import io.quarkiverse.live.runtime.component.PageRequestKeepers;
import io.quarkiverse.live.runtime.dev.TemplateFiles;
import io.quarkiverse.live.runtime.http.PageComponents;
import io.quarkiverse.live.runtime.http.PageRoute;
import io.quarkiverse.live.runtime.http.RuntimeScript;
import io.quarkiverse.live.runtime.protocol.ServerBuild;
import io.quarkiverse.live.runtime.transport.form.FormPostRoute;
import io.quarkiverse.live.runtime.transport.http.MessagePostRoute;
import io.quarkiverse.live.runtime.transport.poll.LongPollRoute;
import io.quarkiverse.live.runtime.transport.sse.SseStreamRoute;
import io.quarkiverse.live.runtime.transport.ws.WebSocketRoute;
import io.quarkiverse.live.runtime.upload.UploadRoute;
import io.quarkus.arc.Arc;
import io.quarkus.runtime.annotations.Recorder;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.SecurityPolicyHandler;

@Recorder
public class LiveRecorder {

    /**
     * The bean that renders the runtime's script tag, for the URL the build chose, and in dev mode the dev-mode
     * script's ({@code devUrl} {@code null} otherwise).
     */
    public Supplier<RuntimeScript> runtimeScript(String url, String devUrl, String uploadUrl) {
        return () -> new RuntimeScript(url, devUrl, uploadUrl);
    }

    /** The methods of the upload route: the announcement's body is read whole, chunks are streamed to their file. */
    public Consumer<Route> uploadRoute() {
        return route -> {
            UploadRoute upload = Arc.container().instance(UploadRoute.class).get();
            route.handler(context -> {
                if (context.request().method() == HttpMethod.POST) {
                    upload.announcementBody().handle(context);
                } else {
                    context.next();
                }
            });
        };
    }

    /** The handler of uploads. */
    public Handler<RoutingContext> upload() {
        return context -> Arc.container().instance(UploadRoute.class).get().handle(context);
    }

    /** The bean that knows where the sources of component templates lie, for dev mode's {@code TemplateEdits}. */
    public Supplier<TemplateFiles> templateFiles(Map<String, String> byTemplateId) {
        return () -> new TemplateFiles(byTemplateId);
    }

    /** The bean that names the components served as pages. */
    public Supplier<PageComponents> pageComponents(Set<String> names) {
        return () -> new PageComponents(names);
    }

    /** The bean that names this build of the application to reconnecting browsers. */
    public Supplier<ServerBuild> serverBuild(String id) {
        return () -> new ServerBuild(id);
    }

    /** The bean that names the components whose mounts keep a copy of the page request. */
    public Supplier<PageRequestKeepers> pageRequestKeepers(Set<String> components) {
        return () -> new PageRequestKeepers(components);
    }

    /** The handler of {@code GET <root>/ws}: the WebSocket carrier. */
    public Handler<RoutingContext> webSocket() {
        return context -> Arc.container().instance(WebSocketRoute.class).get().handle(context);
    }

    /** The handler of a page route: the component mounted inside the layout, as a complete HTML document. */
    public Handler<RoutingContext> pageHandler(String componentName) {
        return new Handler<>() {
            private volatile PageRoute route;

            @Override
            public void handle(RoutingContext context) {
                if (route == null) {
                    route = Arc.container().instance(PageRoute.class).get();
                }
                route.handle(componentName, context);
            }
        };
    }

    /** {@code GET} only: the routes that open a connection of an HTTP carrier, and the polls. */
    public Consumer<Route> getOnly() {
        return route -> route.method(HttpMethod.GET);
    }

    /** The handler of {@code GET <root>/sse}: the Server-Sent Events stream. */
    public Handler<RoutingContext> sseStream() {
        return context -> Arc.container().instance(SseStreamRoute.class).get().handle(context);
    }

    /** The handler of {@code GET <root>/poll}: opens a long-polling connection. */
    public Handler<RoutingContext> pollOpen() {
        return context -> Arc.container().instance(LongPollRoute.class).get().open(context);
    }

    /** The handler of {@code GET <root>/poll/:id}: one long poll. */
    public Handler<RoutingContext> poll() {
        return context -> Arc.container().instance(LongPollRoute.class).get().poll(context);
    }

    /**
     * {@code POST <root>/sse/:id} and {@code POST <root>/poll/:id} only, and the handlers that come before the
     * message's: the checks that need no body, then the body, read up to the message size limit.
     */
    public Consumer<Route> messagePostRoute() {
        return route -> {
            MessagePostRoute post = Arc.container().instance(MessagePostRoute.class).get();
            // A security policy handler: Vert.x Web lets only those (and platform handlers) come before a body handler
            route.method(HttpMethod.POST).handler((SecurityPolicyHandler) post::admit).handler(post.bodyHandler());
        };
    }

    /** The handler of a message POSTed to a connection of an HTTP carrier. */
    public Handler<RoutingContext> messagePost() {
        return context -> Arc.container().instance(MessagePostRoute.class).get().receive(context);
    }

    /**
     * {@code POST <root>/form/:component/:token} only, and the handlers that come before the form's: the checks that need no body,
     * then the body, read up to the message size limit.
     */
    public Consumer<Route> formPostRoute() {
        return route -> {
            FormPostRoute post = Arc.container().instance(FormPostRoute.class).get();
            route.method(HttpMethod.POST).handler((SecurityPolicyHandler) post::admit).handler(post.bodyHandler());
        };
    }

    /** The handler of a form posted without JavaScript. */
    public Handler<RoutingContext> formPost() {
        return context -> Arc.container().instance(FormPostRoute.class).get().handle(context);
    }
}
