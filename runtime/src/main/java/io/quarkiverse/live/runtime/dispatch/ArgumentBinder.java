package io.quarkiverse.live.runtime.dispatch;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonParser;
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
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import io.quarkiverse.live.runtime.LiveRuntimeConfig;
import io.quarkiverse.live.runtime.component.HandlerSignature;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * Converts the arguments a client sent to the types of a handler's parameters, with a strict Jackson mapper: only the
 * declared types are created (no polymorphic typing, so the client never names a class), numbers must fit, fractions
 * do not become integers, {@code null} is no primitive and a form field the type does not have is an error, not
 * silently dropped. Form fields named with dots ({@code address.street}) fill nested objects. Floating-point numbers
 * must be finite, and arbitrary-precision ones at most 1,000 digits long on either side of the point
 * ({@link BoundedNumbers}).
 * <p>
 * Whatever goes wrong while converting, the client hears of it as {@link InvalidArguments}: nothing it sends can make
 * binding throw anything else. A form with more fields than {@code quarkus.live.max-form-fields}, or a field nested
 * deeper than {@code quarkus.live.max-field-depth}, is refused before its names are expanded ({@link FormExpansion}).
 */
@Singleton
public class ArgumentBinder {

    private static final Logger LOG = Logger.getLogger(ArgumentBinder.class);

    private final ObjectMapper mapper = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .addModule(new SimpleModule("quarkus-live-bounded-numbers").setDeserializerModifier(new BoundedNumbers()))
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .build();
    private final Map<String, JavaType> types = new ConcurrentHashMap<>();
    private final FormExpansion forms;

    {
        // An empty form field is no value: null for numbers, dates and enums (so @NotNull speaks), "" for strings
        mapper.coercionConfigDefaults().setCoercion(CoercionInputShape.EmptyString, CoercionAction.AsNull);
    }

    /** With the default limits of {@link LiveRuntimeConfig}: the build checks template literals with it. */
    public ArgumentBinder() {
        this(256, 8);
    }

    @Inject
    ArgumentBinder(LiveRuntimeConfig config) {
        this(config.maxFormFields(), config.maxFieldDepth());
    }

    ArgumentBinder(int maxFormFields, int maxFieldDepth) {
        this.forms = new FormExpansion(maxFormFields, maxFieldDepth);
    }

    /**
     * @throws InvalidArguments with a message per parameter (or field) that does not fit, or without any when the
     *         arguments are refused as a whole: their number is wrong, or a form exceeds the limits
     */
    public Object[] bind(HandlerSignature handler, JsonArray values) throws InvalidArguments {
        if (values.size() != handler.arity()) {
            throw new InvalidArguments(handler + " takes " + handler.arity() + " argument(s), got " + values.size(),
                    Map.of());
        }
        Object[] plain = new Object[handler.arity()];
        for (int i = 0; i < plain.length; i++) {
            try {
                plain[i] = forms.expand(values.getValue(i));
            } catch (FormExpansion.Refused e) {
                throw new InvalidArguments("Invalid arguments for " + handler + ": " + handler.parameterNames().get(i)
                        + " refused: " + e.getMessage(), Map.of());
            }
        }
        Object[] args = new Object[handler.arity()];
        Map<String, String> errors = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String parameter = handler.parameterNames().get(i);
            JavaType type = type(handler.genericTypes().get(i));
            try {
                args[i] = read(plain[i], true, type);
            } catch (IOException | RuntimeException e) {
                LOG.debugf("Argument %s of %s refused: %s", parameter, handler, e);
                describe(parameter, type.getRawClass(), e, errors);
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
        boolean json = value instanceof JsonObject || value instanceof JsonArray;
        try {
            return read(json ? forms.expand(value) : value, json, mapper.constructType(type));
        } catch (FormExpansion.Refused e) {
            throw new ConversionException(e.getMessage());
        } catch (IOException | RuntimeException e) {
            Map<String, String> errors = new LinkedHashMap<>();
            describe("value", type, e, errors);
            throw new ConversionException(errors.values().iterator().next());
        }
    }

    /**
     * Reads the value as the type: written to tokens first, then read by the type's deserializer, which descends only
     * as deep as the type does and stops at the first token that does not fit it. JSON from the client, as
     * {@link FormExpansion} left it, is written by {@link TokenWriter}, which does not recurse; any other value, such
     * as a prop, by the mapper's serializers.
     */
    private Object read(Object value, boolean json, JavaType type) throws IOException {
        TokenBuffer tokens = new TokenBuffer(mapper, false);
        if (json) {
            TokenWriter.write(value, tokens);
        } else {
            tokens.writeObject(value);
        }
        try (JsonParser parser = tokens.asParser(mapper)) {
            return mapper.readValue(parser, type);
        }
    }

    private JavaType type(String canonical) {
        return types.computeIfAbsent(canonical, name -> mapper.getTypeFactory().constructFromCanonical(name));
    }

    /**
     * Adds the message for one parameter that could not be converted to {@code type}, keyed by the parameter or the
     * field path inside it. Messages never repeat more than the start of what the client sent.
     */
    private static void describe(String parameter, Class<?> type, Throwable failure, Map<String, String> errors) {
        String key = parameter;
        String message;
        boolean nested = failure instanceof JsonMappingException mapping && !mapping.getPath().isEmpty();
        // Inside a record or POJO the key is the field path, as the form names it; inside a collection, the parameter
        if (failure instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()
                && mapping.getPath().get(0).getFieldName() != null) {
            key = fieldPath(mapping.getPath());
        }
        if (failure instanceof BoundedNumbers.NumberRefused refused) {
            message = refused.getOriginalMessage();
        } else if (failure instanceof UnrecognizedPropertyException unknown) {
            message = "unknown field '" + unknown.getPropertyName() + "'";
        } else if (failure instanceof InvalidFormatException format) {
            message = describe(format.getValue()) + " is not a valid " + typeName(format.getTargetType());
        } else if (failure instanceof InputCoercionException coercion) {
            message = "out of range for " + typeName(coercion.getTargetType());
        } else if (failure instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            message = "expected " + article(typeName(mismatch.getTargetType()));
        } else if (nested || Collection.class.isAssignableFrom(type)) {
            message = "not a valid value";
        } else {
            // Anything else a deserializer threw, java.time refusing a day past year 999,999,999 for one
            message = "not a valid " + typeName(type);
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

    /**
     * The value as a message shows it: a string quoted and cut short after 40 characters. {@link BoundedNumbers} and
     * {@link FormExpansion} quote what the client sent with it too, so that all refusals read alike.
     */
    static String describe(Object value) {
        if (value instanceof String s) {
            return "\"" + (s.length() > 40 ? s.substring(0, 40) + "..." : s) + "\"";
        }
        return String.valueOf(value);
    }

    static String typeName(Class<?> type) {
        if (type == null) {
            return "value";
        }
        return type.getSimpleName();
    }

    private static String article(String noun) {
        return ("aeiouAEIOU".indexOf(noun.charAt(0)) >= 0 ? "an " : "a ") + noun;
    }
}
