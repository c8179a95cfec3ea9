package io.quarkiverse.live.deployment;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the value of an event attribute, {@code handler} or {@code handler(arg, ...)}, with the grammar the browser
 * runtime uses (docs: the wire protocol): numbers, quoted strings, {@code true}/{@code false}/{@code null}, bare names
 * (form fields, {@code value}, {@code checked}) and Qute expressions, which the server renders into a literal.
 */
final class CallParser {

    /** One argument as written in the template. */
    sealed interface Argument {
    }

    /** A literal whose value is known at build time: a number, a {@link String}, a Boolean or null. */
    record Literal(Object value, String source) implements Argument {
    }

    /** A bare name: a form field, {@code value} or {@code checked}; its value comes from the page. */
    record Name(String name) implements Argument {
    }

    /** A Qute expression such as {@code {item.id}}, rendered on the server before the page leaves. */
    record Expression(String source) implements Argument {
    }

    record Call(String handler, List<Argument> arguments) {
    }

    private final String text;
    private int pos;

    private CallParser(String text) {
        this.text = text;
    }

    /**
     * @throws IllegalArgumentException saying what is wrong and where
     */
    static Call parse(String text) {
        return new CallParser(text).call();
    }

    private Call call() {
        skipSpace();
        String handler = identifier();
        if (handler.isEmpty()) {
            throw error("expected a handler name");
        }
        skipSpace();
        List<Argument> arguments = new ArrayList<>();
        if (pos < text.length() && text.charAt(pos) == '(') {
            pos++;
            skipSpace();
            if (peek() == ')') {
                pos++;
            } else {
                while (true) {
                    arguments.add(argument());
                    skipSpace();
                    char c = peek();
                    pos++;
                    if (c == ')') {
                        break;
                    }
                    if (c != ',') {
                        pos--;
                        throw error("expected ',' or ')'");
                    }
                    skipSpace();
                }
            }
            skipSpace();
        }
        if (pos != text.length()) {
            throw error("unexpected text after the call");
        }
        return new Call(handler, arguments);
    }

    private Argument argument() {
        char c = peek();
        int start = pos;
        if (c == '\'' || c == '"') {
            return new Literal(quoted(c), text.substring(start, pos));
        }
        if (c == '{') {
            int end = text.indexOf('}', pos);
            if (end < 0) {
                throw error("unclosed Qute expression");
            }
            pos = end + 1;
            return new Expression(text.substring(start, pos));
        }
        if (c == '-' || Character.isDigit(c)) {
            while (pos < text.length() && "+-.eE0123456789".indexOf(text.charAt(pos)) >= 0) {
                pos++;
            }
            String number = text.substring(start, pos);
            if (!number.matches("-?(0|[1-9]\\d*)(\\.\\d+)?([eE][+-]?\\d+)?")) {
                pos = start;
                throw error("'" + number + "' is not a number");
            }
            return new Literal(jsonNumber(number), number);
        }
        String name = name();
        if (name.isEmpty()) {
            throw error("expected an argument");
        }
        return switch (name) {
            case "true" -> new Literal(Boolean.TRUE, name);
            case "false" -> new Literal(Boolean.FALSE, name);
            case "null" -> new Literal(null, name);
            default -> new Name(name);
        };
    }

    /** The number as the server receives it from the browser's JSON: an Integer or Long when whole, else a Double. */
    private static Object jsonNumber(String number) {
        if (number.matches("-?\\d+")) {
            BigInteger whole = new BigInteger(number);
            return whole.bitLength() < 32 ? (Object) whole.intValue()
                    : whole.bitLength() < 64 ? (Object) whole.longValue() : (Object) new BigDecimal(whole);
        }
        return Double.valueOf(number);
    }

    private String quoted(char quote) {
        StringBuilder value = new StringBuilder();
        pos++;
        while (pos < text.length()) {
            char c = text.charAt(pos++);
            if (c == quote) {
                return value.toString();
            }
            if (c == '\\' && pos < text.length()) {
                c = text.charAt(pos++);
            }
            value.append(c);
        }
        throw error("unclosed string");
    }

    private String identifier() {
        int start = pos;
        while (pos < text.length() && Character.isJavaIdentifierPart(text.charAt(pos))
                && (pos > start || Character.isJavaIdentifierStart(text.charAt(pos)))) {
            pos++;
        }
        return text.substring(start, pos);
    }

    /** A bare name may also hold '.' and '-' (form fields such as {@code user.email} or {@code first-name}). */
    private String name() {
        int start = pos;
        String first = identifier();
        if (first.isEmpty()) {
            return first;
        }
        while (pos < text.length() && (Character.isJavaIdentifierPart(text.charAt(pos)) || text.charAt(pos) == '.'
                || text.charAt(pos) == '-')) {
            pos++;
        }
        return text.substring(start, pos);
    }

    private char peek() {
        if (pos >= text.length()) {
            throw error("unexpected end");
        }
        return text.charAt(pos);
    }

    private void skipSpace() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private IllegalArgumentException error(String what) {
        return new IllegalArgumentException(what + " at column " + (pos + 1));
    }
}
