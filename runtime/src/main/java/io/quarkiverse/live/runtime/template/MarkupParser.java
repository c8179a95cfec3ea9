package io.quarkiverse.live.runtime.template;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.quarkiverse.live.runtime.template.Markup.Attribute;
import io.quarkiverse.live.runtime.template.Markup.Comment;
import io.quarkiverse.live.runtime.template.Markup.EndTag;
import io.quarkiverse.live.runtime.template.Markup.QuteTag;
import io.quarkiverse.live.runtime.template.Markup.StartTag;
import io.quarkiverse.live.runtime.template.Markup.Text;
import io.quarkiverse.live.runtime.template.Markup.Token;

/**
 * Reads a template into {@link Markup}: the tokenizer of the HTML standard for what templates hold (tags, attributes
 * quoted, unquoted or without a value, comments, doctypes, the raw text of {@code <script>}, {@code <style>},
 * {@code <textarea>} and {@code <title>}), and Qute's own rule for where its tags are. It never fails: what HTML would
 * read as text is text, and a tag the source leaves open is marked {@code unclosed}.
 */
public final class MarkupParser {

    /** Elements without content or end tag. */
    private static final Set<String> VOID = Set.of("area", "base", "br", "col", "embed", "hr", "img", "input", "link",
            "meta", "param", "source", "track", "wbr");
    /** Elements whose content is text up to their end tag, tags and all. */
    private static final Set<String> RAW_TEXT = Set.of("script", "style", "textarea", "title");
    /** Qute tag kinds: section start, section end, section block, parameter declaration, comment, unparsed text. */
    private static final String QUTE_COMMANDS = "#/:@!|";

    private final String source;
    private final List<Token> tokens = new ArrayList<>();
    private int pos;
    private int textStart = -1;

    private MarkupParser(String source) {
        this.source = source;
    }

    public static Markup parse(String source) {
        MarkupParser parser = new MarkupParser(source);
        parser.content(source.length());
        return new Markup(source, List.copyOf(parser.tokens));
    }

    static boolean isVoid(String name) {
        return VOID.contains(name);
    }

    /** Tokens up to {@code limit}. */
    private void content(int limit) {
        while (pos < limit) {
            char c = source.charAt(pos);
            if (isQuteTagStart(source, pos)) {
                quteTag();
            } else if (c == '<' && source.startsWith("<!--", pos)) {
                comment(source.indexOf("-->", pos + 4), 3);
            } else if (c == '<' && pos + 1 < limit && (source.charAt(pos + 1) == '!' || source.charAt(pos + 1) == '?')) {
                comment(source.indexOf('>', pos), 1);
            } else if (c == '<' && pos + 2 < limit && source.charAt(pos + 1) == '/' && isAsciiLetter(source.charAt(pos + 2))) {
                endTag();
            } else if (c == '<' && pos + 1 < limit && isAsciiLetter(source.charAt(pos + 1))) {
                startTag();
            } else {
                text(pos + 1);
            }
        }
        flushText();
    }

    private void text(int to) {
        if (textStart < 0) {
            textStart = pos;
        }
        pos = to;
    }

    private void flushText() {
        if (textStart >= 0) {
            tokens.add(new Text(textStart, pos));
            textStart = -1;
        }
    }

    private void comment(int closeAt, int closeLength) {
        flushText();
        int end = closeAt < 0 ? source.length() : closeAt + closeLength;
        tokens.add(new Comment(pos, end));
        pos = end;
    }

    private void endTag() {
        flushText();
        int start = pos;
        pos += 2;
        String name = name();
        while (pos < source.length() && source.charAt(pos) != '>') {
            skipCharOrQuteTag();
        }
        pos = Math.min(pos + 1, source.length());
        tokens.add(new EndTag(name, start, pos));
    }

    private void startTag() {
        flushText();
        int start = pos;
        pos++;
        String name = name();
        List<Attribute> attributes = new ArrayList<>();
        boolean selfClosing = false;
        boolean closed = false;
        while (pos < source.length()) {
            char c = source.charAt(pos);
            if (Character.isWhitespace(c)) {
                pos++;
            } else if (c == '>') {
                pos++;
                closed = true;
                break;
            } else if (c == '/' && source.startsWith("/>", pos)) {
                pos += 2;
                selfClosing = true;
                closed = true;
                break;
            } else if (c == '/') {
                pos++; // a stray slash between attributes is ignored, as in HTML
            } else if (isQuteTagStart(source, pos)) {
                pos = quteTagEnd(source, pos); // {#if on}checked{/if}: the attributes inside count as written
            } else {
                attributes.add(attribute());
            }
        }
        tokens.add(new StartTag(name, List.copyOf(attributes), selfClosing, !closed, start, pos));
        if (closed && !selfClosing && RAW_TEXT.contains(name)) {
            rawText(name);
        }
    }

