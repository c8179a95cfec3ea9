package io.quarkiverse.live.deployment;

import java.lang.reflect.Modifier;
import java.util.Map;

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

    /** Whether the runtime can convert client input to this parameter type. */
    static boolean isBindable(Type type) {
        return bindableClass(type) != null;
    }

    /** The class of a bindable parameter type, or {@code null} when client input cannot be converted to it. */
    static Class<?> bindableClass(Type type) {
        if (type.kind() != Type.Kind.PRIMITIVE && type.kind() != Type.Kind.CLASS) {
            return null;
        }
        return BINDABLE.get(type.name().toString());
    }
}
