package io.quarkiverse.live.deployment;

import org.jboss.jandex.AnnotationTransformation;

import io.quarkiverse.live.runtime.component.ComponentIds;
import io.quarkiverse.live.runtime.component.ComponentRegistry;
import io.quarkiverse.live.runtime.component.LiveComponents;
import io.quarkiverse.live.runtime.dev.LiveReloadScan;
import io.quarkiverse.live.runtime.dev.RestartRestore;
import io.quarkiverse.live.runtime.dev.RestartSnapshot;
import io.quarkiverse.live.runtime.dev.TemplateEdits;
import io.quarkiverse.live.runtime.dispatch.ArgumentBinder;
import io.quarkiverse.live.runtime.dispatch.ConversionMessages;
import io.quarkiverse.live.runtime.dispatch.Dispatcher;
import io.quarkiverse.live.runtime.dispatch.DryRun;
import io.quarkiverse.live.runtime.dispatch.DryRunnable;
import io.quarkiverse.live.runtime.dispatch.LiveConnectionProducer;
import io.quarkiverse.live.runtime.dispatch.LiveLocaleResolver;
import io.quarkiverse.live.runtime.dispatch.Pusher;
import io.quarkiverse.live.runtime.http.BrowserBinding;
import io.quarkiverse.live.runtime.http.LivePages;
import io.quarkiverse.live.runtime.render.ComponentRenderer;
import io.quarkiverse.live.runtime.render.LiveEngineSetup;
import io.quarkiverse.live.runtime.render.LiveSectionHelperFactory;
import io.quarkiverse.live.runtime.shared.MountClaims;
import io.quarkiverse.live.runtime.shared.PresenceProducer;
import io.quarkiverse.live.runtime.shared.PresenceTracker;
import io.quarkiverse.live.runtime.shared.SharedCodec;
import io.quarkiverse.live.runtime.shared.SharedStateEngine;
import io.quarkiverse.live.runtime.shared.VertxSharedStore;
import io.quarkiverse.live.runtime.transport.Connections;
import io.quarkiverse.live.runtime.transport.OriginPolicy;
import io.quarkus.arc.deployment.AdditionalBeanBuildItem;
import io.quarkus.arc.deployment.AnnotationsTransformerBuildItem;
import io.quarkus.arc.deployment.BeanDefiningAnnotationBuildItem;
import io.quarkus.arc.processor.BuiltinScope;
import io.quarkus.deployment.annotations.BuildProducer;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.deployment.builditem.FeatureBuildItem;
import io.quarkus.deployment.builditem.LaunchModeBuildItem;
import io.quarkus.deployment.builditem.RunTimeConfigurationDefaultBuildItem;
import io.quarkus.deployment.execannotations.ExecutionModelAnnotationsAllowedBuildItem;
import io.quarkus.runtime.LaunchMode;

/**
 * The extension's CDI wiring: its own beans, and {@code @Live} as a bean-defining annotation so every component is a
 * {@code @Dependent} bean, created per mount.
 */
public class LiveProcessor {

    static final String FEATURE = "live";

    @BuildStep
    FeatureBuildItem feature() {
        return new FeatureBuildItem(FEATURE);
    }

    @BuildStep
    AdditionalBeanBuildItem runtimeBeans() {
        // LiveSectionHelperFactory is no bean, but Qute finds @EngineConfiguration classes in the bean archive index
        return AdditionalBeanBuildItem.builder()
                .addBeanClasses(LiveComponents.class, ComponentIds.class, ComponentRenderer.class, ComponentRegistry.class,
                        LivePages.class, LiveEngineSetup.class, Dispatcher.class, OriginPolicy.class, Connections.class,
                        BrowserBinding.class,
                        ArgumentBinder.class, ConversionMessages.class, LiveLocaleResolver.class, DryRunnable.class, DryRun.class,
                        LiveSectionHelperFactory.class, Pusher.class, LiveConnectionProducer.class,
                        VertxSharedStore.class, SharedCodec.class, SharedStateEngine.class, PresenceTracker.class, MountClaims.class,
                        PresenceProducer.class, LiveReloadScan.class, TemplateEdits.class, RestartSnapshot.class,
                        RestartRestore.class)
                .setUnremovable()
                .build();
    }

    /**
     * The HTTP server's WebSocket options, which websockets-next's settings set for every WebSocket of the application,
     * the live one included: frame and message limits follow {@code quarkus.live.max-message-size}, so a longer message
     * is refused as it arrives (close 1009) instead of being buffered, up to megabytes, until its last fragment comes.
     * Per-message compression is off: it keeps a compression context per connection (memory on every open page) and
     * compresses secrets of the page together with text the user typed, the setting of compression side-channel
     * attacks. All stay overridable. In dev mode the server pings every second ({@code quarkus.live.ping-interval}):
     * each answer may start a scan for changed sources ({@code LiveReloadScan}).
     */
    @BuildStep
    void webSocketDefaults(LaunchModeBuildItem launchMode,
            BuildProducer<RunTimeConfigurationDefaultBuildItem> defaults) {
        String maxMessageSize = "${quarkus.live.max-message-size:65536}";
        defaults.produce(new RunTimeConfigurationDefaultBuildItem("quarkus.websockets-next.server.max-message-size",
                maxMessageSize));
        defaults.produce(new RunTimeConfigurationDefaultBuildItem("quarkus.websockets-next.server.max-frame-size",
                maxMessageSize));
        if (launchMode.getLaunchMode() == LaunchMode.DEVELOPMENT) {
            defaults.produce(new RunTimeConfigurationDefaultBuildItem("quarkus.live.ping-interval", "1s"));
        }
        defaults.produce(new RunTimeConfigurationDefaultBuildItem(
                "quarkus.websockets-next.server.per-message-compression-supported", "false"));
    }

    /**
     * Lets handlers and lifecycle methods carry {@code @Blocking}, {@code @NonBlocking} and {@code @RunOnVirtualThread}
     * (Quarkus refuses them on methods no extension claims); {@link ExecutionModels} reads them.
     */
    @BuildStep
    ExecutionModelAnnotationsAllowedBuildItem executionModelAnnotationsOnComponents() {
        return new ExecutionModelAnnotationsAllowedBuildItem(
                method -> method.declaringClass().hasDeclaredAnnotation(LiveDotNames.LIVE));
    }

    /**
     * Handlers whose parameters carry annotations get {@link DryRunnable}: a call whose values did not all convert can
     * then still have the others validated, without running the handler.
     */
    @BuildStep
    AnnotationsTransformerBuildItem dryRunnableHandlers() {
        return new AnnotationsTransformerBuildItem(AnnotationTransformation.forMethods()
                .whenMethod(Handlers::isDryRunnable)
                .transform(context -> context.add(DryRunnable.class)));
    }

    @BuildStep
    BeanDefiningAnnotationBuildItem componentsAreBeans() {
        return new BeanDefiningAnnotationBuildItem(LiveDotNames.LIVE, BuiltinScope.DEPENDENT.getName());
    }
}
