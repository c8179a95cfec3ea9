package io.quarkiverse.live.runtime.render;

/**
 * Marks the root element of a rendered component with {@code data-live-component} and {@code data-live-id}, which the
 * browser runtime uses to find the component and morph it, and with {@code data-live-mount} when the page carries a
 * claim other nodes of a cluster can mount it from.
 */
final class RootElement {

    private RootElement() {
    }

    /**
     * Adds the attributes to the first element of the HTML; wraps the HTML in a {@code div} when it does not start with
     * an element (text, or nothing), so every component has exactly one root to morph.
     */
    static String decorate(String html, String componentName, String id, String claim) {
        // Ids and claims are URL-safe base64: nothing to escape
        String attributes = " data-live-component=\"" + componentName + "\" data-live-id=\"" + id + "\""
                + (claim == null ? "" : " data-live-mount=\"" + claim + "\"");
        int start = firstElementStart(html);
        if (start < 0) {
            return "<div" + attributes + ">" + html + "</div>";
        }
        int nameEnd = start + 1;
        while (nameEnd < html.length() && isTagNameChar(html.charAt(nameEnd))) {
            nameEnd++;
        }
        return html.substring(start, nameEnd) + attributes + html.substring(nameEnd).stripTrailing();
    }

    /**
     * Adds the component's own form at the end of its root when buttons outside any form name it
     * ({@code form="<formId>"}: they post without JavaScript through it). Empty and hidden: with JavaScript it is never
     * submitted, and it adds no field to any other form.
     */
    static String withOwnForm(String html, String formId, String action) {
        int close = html.lastIndexOf("</");
        if (close < 0 || !html.contains(" form=\"" + formId + "\"")) {
            return html;
        }
        return html.substring(0, close) + "<form id=\"" + formId + "\" method=\"post\" action=\"" + action
                + "\" hidden></form>" + html.substring(close);
    }

    /** The index of the first element's {@code <}, skipping leading white space and comments; -1 when there is none. */
    private static int firstElementStart(String html) {
        int i = 0;
        while (i < html.length()) {
            char c = html.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (html.startsWith("<!--", i)) {
                int end = html.indexOf("-->", i + 4);
                if (end < 0) {
                    return -1;
                }
                i = end + 3;
            } else if (c == '<' && i + 1 < html.length() && Character.isLetter(html.charAt(i + 1))) {
                return i;
            } else {
                return -1;
            }
        }
        return -1;
    }

    private static boolean isTagNameChar(char c) {
        return Character.isLetterOrDigit(c) || c == '-' || c == ':' || c == '_';
    }
}
