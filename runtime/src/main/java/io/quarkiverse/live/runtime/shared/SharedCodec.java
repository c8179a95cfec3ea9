package io.quarkiverse.live.runtime.shared;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * Shared values to JSON and back, with the application's own Jackson setup (its modules and settings), map entries
 * sorted so that equal values always write the same text: a change is detected by comparing the text a value writes
 * before and after a handler. In dev mode it also writes the state components keep across a restart.
 */
@Singleton
public class SharedCodec {

    private final ObjectMapper mapper;
    private final Map<String, JavaType> types = new ConcurrentHashMap<>();

    SharedCodec(ObjectMapper mapper) {
        // Empty beans still fail: a class Jackson sees no properties of would never show a change
        this.mapper = mapper.copy().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
    }

    /** The Jackson type of a field's generic type, as {@code java.util.List<org.acme.Message>}. */
    public JavaType type(String genericType) {
        return types.computeIfAbsent(genericType, name -> mapper.getTypeFactory().constructFromCanonical(name));
    }

    /** Why Jackson cannot write and read values of the type, or {@code null} when it can: the startup check of every key. */
    String unsupported(JavaType type) {
        if (!mapper.canSerialize(type.getRawClass())) {
            return "Jackson cannot write " + type.toCanonical() + " as JSON (it sees no properties: add getters or "
                    + "public fields, or make it a record)";
        }
        if (!mapper.canDeserialize(type)) {
            return "Jackson cannot read " + type.toCanonical() + " from JSON (give it a public no-arg constructor "
                    + "or make it a record)";
        }
        return null;
    }

    public String write(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e.getOriginalMessage(), e);
        }
    }

    /**
     * Whether values of the type cannot change once made (a primitive or its wrapper, a string, an enum), so that
     * every component may hold the same instance instead of a copy of its own.
     */
    boolean immutable(JavaType type) {
        Class<?> raw = type.getRawClass();
        return type.isPrimitive() || type.isEnumType() || raw == String.class || raw == Boolean.class
                || raw == Character.class || raw == Byte.class || raw == Short.class || raw == Integer.class
                || raw == Long.class || raw == Float.class || raw == Double.class;
    }

    public Object read(String json, JavaType type) {
        try {
            return mapper.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e.getOriginalMessage(), e);
        }
    }
}