    /** The content of a raw-text element up to its end tag: text and Qute tags, no HTML tags. */
    private void rawText(String name) {
        int end = indexOfIgnoreCase("</" + name, pos);
        int limit = end < 0 ? source.length() : end;
        while (pos < limit) {
            if (isQuteTagStart(source, pos)) {
                quteTag();
            } else {
                text(pos + 1);
            }
        }
        flushText();
    }

    /** The Qute tag that starts here, as a token of its kind. */
    private void quteTag() {
        int end = quteTagEnd(source, pos);
        flushText();
        char kind = source.charAt(pos + 1);
        tokens.add(new QuteTag(QUTE_COMMANDS.indexOf(kind) >= 0 ? kind : '{', pos, end));
        pos = end;
    }

    private Attribute attribute() {
        int start = pos;
        while (pos < source.length()) {
            char c = source.charAt(pos);
            if (Character.isWhitespace(c) || c == '>' || c == '=' || c == '/' && pos > start
                    || isQuteTagStart(source, pos) && QUTE_COMMANDS.indexOf(source.charAt(pos + 1)) >= 0) {
                break; // a section's tag ends the name: {#if on}checked{/if}
            }
            skipCharOrQuteTag();
        }
        String name = source.substring(start, pos);
        int afterName = pos;
        skipWhitespace();
        if (pos >= source.length() || source.charAt(pos) != '=') {
            pos = afterName;
            return new Attribute(name, null, (char) 0, start, afterName);
        }
        pos++;
        skipWhitespace();
        char quote = pos < source.length() ? source.charAt(pos) : 0;
        if (quote == '"' || quote == '\'') {
            int valueStart = ++pos;
            while (pos < source.length() && source.charAt(pos) != quote) {
                skipCharOrQuteTag();
            }
            String value = source.substring(valueStart, Math.min(pos, source.length()));
            pos = Math.min(pos + 1, source.length());
            return new Attribute(name, value, quote, start, pos);
        }
        int valueStart = pos;
        while (pos < source.length() && !Character.isWhitespace(source.charAt(pos)) && source.charAt(pos) != '>') {
            skipCharOrQuteTag();
        }
        return new Attribute(name, source.substring(valueStart, pos), (char) 0, start, pos);
    }

    private void skipCharOrQuteTag() {
        pos = isQuteTagStart(source, pos) ? quteTagEnd(source, pos) : pos + 1;
    }

    private String name() {
        int start = pos;
        while (pos < source.length() && !Character.isWhitespace(source.charAt(pos)) && source.charAt(pos) != '>'
                && source.charAt(pos) != '/') {
            pos++;
        }
        return source.substring(start, pos).toLowerCase(Locale.ROOT);
    }

    private void skipWhitespace() {
        while (pos < source.length() && Character.isWhitespace(source.charAt(pos))) {
            pos++;
        }
    }

    private int indexOfIgnoreCase(String what, int from) {
        for (int i = from; i + what.length() <= source.length(); i++) {
            if (source.regionMatches(true, i, what, 0, what.length())) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isAsciiLetter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }

    /**
     * Whether a Qute tag starts here: a brace followed by a section, comment or parameter command, a letter, a digit or
     * an underscore, as Qute's parser decides; {@code { x}} and {@code {}} stay text. A backslash before the brace
     * escapes it.
     */
    public static boolean isQuteTagStart(String text, int at) {
        if (text.charAt(at) != '{' || at + 1 >= text.length() || at > 0 && text.charAt(at - 1) == '\\') {
            return false;
        }
        char next = text.charAt(at + 1);
        return QUTE_COMMANDS.indexOf(next) >= 0 || next == '_' || Character.isDigit(next) || Character.isAlphabetic(next);
    }

    /**
     * Where the Qute tag starting at {@code at} ends (exclusive): after {@code !}} for a comment, {@code |}} for
     * unparsed text, else after the first brace outside a string literal; the end of the text when it never closes.
     */
    public static int quteTagEnd(String text, int at) {
        char kind = text.charAt(at + 1);
        if (kind == '!' || kind == '|') {
            int close = text.indexOf(kind + "}", at + 2);
            return close < 0 ? text.length() : close + 2;
        }
        char quote = 0;
        for (int i = at + 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '}') {
                return i + 1;
            }
        }
        return text.length();
    }
}
