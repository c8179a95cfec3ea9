package io.quarkiverse.live.deployment;

import java.lang.reflect.Modifier;
import java.util.Map;
import java.util.Set;

import org.jboss.jandex.AnnotationTarget;
import org.jboss.jandex.ClassInfo;
import org.jboss.jandex.IndexView;
import org.jboss.jandex.MethodInfo;
import org.jboss.jandex.Type;

/**
 * The rules of DESIGN §1 for what a client may call, in one place.
 */
final class Handlers {

    /** The parameter types client input can be converted to, by name: primitives, their boxes and String. */
    private static final Map<String, Class<?>> BINDABLE = Map.ofEntries(Map.entry("int", int.class),
            Map.entry("long", long.class), Map.entry("short", short.class), Map.entry("byte", byte.class),
            Map.entry("double", double.class), Map.entry("float", float.class), Map.entry("boolean", boolean.class),
            Map.entry("char", char.class), Map.entry("java.lang.Integer", Integer.class),
            Map.entry("java.lang.Long", Long.class), Map.entry("java.lang.Short", Short.class),
            Map.entry("java.lang.Byte", Byte.class), Map.entry("java.lang.Double", Double.class),
            Map.entry("java.lang.Float", Float.class), Map.entry("java.lang.Boolean", Boolean.class),
            Map.entry("java.lang.Character", Character.class), Map.entry("java.lang.String", String.class));

    private Handlers() {
    }

    /**
     * A handler is a non-private, non-static method declared by the component class itself, other than a lifecycle
     * method, returning {@code void}, {@code Uni<Void>} or {@code CompletionStage<Void>}. Inherited methods (those of
     * {@code Object} included) are never handlers since only the class's own methods are looked at.
     */
    static boolean isHandler(MethodInfo method) {
        if (Modifier.isPrivate(method.flags()) || Modifier.isStatic(method.flags()) || method.isSynthetic()
                || method.isConstructor()) {
            return false;
        }
        if (method.name().equals(ComponentScanProcessor.ON_MOUNT) || method.name().equals(ComponentScanProcessor.ON_UNMOUNT)) {
            return false;
        }
        Type returned = method.returnType();
        if (returned.kind() == Type.Kind.VOID) {
            return true;
        }
        if (returned.kind() == Type.Kind.PARAMETERIZED_TYPE
                && (returned.name().equals(LiveDotNames.UNI) || returned.name().equals(LiveDotNames.COMPLETION_STAGE))) {
            Type argument = returned.asParameterizedType().arguments().get(0);
            return argument.name().equals(LiveDotNames.VOID);
        }
        return false;
    }

    /**
     * Whether a handler of a component gets {@code DryRunnable}: one whose parameters carry annotations, among which
     * Hibernate Validator may find constraints (or {@code @Valid}), and which is not final, so that it can be
     * intercepted.
     */
    static boolean isDryRunnable(MethodInfo method) {
        return method.declaringClass().hasDeclaredAnnotation(LiveDotNames.LIVE) && isHandler(method)
                && !Modifier.isFinal(method.flags()) && method.annotations().stream()
                        .anyMatch(annotation -> annotation.target().kind() == AnnotationTarget.Kind.METHOD_PARAMETER
                                || annotation.target().kind() == AnnotationTarget.Kind.TYPE
                                        && annotation.target().asType().enclosingTarget().kind() == AnnotationTarget.Kind.METHOD_PARAMETER);
    }

    /**
     * Whether the parameter takes files: {@code UploadedFile}, or a {@code List}, {@code Set} or {@code Collection}
     * of them ({@code multiple}).
     */
    static boolean isUpload(Type type) {
        return type.name().equals(LiveDotNames.UPLOADED_FILE) || isMultipleUpload(type);
    }

    static boolean isMultipleUpload(Type type) {
        return type.kind() == Type.Kind.PARAMETERIZED_TYPE && COLLECTIONS.contains(type.name().toString())
                && type.asParameterizedType().arguments().get(0).name().equals(LiveDotNames.UPLOADED_FILE);
    }

