package io.quarkiverse.live.deployment;

import java.lang.reflect.Modifier;
import java.util.Set;

import org.jboss.jandex.DotName;
import org.jboss.jandex.MethodInfo;
import org.jboss.jandex.Type;

/**
 * The rules of DESIGN §1 for what a client may call, in one place.
 */
final class Handlers {

    private static final Set<DotName> BOXED = Set.of(DotName.createSimple(Integer.class),
            DotName.createSimple(Long.class), DotName.createSimple(Short.class), DotName.createSimple(Byte.class),
            DotName.createSimple(Double.class), DotName.createSimple(Float.class), DotName.createSimple(Boolean.class),
            DotName.createSimple(Character.class));

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
        if (type.kind() == Type.Kind.PRIMITIVE) {
            return true;
        }
        return type.kind() == Type.Kind.CLASS && (type.name().equals(LiveDotNames.STRING) || BOXED.contains(type.name()));
    }
}
