package io.quarkiverse.live.runtime.dispatch;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Set;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;

/**
 * Keeps {@link ArgumentBinder}'s mapper from accepting numbers no form means but Jackson reads: it puts
 * {@link BoundedNumber} around the deserializers of {@code double}, {@code float}, their boxes, {@code BigDecimal} and
 * {@code BigInteger}, wherever they are used: parameters, record components, properties and collection elements.
 */
final class BoundedNumbers extends BeanDeserializerModifier {

    /** The most digits a {@code BigDecimal} may have before and after its point, and a {@code BigInteger} at all. */
    private static final int MAX_DIGITS = 1000;

    private static final BigInteger INTEGER_LIMIT = BigInteger.TEN.pow(MAX_DIGITS);
    private static final Set<Class<?>> BOUNDED = Set.of(double.class, Double.class, float.class, Float.class,
            BigDecimal.class, BigInteger.class);

    @Override
    public JsonDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription description,
            JsonDeserializer<?> deserializer) {
        Class<?> type = description.getBeanClass();
        return BOUNDED.contains(type) ? new BoundedNumber(deserializer, type) : deserializer;
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
                    throw new NumberRefused(p,
                            ArgumentBinder.describe(text) + " is not a valid " + ArgumentBinder.typeName(type), false);
                }
                throw outOfRange(p);
            }
            return value;
        }

        private NumberRefused outOfRange(JsonParser p) {
            return new NumberRefused(p, "out of range for " + ArgumentBinder.typeName(type), true);
        }
    }

    /**
     * A number refused by {@link BoundedNumber}; its message is the one the client gets, so {@link ArgumentBinder}
     * tells it from Jackson's own failures, whose messages it rewrites.
     */
    static final class NumberRefused extends JsonMappingException {

        private final boolean outOfRange;

        private NumberRefused(JsonParser p, String message, boolean outOfRange) {
            super(p, message);
            this.outOfRange = outOfRange;
        }

        /** Whether the number is too large, too small or too long, rather than no number at all ({@code NaN}). */
        boolean outOfRange() {
            return outOfRange;
        }
    }
}
