package io.quarkiverse.live.runtime.dispatch;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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

import io.quarkiverse.live.UploadedFile;
import io.quarkiverse.live.runtime.LiveRuntimeConfig;
import io.quarkiverse.live.runtime.component.HandlerSignature;
import io.quarkiverse.live.runtime.upload.ComponentUploads;
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
 * Whatever goes wrong while converting a value, the client hears of it as a {@link ConversionProblem} of that value
 * (or, for arguments refused as a whole, as {@link InvalidArguments}): nothing it sends can make binding throw anything
 * else. A form with more fields than {@code quarkus.live.max-form-fields}, or a field nested
 * deeper than {@code quarkus.live.max-field-depth}, is refused before its names are expanded ({@link FormExpansion}).
 */
@Singleton
public class ArgumentBinder {

    private static final Logger LOG = Logger.getLogger(ArgumentBinder.class);

    private final ObjectMapper mapper = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .addModule(new SimpleModule("quarkus-live-bounded-numbers").setDeserializerModifier(new BoundedNumbers())
                    .addDeserializer(UploadedFile.class, new UploadedFileDeserializer()))
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .build();
    /** Values reported per call at most: each is one more reading of the argument, so a hostile form costs little. */
    static final int MAX_PROBLEMS = 32;

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
     * Converts every argument. A value that does not convert is reported in the result and a placeholder takes its
     * place (in its field of a form, or as the whole argument), and the rest is converted all the same, so that one
     * submit shows every problem; at most {@value #MAX_PROBLEMS} are reported.
     *
     * @throws InvalidArguments when the arguments are refused as a whole: their number is wrong, or a form exceeds the
     *         limits
     */
    public BoundArguments bind(HandlerSignature handler, JsonArray values, ComponentUploads uploads)
            throws InvalidArguments {
        if (values.size() != handler.arity()) {
            throw new InvalidArguments(handler + " takes " + handler.arity() + " argument(s), got " + values.size());
        }
        Object[] plain = new Object[handler.arity()];
        for (int i = 0; i < plain.length; i++) {
            try {
                plain[i] = forms.expand(values.getValue(i));
            } catch (FormExpansion.Refused e) {
                throw new InvalidArguments("Invalid arguments for " + handler + ": " + handler.parameterNames().get(i)
                        + " refused: " + e.getMessage());
            }
        }
        Object[] args = new Object[handler.arity()];
        Map<String, ConversionProblem> problems = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            args[i] = readEach(handler, i, plain[i], uploads, problems);
        }
        return new BoundArguments(args, List.copyOf(problems.values()));
    }

