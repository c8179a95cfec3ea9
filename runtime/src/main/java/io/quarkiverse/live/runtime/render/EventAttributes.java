package io.quarkiverse.live.runtime.render;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rewrites the event attributes of a component template, {@code @click="..."}, to the one spelling the rendered page
 * carries, {@code data-live-click="..."}: browsers reject {@code @} in attribute names set from script, and morphing
 * sets attributes from script. {@code data-live-click} written by hand is left as it is.
 */
public final class EventAttributes {

    /**
     * {@code @name} (with dotted modifiers) at the start of an attribute, i.e. after white space, and ending where an
     * attribute ends: before {@code =}, white space, {@code >} or {@code />}.
     */
    private static final Pattern EVENT_ATTRIBUTE = Pattern
            .compile("(?<=\\s)@([A-Za-z][\\w-]*(?:\\.[\\w-]+)*)(?=\\s*=|\\s|/?>)");

    private EventAttributes() {
    }

    public static String rewrite(String templateContent) {
        Matcher matcher = EVENT_ATTRIBUTE.matcher(templateContent);
        StringBuilder rewritten = new StringBuilder(templateContent.length() + 64);
        while (matcher.find()) {
            // "@home" in a sentence is text, not an attribute
            matcher.appendReplacement(rewritten, insideTag(templateContent, matcher.start()) ? "data-live-$1" : "$0");
        }
        matcher.appendTail(rewritten);
        return rewritten.toString();
    }

    /** Whether the position is between a tag's {@code <} and its {@code >}. */
    public static boolean insideTag(String content, int position) {
        return content.lastIndexOf('<', position) > content.lastIndexOf('>', position);
    }
}
