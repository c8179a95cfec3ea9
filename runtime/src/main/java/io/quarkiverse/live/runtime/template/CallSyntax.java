package io.quarkiverse.live.runtime.template;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * The call grammar of event attributes, {@code handler} or {@code handler(arg, ...)}, in its one place: the build checks
 * calls with it and the running application turns them into what the browser reads ({@link EventAttributes}), so the
 * browser parses no grammar of its own.
 *
 * <pre>
 * call     = handler [ "(" [ arg { "," arg } ] ")" ]      white space allowed around every part
 * handler  = a Java identifier
 * arg      = number | string | "true" | "false" | "null" | expression | name
 * number   = a JSON number: -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?
 * string   = '...' or "..." ; a backslash takes the next character as it is; may hold Qute expressions
 * expression = a Qute expression, {item.id}: its value, rendered on the server
 * name     = identifier { identifier-part | "." | "-" } : value, checked, or a form field of the element's form
 * </pre>
 *
 * The text is the attribute value as the browser reads it: character references decoded, Qute tags as written.
 */
public final class CallSyntax {

    private static final String NUMBER = "-?(0|[1-9]\\d*)(\\.\\d+)?([eE][+-]?\\d+)?";

    /** One argument as written in the template. */
    public sealed interface Argument {
    }

    /** A literal whose value is known at build time: a number, a {@link String}, a Boolean or null. */
    public record Literal(Object value, String source) implements Argument {
    }

    /** A bare name: a form field, {@code value} or {@code checked}; its value comes from the page. */
    public record Name(String name) implements Argument {
    }

    /** A Qute expression, {@code {item.id}} as written: the argument is its value, rendered on the server. */
    public record Expression(String tag) implements Argument {

        /** The expression without its braces. */
        public String expression() {
            return tag.substring(1, tag.length() - 1).trim();
        }
    }

    /** A string holding Qute expressions, {@code 'row-{item.id}'}: text parts and {@link Expression}s in order. */
    public record Interpolated(List<Object> parts, String source) implements Argument {
    }

    public record Call(String handler, List<Argument> arguments) {
    }

    private final String text;
    private int pos;

    private CallSyntax(String text) {
        this.text = text;
    }

    /**
     * @throws IllegalArgumentException saying what is wrong and where
     */
    public static Call parse(String text) {
        return new CallSyntax(text).call();
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
            return quoted(c);
        }
        if (MarkupParser.isQuteTagStart(text, pos)) {
            return expression();
        }
        if (c == '-' || Character.isDigit(c)) {
            while (pos < text.length() && "+-.eE0123456789".indexOf(text.charAt(pos)) >= 0) {
                pos++;
            }
            String number = text.substring(start, pos);
            if (!number.matches(NUMBER)) {
                pos = start;
                throw error("'" + number + "' is not a number (numbers are written as in JSON: no leading zeros, "
                        + "digits on both sides of the point)");
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

    private Argument quoted(char quote) {
        int start = pos;
        List<Object> parts = new ArrayList<>();
        StringBuilder value = new StringBuilder();
        pos++;
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == quote) {
                pos++;
                String source = text.substring(start, pos);
                if (parts.isEmpty()) {
                    return new Literal(value.toString(), source);
                }
                if (!value.isEmpty()) {
                    parts.add(value.toString());
                }
                return new Interpolated(List.copyOf(parts), source);
            }
            if (MarkupParser.isQuteTagStart(text, pos)) {
                if (!value.isEmpty()) {
                    parts.add(value.toString());
                    value.setLength(0);
                }
                parts.add(expression());
                continue;
            }
            pos++;
            if (c == '\\' && pos < text.length()) {
                c = text.charAt(pos++);
            }
            value.append(c);
        }
        throw error("unclosed string");
    }

    /** A Qute expression tag; sections, comments and the like have no value to pass. */
    private Expression expression() {
        int start = pos;
        if ("#/:@!|".indexOf(text.charAt(pos + 1)) >= 0) {
            throw error("a Qute section, comment or declaration is no argument; pass an expression such as {item.id}");
        }
        pos = MarkupParser.quteTagEnd(text, pos);
        if (text.charAt(pos - 1) != '}') {
            throw error("unclosed Qute expression");
        }
        return new Expression(text.substring(start, pos));
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
