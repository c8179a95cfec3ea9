package io.quarkiverse.live.runtime.template;

/**
 * Text as it passes between a template's source, the HTML of the page and the JSON the browser reads from an
 * attribute.
 */
public final class HtmlText {

    private HtmlText() {
    }

    /**
     * The value of an attribute as the browser reads it: the character references templates use for quotes and markup
     * ({@code &quot; &apos; &lt; &gt; &amp;}, decimal and hexadecimal ones) decoded; Qute tags are left as written, as
     * Qute renders them before the browser reads anything.
     */
    public static String decodeAttribute(String value) {
        StringBuilder decoded = new StringBuilder(value.length());
        int i = 0;
        while (i < value.length()) {
            if (MarkupParser.isQuteTagStart(value, i)) {
                int end = MarkupParser.quteTagEnd(value, i);
                decoded.append(value, i, end);
                i = end;
                continue;
            }
            char c = value.charAt(i);
            int semicolon = c == '&' ? value.indexOf(';', i) : -1;
            String decodedReference = semicolon > i ? reference(value.substring(i + 1, semicolon)) : null;
            if (decodedReference != null) {
                decoded.append(decodedReference);
                i = semicolon + 1;
            } else {
                decoded.append(c);
                i++;
            }
        }
        return decoded.toString();
    }

    private static String reference(String name) {
        switch (name) {
            case "quot":
                return "\"";
            case "apos":
                return "'";
            case "lt":
                return "<";
            case "gt":
                return ">";
            case "amp":
                return "&";
            default:
                try {
                    if (name.startsWith("#x") || name.startsWith("#X")) {
                        return Character.toString(Integer.parseInt(name.substring(2), 16));
                    }
                    if (name.startsWith("#")) {
                        return Character.toString(Integer.parseInt(name.substring(1)));
                    }
                } catch (IllegalArgumentException e) {
                    // not a character reference: the text stays as written
                }
                return null;
        }
    }

    /** Escapes text for a double-quoted attribute value or element content. */
    public static void escape(CharSequence text, StringBuilder to) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> to.append("&amp;");
                case '"' -> to.append("&quot;");
                case '\'' -> to.append("&#39;");
                case '<' -> to.append("&lt;");
                case '>' -> to.append("&gt;");
                default -> to.append(c);
            }
        }
    }

    /**
     * Appends the JSON string of {@code text} without its quotes. A brace is written as {@code \u007b}: the JSON goes
     * into a template, where a brace could start a Qute tag.
     */
    public static void jsonStringContent(CharSequence text, StringBuilder to) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> to.append("\\\"");
                case '\\' -> to.append("\\\\");
                case '\n' -> to.append("\\n");
                case '\r' -> to.append("\\r");
                case '\t' -> to.append("\\t");
                default -> {
                    if (c < 0x20 || c == '{' || c == '\u2028' || c == '\u2029') {
                        to.append(String.format("\\u%04x", (int) c));
                    } else {
                        to.append(c);
                    }
                }
            }
        }
    }
}
