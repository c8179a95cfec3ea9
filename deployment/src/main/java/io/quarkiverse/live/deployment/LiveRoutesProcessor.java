package io.quarkiverse.live.deployment;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Singleton;

import io.quarkiverse.live.runtime.LiveBuildTimeConfig;
import io.quarkiverse.live.runtime.LiveRecorder;
import io.quarkiverse.live.runtime.http.LivePaths;
import io.quarkiverse.live.runtime.http.PageComponents;
import io.quarkiverse.live.runtime.http.PageRenderTurns;
import io.quarkiverse.live.runtime.http.PageRoute;
import io.quarkiverse.live.runtime.http.RuntimeScript;
import io.quarkiverse.live.runtime.protocol.ServerBuild;
import io.quarkiverse.live.runtime.transport.form.FormPostRoute;
import io.quarkiverse.live.runtime.transport.form.FormTokens;
import io.quarkiverse.live.runtime.transport.form.NoScriptPages;
import io.quarkiverse.live.runtime.transport.http.HttpConnectionOpener;
import io.quarkiverse.live.runtime.transport.http.HttpConnections;
import io.quarkiverse.live.runtime.transport.http.MessagePostRoute;
import io.quarkiverse.live.runtime.transport.poll.LongPollRoute;
import io.quarkiverse.live.runtime.transport.sse.SseStreamRoute;
import io.quarkiverse.live.runtime.transport.ws.WebSocketRoute;
import io.quarkiverse.live.runtime.upload.UploadRoute;
import io.quarkus.arc.deployment.AdditionalBeanBuildItem;
import io.quarkus.arc.deployment.SyntheticBeanBuildItem;
import io.quarkus.deployment.annotations.BuildProducer;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.deployment.annotations.ExecutionTime;
import io.quarkus.deployment.annotations.Record;
import io.quarkus.deployment.builditem.LaunchModeBuildItem;
import io.quarkus.deployment.builditem.LiveReloadBuildItem;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.vertx.http.deployment.HttpRootPathBuildItem;
import io.quarkus.vertx.http.deployment.spi.GeneratedStaticResourceBuildItem;
import io.quarkus.vertx.http.deployment.spi.RouteBuildItem;

/**
 * What Quarkus Live serves over HTTP: the browser runtime, one page per {@code @Live(path = ...)} component, the
 * WebSocket carrier and the fallback carriers.
 */
public class LiveRoutesProcessor {

    /** Where the runtime-js module puts the minified bundle inside its jar. */
    static final String RUNTIME_SCRIPT_RESOURCE = "META-INF/quarkus-live/runtime.js";
    /** And the dev-mode script, served only in dev mode. */
    static final String DEV_SCRIPT_RESOURCE = "META-INF/quarkus-live/dev.js";
    /** And the fallback carrier, which the runtime loads when a WebSocket does not get through. */
    static final String FALLBACK_SCRIPT_RESOURCE = "META-INF/quarkus-live/fallback.js";
    /** And the upload script, which pages load when some handler takes files. */
    static final String UPLOAD_SCRIPT_RESOURCE = "META-INF/quarkus-live/upload.js";

