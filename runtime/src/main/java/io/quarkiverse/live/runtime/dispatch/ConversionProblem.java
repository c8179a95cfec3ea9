package io.quarkiverse.live.runtime.dispatch;

import java.util.List;

/**
 * A value a client sent that could not be converted to the type it was meant for.
 *
 * @param key the parameter name, or the field path inside a record or POJO parameter, as forms name fields
 * @param kind what the value should have been: chooses the message the user reads ({@link ConversionMessages})
 * @param detail what went wrong, for the developer: the start of the value and the Java type
 * @param choices the constants of an enum, for {@link Kind#CHOICE}
 */
public record ConversionProblem(String key, Kind kind, String detail, List<String> choices) {

    /** What the value should have been; each names a message in {@code ConversionMessages.properties}. */
    public enum Kind {
        /** Nothing was entered for a primitive, which has no empty value. */
        MISSING("missing"),
        NUMBER("number"),
        WHOLE_NUMBER("whole-number"),
        /** A number too large or too small for its type, or with too many digits. */
        RANGE("range"),
        BOOLEAN("boolean"),
        /** Not one of an enum's constants. */
        CHOICE("choice"),
        DATE("date"),
        TIME("time"),
        DATE_TIME("date-time"),
        TEXT("text"),
        /** An upload id of no complete upload of the component. */
        UPLOAD("upload"),
        /** A field the form's type does not have. */
        UNKNOWN_FIELD("unknown-field"),
        INVALID("invalid");

        private final String messageKey;

        Kind(String name) {
            this.messageKey = "io.quarkiverse.live.conversion." + name;
        }

        /** The key of its message in a bundle, {@code io.quarkiverse.live.conversion.number} for example. */
        public String messageKey() {
            return messageKey;
        }
    }
}
