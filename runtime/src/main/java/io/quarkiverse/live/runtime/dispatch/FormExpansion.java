package io.quarkiverse.live.runtime.dispatch;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * Turns the JSON a client sent as an argument into plain maps and lists, form fields named with dots
 * ({@code address.street}) expanded into nested maps, so that {@link ArgumentBinder}'s mapper fills nested objects
 * from them. The client chooses how large and how deep that JSON is, so the walk keeps its own stack (no nesting can
 * overflow the thread's), and every object's size and every field's depth (its dotted segments and the objects around
 * it) is checked against {@code quarkus.live.max-form-fields} and {@code quarkus.live.max-field-depth} before the
 * field is expanded.
 */
final class FormExpansion {

    private static final Pattern DOT = Pattern.compile(".", Pattern.LITERAL);

    private final int maxFormFields;
    private final int maxFieldDepth;

    FormExpansion(int maxFormFields, int maxFieldDepth) {
        this.maxFormFields = maxFormFields;
        this.maxFieldDepth = maxFieldDepth;
    }

    /**
     * Vert.x's JSON values as plain maps and lists, dotted keys expanded into nested maps; any other value as it is.
     *
     * @throws Refused when an object has too many fields or a field nests too deep
     */
    Object expand(Object value) throws Refused {
        if (!(value instanceof JsonObject) && !(value instanceof JsonArray)) {
            return value;
        }
        Deque<Copy> pending = new ArrayDeque<>();
        Object root = copy(value, 0, pending);
        while (!pending.isEmpty()) {
            fill(pending.pop(), pending);
        }
        return root;
    }

    /** A JSON object or array still to be copied into its expanded form, {@code depth} levels below the argument. */
    private record Copy(Object source, Object target, int depth) {
    }

    /** An empty map or list standing for a JSON object or array, queued to be filled; any other value as it is. */
    private static Object copy(Object value, int depth, Deque<Copy> pending) {
        Object target;
        if (value instanceof JsonObject || value instanceof Map) {
            target = new LinkedHashMap<String, Object>();
        } else if (value instanceof JsonArray || value instanceof List) {
            target = new ArrayList<>();
        } else {
            return value;
        }
        pending.push(new Copy(value, target, depth));
        return target;
    }

    @SuppressWarnings("unchecked")
    private void fill(Copy copy, Deque<Copy> pending) throws Refused {
        if (copy.target() instanceof List<?> list) {
            // An array adds no level: its elements are values of the field that holds it
            List<?> elements = copy.source() instanceof JsonArray array ? array.getList() : (List<?>) copy.source();
            for (Object element : elements) {
                ((List<Object>) list).add(copy(element, copy.depth(), pending));
            }
            return;
        }
        Map<?, ?> fields = copy.source() instanceof JsonObject object ? object.getMap() : (Map<?, ?>) copy.source();
        if (fields.size() > maxFormFields) {
            throw new Refused("an object with " + fields.size() + " fields, more than quarkus.live.max-form-fields="
                    + maxFormFields);
        }
        Map<String, Object> expanded = (Map<String, Object>) copy.target();
        for (Map.Entry<?, ?> field : fields.entrySet()) {
            String name = String.valueOf(field.getKey());
            int depth = copy.depth() + segments(name);
            if (depth > maxFieldDepth) {
                throw new Refused("field " + ArgumentBinder.describe(name) + " nests " + depth
                        + " levels deep, more than quarkus.live.max-field-depth=" + maxFieldDepth);
            }
            String[] path = DOT.split(name, -1);
            Map<String, Object> target = expanded;
            for (int i = 0; i < path.length - 1; i++) {
                Object next = target.computeIfAbsent(path[i], key -> new LinkedHashMap<String, Object>());
                if (!(next instanceof Map)) {
                    // "a" and "a.b" both present: keep the plain value, the mapper reports the mismatch
                    next = new LinkedHashMap<String, Object>();
                    target.put(path[i], next);
                }
                target = (Map<String, Object>) next;
            }
            target.put(path[path.length - 1], copy(field.getValue(), depth, pending));
        }
    }

    /** How many levels a field name spans: one more than its dots. */
    private static int segments(String name) {
        int segments = 1;
        for (int i = name.indexOf('.'); i >= 0; i = name.indexOf('.', i + 1)) {
            segments++;
        }
        return segments;
    }

    /** Arguments refused as a whole, before conversion; the message says which limit they exceed. */
    static final class Refused extends Exception {

        private Refused(String message) {
            super(message, null, false, false);
        }
    }
}
