package io.quarkiverse.live.deployment;

import io.quarkiverse.live.runtime.ArgumentBinder;
import io.quarkiverse.live.runtime.ComponentIds;
import io.quarkiverse.live.runtime.LiveLocaleResolver;
import io.quarkiverse.live.runtime.ComponentRenderer;
import io.quarkiverse.live.runtime.LiveComponents;
import io.quarkiverse.live.runtime.LiveEngineSetup;
import io.quarkiverse.live.runtime.LiveMounts;
import io.quarkiverse.live.runtime.LivePages;
import io.quarkiverse.live.runtime.LiveProtocol;
import io.quarkiverse.live.runtime.LiveSectionHelperFactory;
import io.quarkiverse.live.runtime.SameOriginCheck;
import io.quarkus.arc.deployment.AdditionalBeanBuildItem;
import io.quarkus.arc.deployment.BeanDefiningAnnotationBuildItem;
import io.quarkus.arc.processor.BuiltinScope;
import io.quarkus.deployment.annotations.BuildProducer;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.deployment.builditem.RunTimeConfigurationDefaultBuildItem;
import io.quarkus.deployment.builditem.FeatureBuildItem;

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
                .addBeanClasses(LiveComponents.class, ComponentIds.class, ComponentRenderer.class, LiveMounts.class,
                        LivePages.class, LiveEngineSetup.class, LiveProtocol.class, SameOriginCheck.class,
                        ArgumentBinder.class, LiveLocaleResolver.class,
                        LiveSectionHelperFactory.class)
                .setUnremovable()
                .build();
    }

    /**
     * Live traffic goes over websockets-next, whose limits must sit above {@code quarkus.live.max-message-size} so an
     * oversized event gets an answer instead of a closed connection. Per-message compression is off by default:
     * it keeps a compression context per connection (memory on every open page) and compresses secrets of the page
     * together with text the user typed, the setting of compression side-channel attacks. Both stay overridable.
     */
    @BuildStep
    void webSocketDefaults(BuildProducer<RunTimeConfigurationDefaultBuildItem> defaults) {
        defaults.produce(new RunTimeConfigurationDefaultBuildItem("quarkus.websockets-next.server.max-message-size",
                "2097152"));
        defaults.produce(new RunTimeConfigurationDefaultBuildItem("quarkus.websockets-next.server.max-frame-size",
                "2097152"));
        defaults.produce(new RunTimeConfigurationDefaultBuildItem(
                "quarkus.websockets-next.server.per-message-compression-supported", "false"));
    }

    @BuildStep
    BeanDefiningAnnotationBuildItem componentsAreBeans() {
        return new BeanDefiningAnnotationBuildItem(LiveDotNames.LIVE, BuiltinScope.DEPENDENT.getName());
    }
}
