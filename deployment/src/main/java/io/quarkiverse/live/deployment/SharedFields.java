package io.quarkiverse.live.deployment;

import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jboss.jandex.AnnotationInstance;
import org.jboss.jandex.AnnotationTarget;
import org.jboss.jandex.AnnotationValue;
import org.jboss.jandex.FieldInfo;
import org.jboss.jandex.Type;

import io.quarkus.arc.deployment.ValidationPhaseBuildItem.ValidationErrorBuildItem;
import io.quarkus.deployment.annotations.BuildProducer;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.deployment.builditem.CombinedIndexBuildItem;
import io.quarkus.deployment.builditem.nativeimage.ReflectiveHierarchyBuildItem;

/**
 * The rules of {@code @Shared} fields: where they may be, what key each has, and that every field of one key holds
 * the same type (the value travels as JSON and each field reads it back as its own type).
 */
public class SharedFields {

    /**
     * The key of a state field annotated {@code @Shared} ({@code SimpleClassName.field} unless named), or {@code null}
     * for a field that is not.
     */
    static String key(FieldInfo field) {
        AnnotationInstance shared = field.annotation(LiveDotNames.SHARED);
        if (shared == null) {
            return null;
        }
        AnnotationValue value = shared.value();
        return value == null || value.asString().isBlank() ? field.declaringClass().simpleName() + "." + field.name()
                : value.asString().strip();
    }

    /**
     * Fails the build when {@code @Shared} sits anywhere but on an instance field of a {@code @Live} class, on a final
     * field, when one component declares a key twice, or when the fields of one key declare different types.
     */
    @BuildStep
    void checkSharedKeys(CombinedIndexBuildItem index, List<LiveComponentBuildItem> components,
            BuildProducer<ValidationErrorBuildItem> errors) {
        List<String> problems = new ArrayList<>();
        for (AnnotationInstance shared : index.getIndex().getAnnotations(LiveDotNames.SHARED)) {
            if (shared.target().kind() != AnnotationTarget.Kind.FIELD) {
                continue;
            }
            FieldInfo field = shared.target().asField();
            if (!field.declaringClass().hasDeclaredAnnotation(LiveDotNames.LIVE) || Modifier.isStatic(field.flags())) {
                problems.add("@Shared field " + field.declaringClass().name() + "." + field.name() + " must be an"
                        + " instance field of a @Live component; elsewhere inject SharedState to read shared values");
            }
        }
        Map<String, String> typeOfKey = new LinkedHashMap<>();
        Map<String, String> firstField = new LinkedHashMap<>();
        // In name order, so the same build always names the same two fields
        for (LiveComponentBuildItem component : components.stream()
                .sorted(Comparator.comparing(LiveComponentBuildItem::name)).toList()) {
            Map<String, String> keysHere = new LinkedHashMap<>();
            for (FieldInfo field : component.stateFields()) {
                String key = component.sharedKey(field);
                if (key == null) {
                    continue;
                }
                String name = component.name() + "." + field.name();
                if (Modifier.isFinal(field.flags())) {
                    problems.add("@Shared field " + name + " must not be final: when another user changes the shared"
                            + " value, Quarkus Live puts the new value in the field");
                }
                String other = keysHere.putIfAbsent(key, name);
                if (other != null) {
                    problems.add("@Shared fields " + other + " and " + name + " have the same key '" + key
                            + "'; one field per key in a component");
                }
                String type = Handlers.canonicalName(field.type());
                String known = typeOfKey.putIfAbsent(key, type);
                if (known != null && !known.equals(type)) {
                    problems.add("@Shared fields " + firstField.get(key) + " (" + known + ") and " + name + " (" + type
                            + ") share the key '" + key + "' but not the type; declare the same type in both");
                }
                firstField.putIfAbsent(key, name);
            }
        }
        if (!problems.isEmpty()) {
            errors.produce(new ValidationErrorBuildItem(new LiveBuildException(problems)));
        }
    }

    /** Jackson writes and reads shared values: a native executable needs their classes registered. */
    @BuildStep
    void registerSharedTypes(List<LiveComponentBuildItem> components,
            BuildProducer<ReflectiveHierarchyBuildItem> reflective) {
        for (LiveComponentBuildItem component : components) {
            for (FieldInfo field : component.stateFields()) {
                if (component.sharedKey(field) != null && field.type().kind() != Type.Kind.PRIMITIVE) {
                    reflective.produce(ReflectiveHierarchyBuildItem.builder(field.type())
                            .source(component.name() + "." + field.name()).build());
                }
            }
        }
    }
}
