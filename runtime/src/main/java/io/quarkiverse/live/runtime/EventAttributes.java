package io.quarkiverse.live.runtime;

import java.util.regex.Pattern;

/**
 * Rewrites the event attributes of a component template, {@code @click="..."}, to the one spelling the rendered page
 * carries, {@code data-live-click="..."}: browsers reject {@code @} in attribute names set from script, and morphing
 * sets attributes from script. {@code data-live-click} written by hand is left as it is.
 */
public final class EventAttributes {

    /** {@code @name} (with dotted modifiers) at the start of an attribute, i.e. after white space, before {@code =}. */
    private static final Pattern EVENT_ATTRIBUTE = Pattern.compile("(?<=\\s)@([A-Za-z][\\w-]*(?:\\.[\\w-]+)*)(?=\\s*=)");

    private EventAttributes() {
    }

    public static String rewrite(String templateContent) {
        return EVENT_ATTRIBUTE.matcher(templateContent).replaceAll("data-live-$1");
    }
}
