package io.quarkiverse.live.runtime;

import java.math.BigDecimal;

/**
 * Converts values that arrive as JSON scalars or form strings (and props evaluated by Qute) to the Java type of a
 * handler parameter or a field. Only the types the build step accepted reach this class: primitives, their boxes and
 * {@code String}. Numbers must fit: {@code 99999999999} is not an {@code int}, {@code 1.5} is not a {@code long}.
 */
public final class Conversions {

    private Conversions() {
    }

    /** Whether values of this type can be converted by {@link #convert(Object, Class)}. */
    public static boolean supports(Class<?> type) {
        return type == String.class || type.isPrimitive() && type != void.class || box(type) != null;
    }

    public static Object convert(Object value, Class<?> type) throws ConversionException {
        if (value == null) {
            if (type.isPrimitive()) {
                throw new ConversionException("null is not a valid " + type.getName());
            }
            return null;
        }
        if (type == String.class) {
            if (value instanceof String || value instanceof Number || value instanceof Boolean) {
                return value.toString();
            }
            throw mismatch(value, type);
        }
        Class<?> boxed = type.isPrimitive() ? boxOf(type) : type;
        if (boxed == Boolean.class) {
            if (value instanceof Boolean) {
                return value;
            }
            if ("true".equals(value) || "on".equals(value)) {
                return Boolean.TRUE;
            }
            if ("false".equals(value) || "off".equals(value) || "".equals(value)) {
                return Boolean.FALSE;
            }
            throw mismatch(value, type);
        }
        if (boxed == Character.class) {
            if (value instanceof String s && s.length() == 1) {
                return s.charAt(0);
            }
            throw mismatch(value, type);
        }
        BigDecimal number = toNumber(value, type);
        try {
            if (boxed == Integer.class) {
                return number.intValueExact();
            }
            if (boxed == Long.class) {
                return number.longValueExact();
            }
            if (boxed == Short.class) {
                return number.shortValueExact();
            }
            if (boxed == Byte.class) {
                return number.byteValueExact();
            }
        } catch (ArithmeticException e) {
            throw new ConversionException(describe(value) + " is not a valid " + type.getName()
                    + " (out of range or not a whole number)");
        }
        if (boxed == Double.class) {
            return number.doubleValue();
        }
        if (boxed == Float.class) {
            return number.floatValue();
        }
        throw new ConversionException("values of type " + type.getName() + " cannot be converted");
    }

    private static BigDecimal toNumber(Object value, Class<?> type) throws ConversionException {
        if (value instanceof BigDecimal d) {
            return d;
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            return BigDecimal.valueOf(((Number) value).longValue());
        }
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                throw mismatch(value, type);
            }
            return BigDecimal.valueOf(d);
        }
        if (value instanceof Number n) {
            return new BigDecimal(n.toString());
        }
        if (value instanceof String s) {
            String trimmed = s.trim();
            // A length cap keeps BigDecimal from parsing attacker-sized input
            if (!trimmed.isEmpty() && trimmed.length() <= 64) {
                try {
                    return new BigDecimal(trimmed);
                } catch (NumberFormatException e) {
                    // falls through to the error below
                }
            }
        }
        throw mismatch(value, type);
    }

    private static ConversionException mismatch(Object value, Class<?> type) {
        return new ConversionException(describe(value) + " is not a valid " + type.getName());
    }

    private static String describe(Object value) {
        if (value instanceof String s) {
            return "\"" + (s.length() > 40 ? s.substring(0, 40) + "..." : s) + "\"";
        }
        if (value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        return value instanceof io.vertx.core.json.JsonArray || value instanceof java.util.List ? "an array" : "an object";
    }

    private static Class<?> box(Class<?> type) {
        if (type == Integer.class || type == Long.class || type == Short.class || type == Byte.class
                || type == Double.class || type == Float.class || type == Boolean.class || type == Character.class) {
            return type;
        }
        return null;
    }

    private static Class<?> boxOf(Class<?> primitive) {
        if (primitive == int.class) {
            return Integer.class;
        }
        if (primitive == long.class) {
            return Long.class;
        }
        if (primitive == boolean.class) {
            return Boolean.class;
        }
        if (primitive == double.class) {
            return Double.class;
        }
        if (primitive == float.class) {
            return Float.class;
        }
        if (primitive == short.class) {
            return Short.class;
        }
        if (primitive == byte.class) {
            return Byte.class;
        }
        return Character.class;
    }
}
