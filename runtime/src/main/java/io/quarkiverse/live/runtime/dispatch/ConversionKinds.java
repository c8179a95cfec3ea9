package io.quarkiverse.live.runtime.dispatch;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import io.quarkiverse.live.UploadedFile;
import io.quarkiverse.live.runtime.dispatch.ConversionProblem.Kind;

/** Which message tells a user why a value did not convert: mostly a matter of the type it was meant for. */
final class ConversionKinds {

    private static final Set<Class<?>> WHOLE_NUMBERS = Set.of(int.class, long.class, short.class, byte.class,
            Integer.class, Long.class, Short.class, Byte.class, BigInteger.class);
    private static final Set<Class<?>> NUMBERS = Set.of(double.class, float.class, Double.class, Float.class,
            BigDecimal.class);
    private static final Set<Class<?>> DATES = Set.of(LocalDate.class, YearMonth.class);
    private static final Set<Class<?>> TIMES = Set.of(LocalTime.class, OffsetTime.class);
    private static final Set<Class<?>> DATE_TIMES = Set.of(LocalDateTime.class, OffsetDateTime.class,
            ZonedDateTime.class, Instant.class);

    private ConversionKinds() {
    }

    /**
     * @param failure what the deserializer threw, unwrapped from Jackson's path-only wrapper
     * @param target the type the value was meant for, {@code null} when the failure does not say
     * @param sent the value as the client sent it, {@code null} when it was null or could not be found
     */
    static Kind of(Throwable failure, Class<?> target, Object sent) {
        if (failure instanceof UnrecognizedPropertyException) {
            return Kind.UNKNOWN_FIELD;
        }
        if (failure instanceof InputCoercionException) {
            return Kind.RANGE;
        }
        if (failure instanceof BoundedNumbers.NumberRefused refused) {
            return refused.outOfRange() ? Kind.RANGE : Kind.NUMBER;
        }
        if (target == null) {
            return Kind.INVALID;
        }
        if (target.isPrimitive() && (sent == null || "".equals(sent))) {
            // A primitive has no empty value: an empty field is a missing one, not one of the wrong type
            return Kind.MISSING;
        }
        if (WHOLE_NUMBERS.contains(target)) {
            // "1.5" is a number but no whole one; "99999999999", one too large for an int
            BigDecimal number = number(sent);
            return number == null ? Kind.NUMBER
                    : number.stripTrailingZeros().scale() > 0 ? Kind.WHOLE_NUMBER : Kind.RANGE;
        }
        if (NUMBERS.contains(target)) {
            return Kind.NUMBER;
        }
        if (target == boolean.class || target == Boolean.class) {
            return Kind.BOOLEAN;
        }
        if (target.isEnum()) {
            return Kind.CHOICE;
        }
        if (DATES.contains(target)) {
            return Kind.DATE;
        }
        if (TIMES.contains(target)) {
            return Kind.TIME;
        }
        if (DATE_TIMES.contains(target)) {
            return Kind.DATE_TIME;
        }
        if (target == UploadedFile.class) {
            return Kind.UPLOAD;
        }
        if (target == String.class || target == char.class || target == Character.class) {
            return Kind.TEXT;
        }
        return Kind.INVALID;
    }

    /** The names an enum's values are sent by, for the message that lists them. */
    static List<String> choices(Class<?> enumType) {
        List<String> names = new ArrayList<>();
        for (Object constant : enumType.getEnumConstants()) {
            names.add(((Enum<?>) constant).name());
        }
        return names;
    }

    /** The number the client sent, as a number or as text, or {@code null} when it sent no number. */
    private static BigDecimal number(Object sent) {
        if (sent instanceof Number number && !(sent instanceof Double d && !Double.isFinite(d))) {
            return new BigDecimal(number.toString());
        }
        if (sent instanceof String text && text.length() <= 100) {
            try {
                return new BigDecimal(text.trim());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }
}