    /**
     * Serves the bundle at {@code <root>/runtime.js} and makes the {@link RuntimeScript} bean name it with a hash of its
     * content ({@code runtime.js?v=...}): static resources are served as cacheable, so a new bundle needs a new URL.
     * The URL also tells the runtime the carrier {@code quarkus.live.transport} asks for ({@link #carrierParameter}).
     * Unless the transport is {@code websocket}, the fallback carriers. bundle is served beside it, at
     * {@code <root>/fallback.js}, which the runtime imports, with a hash of its own, when it needs it. In dev mode the
     * dev-mode script is served too, at {@code <root>/dev.js}, and pages load it; outside dev mode it does not exist.
     */
    @BuildStep
    @Record(ExecutionTime.STATIC_INIT)
    void serveRuntimeScript(LiveBuildTimeConfig config, HttpRootPathBuildItem httpRootPath,
            LaunchModeBuildItem launchMode, LiveRecorder recorder, List<LiveComponentBuildItem> components,
            BuildProducer<GeneratedStaticResourceBuildItem> staticResources,
            BuildProducer<SyntheticBeanBuildItem> syntheticBeans) throws IOException {
        // Static resources are served under quarkus.http.root-path, so the tags name that prefix too
        String url = serve(RUNTIME_SCRIPT_RESOURCE, LivePaths.runtimeScript(config.rootPath()), httpRootPath,
                staticResources) + carrierParameter(config.transport());
        if (servesSse(config)) {
            serve(FALLBACK_SCRIPT_RESOURCE, LivePaths.fallbackScript(config.rootPath()), httpRootPath, staticResources);
        }
        String devUrl = launchMode.getLaunchMode() == LaunchMode.DEVELOPMENT
                ? serve(DEV_SCRIPT_RESOURCE, LivePaths.devScript(config.rootPath()), httpRootPath, staticResources)
                : null;
        String uploadUrl = takesUploads(components)
                ? serve(UPLOAD_SCRIPT_RESOURCE, LivePaths.uploadScript(config.rootPath()), httpRootPath, staticResources)
                : null;
        syntheticBeans.produce(SyntheticBeanBuildItem.configure(RuntimeScript.class)
                .scope(Singleton.class)
                .unremovable()
                .supplier(recorder.runtimeScript(url, devUrl, uploadUrl))
                .done());
    }

    /**
     * What the runtime's URL says of the carrier: nothing for {@code auto} (a WebSocket with the fallback),
     * {@code &t=ws} for a WebSocket only, {@code &t=sse} for Server-Sent Events from the start. The runtime reads it
     * from {@code import.meta.url}: a module script has no other way to be told something by its page.
     */
    static String carrierParameter(LiveBuildTimeConfig.Transport transport) {
        return switch (transport) {
            case AUTO -> "";
            case WEBSOCKET -> "&t=ws";
            case SSE -> "&t=sse";
            case POLLING -> "&t=poll";
        };
    }