    /**
     * Reads one argument; while a field of it does not convert, notes the problem, puts a placeholder in the field's
     * place (a primitive's zero, or {@code null}; a field the type does not have is removed) and reads again. The
     * expanded value is the binder's own copy, free to change. A failure that names no field, or one already noted,
     * makes the whole argument a placeholder.
     */
    private Object readEach(HandlerSignature handler, int index, Object value, ComponentUploads uploads,
            Map<String, ConversionProblem> problems) {
        String parameter = handler.parameterNames().get(index);
        JavaType type = type(handler.genericTypes().get(index));
        while (true) {
            try {
                return read(value, true, type, uploads);
            } catch (IOException | RuntimeException e) {
                LOG.debugf("Argument %s of %s refused: %s", parameter, handler, e);
                List<Object> path = path(e);
                ConversionProblem problem = describe(parameter, type.getRawClass(), e, valueAt(value, path));
                boolean noted = problems.containsKey(problem.key()) || problems.size() >= MAX_PROBLEMS;
                if (!noted) {
                    problems.put(problem.key(), problem);
                }
                if (noted || !replaceAt(value, path, specific(e))) {
                    return placeholder(type.getRawClass());
                }
            }
        }
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
            return read(json ? forms.expand(value) : value, json, mapper.constructType(type), null);
        } catch (FormExpansion.Refused e) {
            throw new ConversionException(e.getMessage());
        } catch (IOException | RuntimeException e) {
            throw new ConversionException(describe("value", type, e, value).detail());
        }
    }

    /**
     * Reads the value as the type: written to tokens first, then read by the type's deserializer, which descends only
     * as deep as the type does and stops at the first token that does not fit it. JSON from the client, as
     * {@link FormExpansion} left it, is written by {@link TokenWriter}, which does not recurse; any other value, such
     * as a prop, by the mapper's serializers.
     */
    private Object read(Object value, boolean json, JavaType type, ComponentUploads uploads) throws IOException {
        TokenBuffer tokens = new TokenBuffer(mapper, false);
        if (json) {
            TokenWriter.write(value, tokens);
        } else {
            tokens.writeObject(value);
        }
        try (JsonParser parser = tokens.asParser(mapper)) {
            // The component's uploads, for UploadedFile arguments (UploadedFileDeserializer)
            return uploads == null ? mapper.readValue(parser, type)
                    : mapper.readerFor(type).withAttribute(ComponentUploads.class, uploads).readValue(parser);
        }
    }

    private JavaType type(String canonical) {
        return types.computeIfAbsent(canonical, name -> mapper.getTypeFactory().constructFromCanonical(name));
    }

    /**
     * Why one value could not be converted to {@code type}, keyed by the parameter or the field path inside it. The
     * detail never repeats more than the start of what the client sent.
     *
     * @param sent the value the failure is about, as the client sent it, when it could be found
     */
    private static ConversionProblem describe(String parameter, Class<?> type, Throwable failure, Object sent) {
        String key = parameter;
        // Inside a record or POJO the key is the field path, as the form names it; inside a collection, the parameter
        if (failure instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()
                && mapping.getPath().get(0).getFieldName() != null) {
            key = fieldPath(mapping.getPath());
        }
        boolean nested = failure instanceof JsonMappingException mapping && !mapping.getPath().isEmpty();
        Throwable specific = specific(failure);
        Class<?> target = nested ? null : type;
        String detail;
        if (specific instanceof BoundedNumbers.NumberRefused refused) {
            detail = refused.getOriginalMessage();
        } else if (specific instanceof UnrecognizedPropertyException unknown) {
            detail = "unknown field '" + unknown.getPropertyName() + "'";
        } else if (specific instanceof InvalidFormatException format) {
            target = format.getTargetType();
            detail = describe(format.getValue()) + " is not a valid " + typeName(target);
        } else if (specific instanceof InputCoercionException coercion) {
            target = coercion.getTargetType();
            detail = "out of range for " + typeName(target);
        } else if (specific instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            target = mismatch.getTargetType();
            detail = "expected " + article(typeName(target));
        } else if (nested || Collection.class.isAssignableFrom(type)) {
            detail = "not a valid value";
        } else {
            // Anything else a deserializer threw, java.time refusing a day past year 999,999,999 for one
            detail = "not a valid " + typeName(type);
        }
        return new ConversionProblem(key, ConversionKinds.of(specific, target, sent), detail,
                target != null && target.isEnum() ? ConversionKinds.choices(target) : List.of());
    }

    /** Jackson wraps what a field's deserializer threw in a plain mapping exception that only adds the path. */
    private static Throwable specific(Throwable failure) {
        Throwable specific = failure;
        while (specific.getClass() == JsonMappingException.class && specific.getCause() != null) {
            specific = specific.getCause();
        }
        return specific;
    }

    /** The failure's path as field names and list indexes, empty when it is about the argument itself. */
    private static List<Object> path(Throwable failure) {
        List<Object> path = new ArrayList<>();
        if (failure instanceof JsonMappingException mapping) {
            for (JsonMappingException.Reference reference : mapping.getPath()) {
                path.add(reference.getFieldName() != null ? reference.getFieldName() : reference.getIndex());
            }
        }
        return path;
    }

    /** The value at the path inside the expanded argument, or {@code null} when there is none. */
    private static Object valueAt(Object value, List<Object> path) {
        Object current = value;
        for (Object step : path) {
            current = child(current, step);
        }
        return current;
    }

    /**
     * Puts a placeholder where the failure's path points: the zero of a primitive it names (Jackson refuses a missing
     * primitive as it refuses {@code null}), otherwise {@code null}; a field the type does not have is removed.
     *
     * @return whether anything changed, so that reading again can give another answer
     */
    @SuppressWarnings("unchecked")
    private static boolean replaceAt(Object value, List<Object> path, Throwable failure) {
        if (path.isEmpty()) {
            return false;
        }
        Object parent = valueAt(value, path.subList(0, path.size() - 1));
        Object last = path.get(path.size() - 1);
        Class<?> target = failure instanceof MismatchedInputException mismatch ? mismatch.getTargetType()
                : failure instanceof InputCoercionException coercion ? coercion.getTargetType() : null;
        Object placeholder = target != null && target.isPrimitive() ? placeholder(target) : null;
        if (parent instanceof Map<?, ?> map && last instanceof String name && map.containsKey(name)) {
            Object before = map.get(name);
            if (failure instanceof UnrecognizedPropertyException) {
                map.remove(name);
                return true;
            }
            ((Map<String, Object>) map).put(name, placeholder);
            return !Objects.equals(before, placeholder);
        }
        if (parent instanceof List<?> list && last instanceof Integer i && i >= 0 && i < list.size()
                && !Objects.equals(list.get(i), placeholder)) {
            ((List<Object>) list).set(i, placeholder);
            return true;
        }
        return false;
    }

    private static Object child(Object container, Object step) {
        if (container instanceof Map<?, ?> map && step instanceof String name) {
            return map.get(name);
        }
        if (container instanceof List<?> list && step instanceof Integer i && i >= 0 && i < list.size()) {
            return list.get(i);
        }
        return null;
    }

    /** What an argument that did not convert holds: handlers never see it, but constraints on the others are checked. */
    private static Object placeholder(Class<?> type) {
        if (!type.isPrimitive()) {
            return null;
        }
        if (type == boolean.class) {
            return false;
        }
        if (type == char.class) {
            return '\0';
        }
        if (type == long.class) {
            return 0L;
        }
        if (type == double.class) {
            return 0d;
        }
        if (type == float.class) {
            return 0f;
        }
        if (type == short.class) {
            return (short) 0;
        }
        if (type == byte.class) {
            return (byte) 0;
        }
        return 0;
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
