package io.quarkiverse.live.runtime.dispatch;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import io.quarkiverse.live.runtime.component.HandlerSignature;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * Converts the arguments a client sent to the types of a handler's parameters, with a strict Jackson mapper: only the
 * declared types are created (no polymorphic typing, so the client never names a class), numbers must fit, fractions
 * do not become integers, {@code null} is no primitive and a form field the type does not have is an error, not
 * silently dropped. Form fields named with dots ({@code address.street}) fill nested objects.
 */
@Singleton
public class ArgumentBinder {

    private final ObjectMapper mapper = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .build();
    private final Map<String, JavaType> types = new ConcurrentHashMap<>();

    {
        // An empty form field is no value: null for numbers, dates and enums (so @NotNull speaks), "" for strings
        mapper.coercionConfigDefaults().setCoercion(CoercionInputShape.EmptyString, CoercionAction.AsNull);
    }

    /**
     * @throws InvalidArguments with a message per parameter (or field) that does not fit
     */
    public Object[] bind(HandlerSignature handler, JsonArray values) throws InvalidArguments {
        if (values.size() != handler.arity()) {
            throw new InvalidArguments(handler + " takes " + handler.arity() + " argument(s), got " + values.size(),
                    Map.of());
        }
        Object[] args = new Object[handler.arity()];
        Map<String, String> errors = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String parameter = handler.parameterNames().get(i);
            try {
                args[i] = mapper.convertValue(plain(values.getValue(i)), type(handler.genericTypes().get(i)));
            } catch (IllegalArgumentException e) {
                describe(parameter, e.getCause() == null ? e : e.getCause(), errors);
            }
        }
        if (!errors.isEmpty()) {
            List<String> messages = new ArrayList<>();
            errors.forEach((key, message) -> messages.add(key + ": " + message));
            throw new InvalidArguments("Invalid arguments for " + handler + ": " + String.join("; ", messages), errors);
        }
        return args;
    }

    /**
     * Converts one value, a prop or a literal a template passes, to a type with the same rules as handler arguments;
     * a value that already is of the type is used as it is.
     *
     * @throws ConversionException saying why the value does not fit
     */
    public Object convert(Object value, Class<?> type) throws ConversionException {
        if (!type.isPrimitive() && type.isInstance(value)) {
            return value;
        }
        try {
            return mapper.convertValue(plain(value), type);
        } catch (IllegalArgumentException e) {
            Map<String, String> errors = new LinkedHashMap<>();
            describe("value", e.getCause() == null ? e : e.getCause(), errors);
            throw new ConversionException(errors.values().iterator().next());
        }
    }

    private JavaType type(String canonical) {
        return types.computeIfAbsent(canonical, name -> mapper.getTypeFactory().constructFromCanonical(name));
    }

    /** Vert.x's JSON values as plain maps and lists, dotted keys expanded into nested maps. */
    private static Object plain(Object value) {
        if (value instanceof JsonObject object) {
            return expandDottedKeys(object.getMap());
        }
        if (value instanceof JsonArray array) {
            return array.getList();
        }
        return value;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> expandDottedKeys(Map<String, Object> fields) {
        Map<String, Object> expanded = new LinkedHashMap<>();
        for (Map.Entry<String, Object> field : fields.entrySet()) {
            Object value = field.getValue() instanceof Map<?, ?> nested
                    ? expandDottedKeys((Map<String, Object>) nested)
                    : field.getValue();
            String[] path = field.getKey().split("\\.", -1);
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
            target.put(path[path.length - 1], value);
        }
        return expanded;
    }

    private static void describe(String parameter, Throwable failure, Map<String, String> errors) {
        String key = parameter;
        String message;
        // Inside a record or POJO the key is the field path, as the form names it; inside a collection, the parameter
        if (failure instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()
                && mapping.getPath().get(0).getFieldName() != null) {
            key = fieldPath(mapping.getPath());
        }
        if (failure instanceof UnrecognizedPropertyException unknown) {
            message = "unknown field '" + unknown.getPropertyName() + "'";
        } else if (failure instanceof InvalidFormatException format) {
            message = describe(format.getValue()) + " is not a valid " + typeName(format.getTargetType());
        } else if (failure instanceof InputCoercionException coercion) {
            message = "out of range for " + typeName(coercion.getTargetType());
        } else if (failure instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            message = "expected " + article(typeName(mismatch.getTargetType()));
        } else {
            message = "not a valid value";
        }
        errors.putIfAbsent(key, message);
    }

    private static String fieldPath(List<JsonMappingException.Reference> path) {
        List<String> names = new ArrayList<>();
        for (JsonMappingException.Reference reference : path) {
            names.add(reference.getFieldName() != null ? reference.getFieldName()
                    : String.valueOf(reference.getIndex()));
        }
        return String.join(".", names);
    }

    private static String describe(Object value) {
        if (value instanceof String s) {
            return "\"" + (s.length() > 40 ? s.substring(0, 40) + "..." : s) + "\"";
        }
        return String.valueOf(value);
    }

    private static String typeName(Class<?> type) {
        if (type == null) {
            return "value";
        }
        return type.getSimpleName();
    }

    private static String article(String noun) {
        return ("aeiouAEIOU".indexOf(noun.charAt(0)) >= 0 ? "an " : "a ") + noun;
    }
}
