package io.quarkiverse.live.deployment;

import java.lang.reflect.Modifier;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.jboss.jandex.ClassInfo;
import org.jboss.jandex.DotName;
import org.jboss.jandex.FieldInfo;
import org.jboss.jandex.IndexView;
import org.jboss.jandex.MethodInfo;
import org.jboss.jandex.RecordComponentInfo;
import org.jboss.jandex.Type;

import io.quarkus.qute.Expression;

/**
 * The keys a component's {@code errors} can hold, so that {@code {errors.nmae}} fails the build: the names of its
 * handlers' parameters and, inside record and POJO parameters, the paths of their fields ({@code address.street}), as
 * forms name them. {@code {errors.x}} names a key of one segment; {@code errors.has('a.b')} and
 * {@code errors.get('a.b')} with a literal name any key.
 */
final class ErrorKeys {

    /** How deep nested records and POJOs are followed; deeper keys are not checked. */
    private static final int MAX_DEPTH = 4;
    private static final Set<String> ERRORS_MEMBERS = Set.of("has", "get", "empty", "isEmpty");

    private final String component;
    private final Set<String> keys = new LinkedHashSet<>();
    /**
     * Prefixes of keys whose type was not followed (too deep, or not in the index), {@code address.} for example, or
     * the empty prefix for a parameter type the index lacks: any key that starts with one is accepted.
     */
    private final Set<String> open = new LinkedHashSet<>();

    private ErrorKeys(String component) {
        this.component = component;
    }

    static ErrorKeys of(LiveComponentBuildItem component, IndexView index) {
        ErrorKeys errorKeys = new ErrorKeys(component.name());
        for (MethodInfo handler : component.handlers()) {
            for (int i = 0; i < handler.parametersCount(); i++) {
                String name = handler.parameterName(i);
                errorKeys.keys.add(name);
                errorKeys.addFields("", handler.parameterType(i), index, 0);
            }
        }
        return errorKeys;
    }

    /** The fields of a record or POJO type, at the top level (a form's fields) and below them with dotted paths. */
    private void addFields(String prefix, Type type, IndexView index, int depth) {
        if (type.kind() != Type.Kind.CLASS || type.name().toString().startsWith("java.")) {
            return;
        }
        ClassInfo declared = index.getClassByName(type.name());
        if (declared == null || depth >= MAX_DEPTH) {
            open.add(prefix);
            return;
        }
        for (ClassInfo current = declared; current != null && !current.isEnum()
                && !current.name().equals(DotName.OBJECT_NAME); current = superclass(current, index)) {
            if (current.isRecord()) {
                for (RecordComponentInfo component : current.recordComponents()) {
                    add(prefix, component.name(), component.type(), index, depth);
                }
            } else {
                for (FieldInfo field : current.fields()) {
                    if (!Modifier.isStatic(field.flags()) && !field.isSynthetic()) {
                        add(prefix, field.name(), field.type(), index, depth);
                    }
                }
            }
        }
    }

    private void add(String prefix, String name, Type type, IndexView index, int depth) {
        String key = prefix + name;
        if (keys.add(key)) {
            addFields(key + ".", type, index, depth + 1);
        }
    }

    private static ClassInfo superclass(ClassInfo type, IndexView index) {
        return type.superName() == null ? null : index.getClassByName(type.superName());
    }

    /** What is wrong with an expression that starts with {@code errors}, or {@code null} when nothing is. */
    String problem(Expression expression) {
        List<Expression.Part> parts = expression.getParts();
        if (parts.size() < 2) {
            return null;
        }
        Expression.Part member = parts.get(1);
        if (member.isVirtualMethod()) {
            List<Expression> parameters = member.asVirtualMethod().getParameters();
            if (!ERRORS_MEMBERS.contains(member.getName())) {
                return "errors has has(key), get(key), empty and a property per key; no method '" + member.getName()
                        + "'";
            }
            if (parameters.size() == 1 && parameters.get(0).isLiteral()
                    && parameters.get(0).getLiteral() instanceof String key) {
                return unknown(key);
            }
            return null;
        }
        return ERRORS_MEMBERS.contains(member.getName()) ? null : unknown(member.getName());
    }

    private String unknown(String key) {
        if (keys.contains(key) || open.stream().anyMatch(key::startsWith)) {
            return null;
        }
        Set<String> sameDepth = new LinkedHashSet<>();
        long dots = key.chars().filter(c -> c == '.').count();
        keys.stream().filter(k -> k.chars().filter(c -> c == '.').count() == dots).forEach(sameDepth::add);
        String suggestion = Suggestions.didYouMean(key, sameDepth);
        return "no handler of " + component + " has a parameter or form field '" + key + "', so errors never holds "
                + "a message for it" + (suggestion.isEmpty() ? "; its keys are " + sameDepth : suggestion);
    }
}