    /** Value types client input converts to from a single string or number, besides primitives and boxes. */
    private static final Set<String> VALUE_TYPES = Set.of("java.math.BigDecimal", "java.math.BigInteger",
            "java.util.UUID", "java.time.LocalDate", "java.time.LocalDateTime", "java.time.LocalTime",
            "java.time.Instant", "java.time.OffsetDateTime", "java.time.ZonedDateTime", "java.time.Duration",
            "java.time.YearMonth", "io.quarkiverse.live.UploadedFile");
    private static final Set<String> COLLECTIONS = Set.of("java.util.List", "java.util.Set", "java.util.Collection");

    /**
     * Why client input cannot be converted to this parameter type, or {@code null} when it can: primitives, boxes,
     * {@code String}, the value types above, enums, {@code List}/{@code Set} of those, and the application's records
     * and classes with a no-arg constructor (bound from form fields by name). Anything else would let the client decide
     * what gets created, so it is refused at build time.
     */
    static String unbindableReason(Type type, IndexView index) {
        switch (type.kind()) {
            case PRIMITIVE:
                return null;
            case PARAMETERIZED_TYPE: {
                if (!COLLECTIONS.contains(type.name().toString())) {
                    return "only List, Set and Collection may be parameterized";
                }
                Type element = type.asParameterizedType().arguments().get(0);
                return element.kind() == Type.Kind.CLASS ? unbindableReason(element, index)
                        : "the element type must be a plain class";
            }
            case CLASS: {
                String name = type.name().toString();
                if (BINDABLE.containsKey(name) || VALUE_TYPES.contains(name)) {
                    return null;
                }
                if (COLLECTIONS.contains(name)) {
                    return "name the element type, e.g. List<String>";
                }
                ClassInfo info = index.getClassByName(type.name());
                if (info == null || name.startsWith("java.")) {
                    return "it is no type client input can be converted to";
                }
                if (info.isEnum() || info.isRecord()) {
                    return null;
                }
                if (info.isInterface() || Modifier.isAbstract(info.flags())) {
                    return "it is abstract";
                }
                return info.hasNoArgsConstructor() ? null : "it has neither a no-arg constructor nor is it a record";
            }
            default:
                return "it is no type client input can be converted to";
        }
    }

    /** The type as Jackson's canonical form reads it, without the type annotations Jandex prints. */
    static String canonicalName(Type type) {
        return switch (type.kind()) {
            case PRIMITIVE -> type.asPrimitiveType().primitive().name().toLowerCase();
            case PARAMETERIZED_TYPE -> type.name() + "<" + String.join(",",
                    type.asParameterizedType().arguments().stream().map(Handlers::canonicalName).toList()) + ">";
            case ARRAY -> canonicalName(type.asArrayType().constituent()) + "[]".repeat(type.asArrayType().dimensions());
            default -> type.name().toString();
        };
    }

    /**
     * Like {@link #canonicalName}, with what Jackson cannot name at run time replaced by what it stands for: a type
     * variable by its first bound's erasure, a wildcard by its bound, so that {@code List<T>} reads as
     * {@code java.util.List<java.lang.Object>}.
     */
    static String resolvableName(Type type) {
        return switch (type.kind()) {
            case PARAMETERIZED_TYPE -> type.name() + "<" + String.join(",",
                    type.asParameterizedType().arguments().stream().map(Handlers::resolvableName).toList()) + ">";
            case ARRAY -> resolvableName(type.asArrayType().constituent())
                    + "[]".repeat(type.asArrayType().dimensions());
            case TYPE_VARIABLE -> type.asTypeVariable().bounds().isEmpty() ? Object.class.getName()
                    : type.asTypeVariable().bounds().get(0).name().toString();
            case WILDCARD_TYPE -> resolvableName(type.asWildcardType().extendsBound());
            case UNRESOLVED_TYPE_VARIABLE, TYPE_VARIABLE_REFERENCE -> Object.class.getName();
            default -> canonicalName(type);
        };
    }

    /** The class of a bindable parameter type, or {@code null} when client input cannot be converted to it. */
    static Class<?> bindableClass(Type type) {
        if (type.kind() != Type.Kind.PRIMITIVE && type.kind() != Type.Kind.CLASS) {
            return null;
        }
        return BINDABLE.get(type.name().toString());
    }
}