    /** Serves a script of the runtime-js jar at {@code path}; returns the URL that names it with its content's hash. */
    private static String serve(String resource, String path, HttpRootPathBuildItem httpRootPath,
            BuildProducer<GeneratedStaticResourceBuildItem> staticResources) throws IOException {
        byte[] script;
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the classpath: the"
                        + " quarkus-live-runtime-js artifact must be a dependency of quarkus-live");
            }
            script = in.readAllBytes();
        }
        staticResources.produce(new GeneratedStaticResourceBuildItem(path, script));
        return httpRootPath.relativePath(path) + "?v=" + contentHash(script);
    }

    /**
     * Names this build, so a page that reconnects to a server of another build reloads itself. Each build gets a new
     * random id, except the restarts of one dev-mode session, which keep the first one: a page open across a restart
     * rejoins its components, which the restarted application mounts again with their state, instead of reloading.
     */
    @BuildStep
    @Record(ExecutionTime.STATIC_INIT)
    void nameTheBuild(LiveRecorder recorder, LaunchModeBuildItem launchMode, LiveReloadBuildItem liveReload,
            BuildProducer<SyntheticBeanBuildItem> syntheticBeans) {
        String id;
        if (launchMode.getLaunchMode() == LaunchMode.DEVELOPMENT) {
            DevSessionBuild session = liveReload.getContextObject(DevSessionBuild.class);
            if (session == null) {
                session = new DevSessionBuild(UUID.randomUUID().toString());
                liveReload.setContextObject(DevSessionBuild.class, session);
            }
            id = session.id();
        } else {
            id = UUID.randomUUID().toString();
        }
        syntheticBeans.produce(SyntheticBeanBuildItem.configure(ServerBuild.class)
                .scope(Singleton.class)
                .unremovable()
                .supplier(recorder.serverBuild(id))
                .done());
    }

    /** The build id of a dev-mode session, kept across its restarts. */
    record DevSessionBuild(String id) {
    }

    private static String contentHash(byte[] content) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(content);
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * {@code GET <root>/ws}, the WebSocket carrier ({@code WebSocketRoute}), a route of its own rather than a
     * websockets-next endpoint: see the route's javadoc and decisions.adoc. Its upgrade runs on the event loop, as
     * frames do.
     */
    @BuildStep
    @Record(ExecutionTime.RUNTIME_INIT)
    void registerWebSocketRoute(LiveBuildTimeConfig config, HttpRootPathBuildItem httpRootPath, LiveRecorder recorder,
            BuildProducer<RouteBuildItem> routes) {
        String path = httpRootPath.relativePath(LivePaths.webSocket(config.rootPath()));
        routes.produce(RouteBuildItem.newApplicationRoute(path)
                .withRouteCustomizer(recorder.getOnly()).withRequestHandler(recorder.webSocket()).build());
    }

    /**
     * The WebSocket carrier's bean, and websockets-next's customizer of the HTTP server's WebSocket options (frame and
     * message size, compression: {@code LiveProcessor.webSocketDefaults}), which websockets-next adds only when the
     * application has an endpoint of its own (name as of Quarkus 3.32).
     */
    @BuildStep
    AdditionalBeanBuildItem webSocketBeans() {
        return AdditionalBeanBuildItem.builder().addBeanClasses(WebSocketRoute.class.getName(),
                "io.quarkus.websockets.next.runtime.WebSocketHttpServerOptionsCustomizer").setUnremovable().build();
    }

    /** Which components are pages: a form posted without JavaScript to one that is gone mounts it again. */
    @BuildStep
    @Record(ExecutionTime.STATIC_INIT)
    void namePageComponents(List<LiveComponentBuildItem> components, LiveRecorder recorder,
            BuildProducer<SyntheticBeanBuildItem> syntheticBeans) {
        Set<String> pages = new HashSet<>();
        for (LiveComponentBuildItem component : components) {
            if (component.pagePath() != null) {
                pages.add(component.name());
            }
        }
        syntheticBeans.produce(SyntheticBeanBuildItem.configure(PageComponents.class)
                .scope(Singleton.class)
                .unremovable()
                .supplier(recorder.pageComponents(pages))
                .done());
    }

    @BuildStep
    @Record(ExecutionTime.RUNTIME_INIT)
    void registerPages(List<LiveComponentBuildItem> components, HttpRootPathBuildItem httpRootPath,
            LiveRecorder recorder, BuildProducer<RouteBuildItem> routes) {
        for (LiveComponentBuildItem component : components) {
            if (component.pagePath() != null) {
                // Under quarkus.http.root-path, like the runtime script and JAX-RS resources: RouteBuildItem serves an
                // absolute path as it is
                routes.produce(RouteBuildItem.newApplicationRoute(httpRootPath.relativePath(component.pagePath()))
                        .withRequestHandler(recorder.pageHandler(component.name()))
                        // On the event loop only to take the client address's turn: the page renders on a worker
                        .displayOnNotFoundPage("Live component " + component.name())
                        .build());
            }
        }
    }

    /**
     * The HTTP carriers, unless {@code quarkus.live.transport=websocket}: {@code GET <root>/sse} opens a Server-Sent
     * Events stream, {@code GET <root>/poll} a long-polling connection, {@code GET <root>/poll/<id>} is one poll, and
     * {@code POST <root>/sse/<id>} or {@code POST <root>/poll/<id>} sends a connection a message. All run on the event
     * loop, as WebSocket frames do: they only frame messages for the dispatcher.
     */
    @BuildStep
    @Record(ExecutionTime.RUNTIME_INIT)
    void registerHttpCarrierRoutes(LiveBuildTimeConfig config, HttpRootPathBuildItem httpRootPath,
            LiveRecorder recorder, BuildProducer<RouteBuildItem> routes) {
        if (!servesSse(config)) {
            return;
        }
        String stream = httpRootPath.relativePath(LivePaths.sse(config.rootPath()));
        String poll = httpRootPath.relativePath(LivePaths.poll(config.rootPath()));
        routes.produce(RouteBuildItem.newApplicationRoute(stream)
                .withRouteCustomizer(recorder.getOnly()).withRequestHandler(recorder.sseStream()).build());
        routes.produce(RouteBuildItem.newApplicationRoute(poll)
                .withRouteCustomizer(recorder.getOnly()).withRequestHandler(recorder.pollOpen()).build());
        routes.produce(RouteBuildItem.newApplicationRoute(poll + "/:id")
                .withRouteCustomizer(recorder.getOnly()).withRequestHandler(recorder.poll()).build());
        for (String carrier : new String[] { stream, poll }) {
            routes.produce(RouteBuildItem.newApplicationRoute(carrier + "/:id")
                    .withRouteCustomizer(recorder.messagePostRoute()).withRequestHandler(recorder.messagePost())
                    .build());
        }
    }

    /**
     * Forms and buttons posted without JavaScript, whatever the transport:
     * {@code POST <root>/form/<component name>/<id>.<token>}. On the event loop, as the other carriers: the handler
     * runs where the component's handlers run.
     */
    @BuildStep
    @Record(ExecutionTime.RUNTIME_INIT)
    void registerFormRoute(LiveBuildTimeConfig config, HttpRootPathBuildItem httpRootPath, LiveRecorder recorder,
            BuildProducer<RouteBuildItem> routes) {
        routes.produce(RouteBuildItem.newApplicationRoute(httpRootPath.relativePath(LivePaths.form(config.rootPath()))
                + "/:component/:token").withRouteCustomizer(recorder.formPostRoute())
                .withRequestHandler(recorder.formPost()).build());
    }

    /**
     * Files for {@code UploadedFile} parameters, when a handler takes some: {@code POST <root>/upload/<id>.<token>}
     * announces them, {@code PUT} and {@code DELETE <root>/upload/<upload id>} send a chunk and cancel. On the event
     * loop: chunks are streamed to their files, never held in memory.
     */
    @BuildStep
    @Record(ExecutionTime.RUNTIME_INIT)
    void registerUploadRoute(LiveBuildTimeConfig config, HttpRootPathBuildItem httpRootPath, LiveRecorder recorder,
            List<LiveComponentBuildItem> components, BuildProducer<RouteBuildItem> routes,
            BuildProducer<AdditionalBeanBuildItem> beans) {
        if (!takesUploads(components)) {
            return;
        }
        beans.produce(AdditionalBeanBuildItem.unremovableOf(UploadRoute.class));
        routes.produce(RouteBuildItem.newApplicationRoute(httpRootPath.relativePath(LivePaths.upload(config.rootPath()))
                + "/:target").withRouteCustomizer(recorder.uploadRoute()).withRequestHandler(recorder.upload())
                .build());
    }

    private static boolean takesUploads(List<LiveComponentBuildItem> components) {
        return components.stream().flatMap(component -> component.handlers().stream())
                .anyMatch(handler -> handler.parameterTypes().stream().anyMatch(Handlers::isUpload));
    }

    /** The beans that serve components as pages. */
    @BuildStep
    AdditionalBeanBuildItem pageBeans() {
        return AdditionalBeanBuildItem.builder()
                .addBeanClasses(PageRoute.class, PageRenderTurns.class).setUnremovable().build();
    }

    /** The beans of the no-JavaScript path. */
    @BuildStep
    AdditionalBeanBuildItem formBeans() {
        return AdditionalBeanBuildItem.builder()
                .addBeanClasses(FormTokens.class, FormPostRoute.class, NoScriptPages.class).setUnremovable().build();
    }

    /** The beans of the HTTP carriers, when they are served. */
    @BuildStep
    void httpCarrierBeans(LiveBuildTimeConfig config, BuildProducer<AdditionalBeanBuildItem> beans) {
        if (servesSse(config)) {
            beans.produce(AdditionalBeanBuildItem.builder()
                    .addBeanClasses(HttpConnections.class, HttpConnectionOpener.class, MessagePostRoute.class,
                            SseStreamRoute.class, LongPollRoute.class)
                    .setUnremovable().build());
        }
    }

    private static boolean servesSse(LiveBuildTimeConfig config) {
        return config.transport() != LiveBuildTimeConfig.Transport.WEBSOCKET;
    }
}
