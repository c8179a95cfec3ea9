package io.quarkiverse.live.runtime.template;

import java.util.List;

/**
 * A component template read as HTML with Qute tags in it: the tokens in source order. Qute tags are opaque wherever
 * they stand (text, a tag, an attribute value), as Qute renders them before the browser parses the HTML, so a quote
 * or a {@code >} inside a Qute tag ends nothing. Offsets are character indexes into {@link #source()}.
 * <p>
 * The build reads it for every check of a template, and the running application for the rewrite of event attributes;
 * {@link MarkupParser} makes it.
 */
public record Markup(String source, List<Token> tokens) {

    /** One piece of a template. */
    public sealed interface Token {
        /** Where the token starts in the source. */
        int start();

        /** Where the token ends in the source (exclusive). */
        int end();
    }

    /**
     * A start tag: {@code <button class="x" @click="inc">}. {@code name} is lower case; {@code unclosed} when the
     * source ends inside it.
     */
    public record StartTag(String name, List<Attribute> attributes, boolean selfClosing, boolean unclosed, int start,
            int end) implements Token {

        /** Whether the element has no content and no end tag in HTML ({@code <input>}) or closes itself. */
        public boolean isEmpty() {
            return selfClosing || MarkupParser.isVoid(name);
        }
    }

    /** An end tag: {@code </button>}; {@code name} is lower case. */
    public record EndTag(String name, int start, int end) implements Token {
    }

    /** Character data: text between tags, or the content of {@code <script>}, {@code <style>}, {@code <textarea>}. */
    public record Text(int start, int end) implements Token {
    }

    /** An HTML comment, a doctype or a processing instruction: no content the page shows. */
    public record Comment(int start, int end) implements Token {
    }

    /**
     * A Qute tag: {@code {item.name}}, {@code {#for ...}}, {@code {/for}}, {@code {! comment !}}. {@code kind} is the
     * character after the brace when it is one of {@code # / : @ ! |}, else {@code '{'} for an expression.
     */
    public record QuteTag(char kind, int start, int end) implements Token {

        public boolean isExpression() {
            return kind == '{';
        }

        /** The section name of a {@code {#name ...}} or {@code {/name}} tag, else the empty string. */
        public String sectionName(String source) {
            if (kind != '#' && kind != '/') {
                return "";
            }
            int nameEnd = start + 2;
            while (nameEnd < end - 1 && !Character.isWhitespace(source.charAt(nameEnd))
                    && source.charAt(nameEnd) != '}' && source.charAt(nameEnd) != '/') {
                nameEnd++;
            }
            return source.substring(start + 2, nameEnd);
        }
    }

    /**
     * An attribute of a start tag. {@code value} is its source text between the quotes (entities and Qute tags as
     * written), or null when it has no value; {@code quote} is {@code '"'}, {@code '\''} or 0 for an unquoted or missing
     * value. {@code start} and {@code end} span the whole attribute, name to closing quote.
     */
    public record Attribute(String name, String value, char quote, int start, int end) {
    }

    /** The line, counted from 1, of a position in the source. */
    public int lineOf(int offset) {
        int line = 1;
        for (int i = 0; i < offset && i < source.length(); i++) {
            if (source.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    /** Every start tag, in source order. */
    public List<StartTag> startTags() {
        return tokens.stream().filter(StartTag.class::isInstance).map(StartTag.class::cast).toList();
    }
}
