package io.quarkiverse.live.deployment;

import java.util.List;

import org.jboss.jandex.MethodInfo;
import org.jboss.jandex.Type;

import io.quarkus.deployment.annotations.BuildProducer;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.deployment.builditem.nativeimage.NativeImageResourceBundleBuildItem;
import io.quarkus.deployment.builditem.nativeimage.ReflectiveHierarchyBuildItem;

/**
 * What a native executable needs beyond the generated code: the bundle of conversion messages, and Jackson creates the records, POJOs and enums that handler
 * parameters declare, so their hierarchies are registered for reflection. Only declared parameter types are: the
 * client never names a class.
 */
public class NativeProcessor {

    /** The messages of values that do not convert, in every language the extension has them in. */
    @BuildStep
    NativeImageResourceBundleBuildItem conversionMessages() {
        return new NativeImageResourceBundleBuildItem("io.quarkiverse.live.runtime.dispatch.ConversionMessages");
    }

    @BuildStep
    void registerHandlerParameterTypes(List<LiveComponentBuildItem> components,
            BuildProducer<ReflectiveHierarchyBuildItem> reflective) {
        for (LiveComponentBuildItem component : components) {
            for (MethodInfo handler : component.handlers()) {
                for (Type type : handler.parameterTypes()) {
                    // An UploadedFile is the extension's own, made by its deserializer
                    if (type.kind() != Type.Kind.PRIMITIVE && !Handlers.isUpload(type)) {
                        reflective.produce(ReflectiveHierarchyBuildItem.builder(type)
                                .source(component.componentClass().name() + "." + handler.name())
                                .build());
                    }
                }
            }
        }
    }
}
