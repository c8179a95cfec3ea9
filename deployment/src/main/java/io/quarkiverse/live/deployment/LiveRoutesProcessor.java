package io.quarkiverse.live.deployment;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import org.objectweb.asm.Opcodes;

import io.quarkiverse.live.runtime.LiveBuildTimeConfig;
import io.quarkiverse.live.runtime.LivePaths;
import io.quarkiverse.live.runtime.LiveRecorder;
import io.quarkiverse.live.runtime.LiveSocket;
import io.quarkus.arc.deployment.GeneratedBeanBuildItem;
import io.quarkus.arc.deployment.GeneratedBeanGizmoAdaptor;
import io.quarkus.arc.deployment.AdditionalBeanBuildItem;
import io.quarkus.deployment.annotations.BuildProducer;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.deployment.annotations.ExecutionTime;
import io.quarkus.deployment.annotations.Record;
import io.quarkus.gizmo.ClassCreator;
import io.quarkus.gizmo.MethodCreator;
import io.quarkus.gizmo.MethodDescriptor;
import io.quarkus.vertx.http.deployment.spi.GeneratedStaticResourceBuildItem;
import io.quarkus.vertx.http.deployment.spi.RouteBuildItem;
import io.quarkus.websockets.next.WebSocket;

/**
 * What Quarkus Live serves over HTTP: the browser runtime, one page per {@code @Live(path = ...)} component, and the
 * WebSocket endpoint.
 */
public class LiveRoutesProcessor {

    /** Where the runtime-js module puts the minified bundle inside its jar. */
    static final String RUNTIME_SCRIPT_RESOURCE = "META-INF/quarkus-live/runtime.js";
    static final String SOCKET_ENDPOINT = "io.quarkiverse.live.generated.LiveSocketEndpoint";

    @BuildStep
    GeneratedStaticResourceBuildItem serveRuntimeScript(LiveBuildTimeConfig config) throws IOException {
        try (InputStream in = Thread.currentThread().getContextClassLoader()
                .getResourceAsStream(RUNTIME_SCRIPT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RUNTIME_SCRIPT_RESOURCE + " is missing from the classpath: the"
                        + " quarkus-live-runtime-js artifact must be a dependency of quarkus-live");
            }
            return new GeneratedStaticResourceBuildItem(LivePaths.runtimeScript(config.rootPath()), in.readAllBytes());
        }
    }

    /**
     * The WebSocket endpoint, generated because {@code @WebSocket(path)} must be a literal while the path comes from
     * configuration:
     *
     * <pre>
     * &#64;WebSocket(path = "/_live/ws")
     * public class LiveSocketEndpoint extends LiveSocket {
     * }
     * </pre>
     */
    @BuildStep
    void generateSocketEndpoint(LiveBuildTimeConfig config, BuildProducer<GeneratedBeanBuildItem> generatedBeans,
            BuildProducer<AdditionalBeanBuildItem> additionalBeans) {
        // websockets-next adds its server beans only when the application index has a @WebSocket class, and a generated
        // endpoint is not in that index: add them here (names as of Quarkus 3.32)
        additionalBeans.produce(AdditionalBeanBuildItem.builder()
                .addBeanClasses("io.quarkus.websockets.next.runtime.ConnectionManager",
                        "io.quarkus.websockets.next.runtime.WebSocketHttpServerOptionsCustomizer")
                .setUnremovable().build());
        try (ClassCreator endpoint = ClassCreator.builder().classOutput(new GeneratedBeanGizmoAdaptor(generatedBeans))
                .className(SOCKET_ENDPOINT).superClass(LiveSocket.class).build()) {
            endpoint.addAnnotation(WebSocket.class).addValue("path", LivePaths.webSocket(config.rootPath()));
            MethodCreator ctor = endpoint.getMethodCreator("<init>", void.class);
            ctor.setModifiers(Opcodes.ACC_PUBLIC);
            ctor.invokeSpecialMethod(MethodDescriptor.ofConstructor(LiveSocket.class), ctor.getThis());
            ctor.returnValue(null);
        }
    }

    @BuildStep
    @Record(ExecutionTime.RUNTIME_INIT)
    void registerPages(List<LiveComponentBuildItem> components, LiveRecorder recorder,
            BuildProducer<RouteBuildItem> routes) {
        for (LiveComponentBuildItem component : components) {
            if (component.pagePath() != null) {
                routes.produce(RouteBuildItem.newApplicationRoute(component.pagePath())
                        .withRequestHandler(recorder.pageHandler(component.name()))
                        .displayOnNotFoundPage("Live component " + component.name())
                        .build());
            }
        }
    }
}
