package io.quarkiverse.live.runtime.dispatch;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
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
 * must be finite, and arbitrary-precision ones at most 1,000 digits long on either side of the point.
 * <p>
 * Whatever goes wrong while converting, the client hears of it as {@link InvalidArguments}: nothing it sends can make
 * binding throw anything else. A form with more fields than {@code quarkus.live.max-form-fields}, or a field nested
 * deeper than {@code quarkus.live.max-field-depth}, is refused before its names are expanded.
 */
@Singleton
public class ArgumentBinder {

    /** The most digits a {@code BigDecimal} may have before and after its point, and a {@code BigInteger} at all. */
    private static final int MAX_DIGITS = 1000;

    private static final Logger LOG = Logger.getLogger(ArgumentBinder.class);
    private static final Pattern DOT = Pattern.compile(".", Pattern.LITERAL);
    private static final BigInteger INTEGER_LIMIT = BigInteger.TEN.pow(MAX_DIGITS);
    private static final Set<Class<?>> BOUNDED_NUMBERS = Set.of(double.class, Double.class, float.class, Float.class,
            BigDecimal.class, BigInteger.class);

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
    private final int maxFormFields;
    private final int maxFieldDepth;

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
        this.maxFormFields = maxFormFields;
        this.maxFieldDepth = maxFieldDepth;
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
                plain[i] = plain(values.getValue(i));
            } catch (Refused e) {
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
            return read(json ? plain(value) : value, json, mapper.constructType(type));
        } catch (Refused e) {
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
     * {@link #plain} left it, is written by a walk that keeps its own stack ({@code ObjectMapper.convertValue} would
     * serialize it recursively, some thread stack frames for every level of nesting); any other value, such as a
     * prop, by the mapper's serializers.
     */
    private Object read(Object value, boolean json, JavaType type) throws IOException {
        TokenBuffer tokens = new TokenBuffer(mapper, false);
        if (json) {
            write(value, tokens);
        } else {
            tokens.writeObject(value);
        }
        try (JsonParser parser = tokens.asParser(mapper)) {
            return mapper.readValue(parser, type);
        }
    }

    /** One map or list being written, with what of it is left to write. */
    private record Open(Iterator<?> rest, boolean object) {
    }

    private static void write(Object root, TokenBuffer out) throws IOException {
        Deque<Open> open = new ArrayDeque<>();
        writeValue(root, out, open);
        while (!open.isEmpty()) {
            Open top = open.peek();
            if (!top.rest().hasNext()) {
                open.pop();
                if (top.object()) {
                    out.writeEndObject();
                } else {
                    out.writeEndArray();
                }
            } else if (top.object()) {
                Map.Entry<?, ?> field = (Map.Entry<?, ?>) top.rest().next();
                out.writeFieldName(String.valueOf(field.getKey()));
                writeValue(field.getValue(), out, open);
            } else {
                writeValue(top.rest().next(), out, open);
            }
        }
    }

    /** Writes a scalar, or opens a map or list for {@link #write} to go through. */
    private static void writeValue(Object value, TokenBuffer out, Deque<Open> open) throws IOException {
        if (value instanceof Map<?, ?> map) {
            out.writeStartObject();
            open.push(new Open(map.entrySet().iterator(), true));
        } else if (value instanceof Collection<?> collection) {
            out.writeStartArray();
            open.push(new Open(collection.iterator(), false));
        } else if (value == null) {
            out.writeNull();
        } else if (value instanceof String text) {
            out.writeString(text);
        } else if (value instanceof Boolean flag) {
            out.writeBoolean(flag);
        } else if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            out.writeNumber(((Number) value).intValue());
        } else if (value instanceof Long number) {
            out.writeNumber(number);
        } else if (value instanceof Double number) {
            out.writeNumber(number);
        } else if (value instanceof Float number) {
            out.writeNumber(number);
        } else if (value instanceof BigInteger number) {
            out.writeNumber(number);
        } else if (value instanceof BigDecimal number) {
            out.writeNumber(number);
        } else {
            // No other type comes out of JSON; were one to, the mapper would write it
            out.writeObject(value);
        }
    }

    private JavaType type(String canonical) {
        return types.computeIfAbsent(canonical, name -> mapper.getTypeFactory().constructFromCanonical(name));
    }

    /**
     * Vert.x's JSON values as plain maps and lists, dotted keys expanded into nested maps. The walk keeps its own
     * stack, so no nesting can overflow the thread's; every object's size and every field's depth (its dotted
     * segments and the objects around it) is checked before the field is expanded.
     */
    private Object plain(Object value) throws Refused {
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
                throw new Refused("field " + describe(name) + " nests " + depth
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
        if (failure instanceof NumberRefused refused) {
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

    /**
     * Puts {@link BoundedNumber} around the deserializers of {@code double}, {@code float}, their boxes,
     * {@code BigDecimal} and {@code BigInteger}, wherever they are used: parameters, record components, properties and
     * collection elements.
     */
    private static final class BoundedNumbers extends BeanDeserializerModifier {

        @Override
        public JsonDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription description,
                JsonDeserializer<?> deserializer) {
            Class<?> type = description.getBeanClass();
            return BOUNDED_NUMBERS.contains(type) ? new BoundedNumber(deserializer, type) : deserializer;
        }
    }

    /**
     * Refuses numbers Jackson reads but no form means: NaN and the infinities, numbers past the range of a
     * {@code double} or {@code float} (which Java rounds to infinity), and arbitrary-precision numbers of more than
     * 1,000 digits before or after the point, such as {@code 1e999999999}, whose use would take the
     * server minutes or all its memory.
     */
    private static final class BoundedNumber extends DelegatingDeserializer {

        private final Class<?> type;

        BoundedNumber(JsonDeserializer<?> delegate, Class<?> type) {
            super(delegate);
            this.type = type;
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> newDelegatee) {
            return new BoundedNumber(newDelegatee, type);
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            JsonToken token = p.currentToken();
            String text = token == JsonToken.VALUE_STRING ? p.getText() : null;
            // A JSON number past the double range arrives as an infinite double
            if (token == JsonToken.VALUE_NUMBER_FLOAT && !Double.isFinite(p.getDoubleValue())) {
                throw outOfRange(p);
            }
            Object value;
            try {
                value = super.deserialize(p, ctxt);
            } catch (StreamConstraintsException e) {
                // Jackson's own limit on the length of numbers
                throw outOfRange(p);
            }
            boolean refused = value instanceof Double d && !Double.isFinite(d)
                    || value instanceof Float f && !Float.isFinite(f)
                    || value instanceof BigDecimal decimal && (decimal.scale() > MAX_DIGITS
                            || (long) decimal.precision() - decimal.scale() > MAX_DIGITS)
                    || value instanceof BigInteger integer && integer.abs().compareTo(INTEGER_LIMIT) >= 0;
            if (refused) {
                // "NaN" and "Infinity" are no numbers a person types; "1e400" is one, too large
                if (text != null && text.chars().noneMatch(Character::isDigit)) {
                    throw new NumberRefused(p, ArgumentBinder.describe(text) + " is not a valid " + typeName(type));
                }
                throw outOfRange(p);
            }
            return value;
        }

        private NumberRefused outOfRange(JsonParser p) {
            return new NumberRefused(p, "out of range for " + typeName(type));
        }
    }

    /** A number refused by {@link BoundedNumber}; its message is the one the client gets. */
    private static final class NumberRefused extends JsonMappingException {

        NumberRefused(JsonParser p, String message) {
            super(p, message);
        }
    }

    /** Arguments refused as a whole, before conversion; the message says which limit they exceed. */
    private static final class Refused extends Exception {

        Refused(String message) {
            super(message, null, false, false);
        }
    }
}
