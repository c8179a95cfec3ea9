package io.quarkiverse.live.runtime.protocol;

import java.util.HashSet;
import java.util.Set;
import java.util.function.IntFunction;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * Reads the text of one client message into a {@link ClientMessage}, checking every field before anything reaches the
 * engine. A message that cannot be read throws a {@link BadMessage} carrying the {@code error} to answer.
 */
public final class MessageReader {

    /** The newest protocol version this server speaks; it speaks version 1 too. */
    public static final int VERSION = 2;
    private static final int MAX_ID_LENGTH = 64;

    private MessageReader() {
    }

    /**
     * Reads a message; {@code numbers} gives the id of a component by its number on the connection, for protocol 2's
     * events ({@code null} for a number no component has).
     */
    public static ClientMessage read(String text, IntFunction<String> numbers) throws BadMessage {
        if (!text.isEmpty() && text.charAt(0) == '[') {
            return compactEvent(text, numbers);
        }
        JsonObject message;
        try {
            message = new JsonObject(text);
        } catch (DecodeException | ClassCastException e) {
            throw new BadMessage(null, null, ErrorCode.MALFORMED, "Not a JSON object");
        }
        Long ref = null;
        Object refValue = message.getValue("ref");
        if (refValue instanceof Integer || refValue instanceof Long) {
            ref = ((Number) refValue).longValue();
        } else if (refValue != null) {
            // A fraction or a number past long would be answered under another ref than the client's
            throw new BadMessage(null, null, ErrorCode.MALFORMED, "'ref' must be a whole number");
        }
        Object idValue = message.getValue("id");
        // Ids are 22 characters; a longer one names nothing, and is not echoed back at length
        String id = idValue instanceof String s && s.length() <= MAX_ID_LENGTH ? s : null;
        if (!(message.getValue("t") instanceof String type)) {
            throw new BadMessage(ref, id, ErrorCode.MALFORMED, "Missing message type 't'");
        }
        if (id == null && (type.equals("join") || type.equals("event") || type.equals("leave"))) {
            throw new BadMessage(ref, null, ErrorCode.MALFORMED,
                    "'id' must be a component id: a string of at most " + MAX_ID_LENGTH + " characters");
        }
        return switch (type) {
            case "join" -> join(message, ref, id);
            case "event" -> event(message, ref, id);
            case "leave" -> new ClientMessage.Leave(id);
            default -> throw new BadMessage(ref, id, ErrorCode.UNKNOWN_MESSAGE,
                    "Unknown message type '" + type + "'; expected 'join', 'event' or 'leave'");
        };
    }

    /** The longest mount description a join may carry: its props are a page's few literal values. */
    static final int MAX_MOUNT_LENGTH = 4096;

    private static ClientMessage.Join join(JsonObject message, Long ref, String id) throws BadMessage {
        Object version = message.getValue("v");
        if (!(version instanceof Integer v) || v < 1 || v > VERSION) {
            throw new BadMessage(ref, id, ErrorCode.UNSUPPORTED_VERSION,
                    "This server speaks protocol versions 1 and " + VERSION + ", not " + version);
        }
        Object token = message.getValue("token");
        if (token != null && !(token instanceof String)) {
            throw new BadMessage(ref, id, ErrorCode.MALFORMED, "'token' must be a string");
        }
        Object mount = message.getValue("mount");
        if (mount != null && !(mount instanceof String claim && claim.length() <= MAX_MOUNT_LENGTH)) {
            throw new BadMessage(ref, id, ErrorCode.MALFORMED,
                    "'mount' must be a string of at most " + MAX_MOUNT_LENGTH + " characters");
        }
        return new ClientMessage.Join(ref, id, (String) token, (String) mount, (Integer) version);
    }

    private static ClientMessage.Event event(JsonObject message, Long ref, String id) throws BadMessage {
        return event(ref, id, message.getValue("handler"), message.getValue("seq"), message.getValue("args"),
                message.getValue("touched"), false);
    }

    /** Protocol 2's event: {@code [ref, number, seq, "handler", [args], [touched]]}, the last two optional. */
    private static ClientMessage.Event compactEvent(String text, IntFunction<String> numbers) throws BadMessage {
        JsonArray message;
        try {
            message = new JsonArray(text);
        } catch (DecodeException | ClassCastException e) {
            throw new BadMessage(null, null, ErrorCode.MALFORMED, "Not a JSON array");
        }
        if (message.size() < 4 || message.size() > 6) {
            throw new BadMessage(null, null, ErrorCode.MALFORMED,
                    "An event is [ref, component, seq, handler, args, touched], the last two optional");
        }
        if (!(message.getValue(0) instanceof Integer || message.getValue(0) instanceof Long)) {
            throw new BadMessage(null, null, ErrorCode.MALFORMED, "'ref' must be a whole number");
        }
        Long ref = ((Number) message.getValue(0)).longValue();
        String id = message.getValue(1) instanceof Integer number ? numbers.apply(number) : null;
        if (id == null) {
            throw new BadMessage(ref, null, ErrorCode.UNKNOWN_COMPONENT,
                    "No component with number " + message.getValue(1) + " is joined on this connection");
        }
        return event(ref, id, message.getValue(3), message.getValue(2), message.size() > 4 ? message.getValue(4) : null,
                message.size() > 5 ? message.getValue(5) : null, true);
    }

    private static ClientMessage.Event event(Long ref, String id, Object handlerValue, Object seq, Object args,
            Object touched, boolean compact) throws BadMessage {
        if (!(handlerValue instanceof String handler) || handler.isEmpty()) {
            throw new BadMessage(ref, id, ErrorCode.MALFORMED, "'handler' must be a non-empty string");
        }
        if (seq != null && !(seq instanceof Integer || seq instanceof Long)) {
            throw new BadMessage(ref, id, ErrorCode.MALFORMED, "'seq' must be a whole number");
        }
        if (args != null && !(args instanceof JsonArray)) {
            throw new BadMessage(ref, id, ErrorCode.MALFORMED, "'args' must be an array");
        }
        if (touched != null && !(touched instanceof JsonArray)) {
            throw new BadMessage(ref, id, ErrorCode.MALFORMED, "'touched' must be an array of field names");
        }
        Set<String> touchedNames = null;
        if (touched != null) {
            touchedNames = new HashSet<>();
            for (Object field : (JsonArray) touched) {
                touchedNames.add(String.valueOf(field));
            }
        }
        return new ClientMessage.Event(ref, id, seq == null ? null : ((Number) seq).longValue(), handler,
                args == null ? new JsonArray() : (JsonArray) args, touchedNames, compact);
    }

    /** A message that cannot be read, with the error to answer it with. */
    public static final class BadMessage extends Exception {

        private final Long ref;
        private final String id;
        private final String code;

        BadMessage(Long ref, String id, String code, String message) {
            super(message, null, false, false);
            this.ref = ref;
            this.id = id;
            this.code = code;
        }

        public String reply() {
            return Replies.error(ref, id, code, getMessage()).encode();
        }
    }
}
