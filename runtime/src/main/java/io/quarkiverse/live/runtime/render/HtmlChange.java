package io.quarkiverse.live.runtime.render;

import io.vertx.core.json.JsonArray;

/**
 * What a browser needs to go from the HTML it last received for a component to the new one: the whole HTML, or edits
 * of its copy ({@code [at, removed, inserted, ...]}: at index {@code at} of the old HTML, {@code removed} characters
 * give way to the string {@code inserted}; positions count UTF-16 code units, as Java and JavaScript strings do, and
 * ascend).
 */
public record HtmlChange(String html, JsonArray edits) {

    /**
     * The change from {@code before} to {@code after} as edits: the common beginning and end are kept, what lies between
     * is replaced. A surrogate pair is never split, so every string sent is valid UTF-16. The whole HTML when that is no
     * longer than the edits.
     */
    public static HtmlChange between(String before, String after) {
        int limit = Math.min(before.length(), after.length());
        int prefix = 0;
        while (prefix < limit && before.charAt(prefix) == after.charAt(prefix)) {
            prefix++;
        }
        if (prefix > 0 && prefix < limit && Character.isHighSurrogate(before.charAt(prefix - 1))) {
            prefix--;
        }
        int suffix = 0;
        while (suffix < limit - prefix
                && before.charAt(before.length() - 1 - suffix) == after.charAt(after.length() - 1 - suffix)) {
            suffix++;
        }
        if (suffix > 0 && suffix < after.length() - prefix
                && Character.isLowSurrogate(after.charAt(after.length() - suffix))) {
            suffix--;
        }
        String inserted = after.substring(prefix, after.length() - suffix);
        if (inserted.length() + 24 >= after.length()) {
            return whole(after);
        }
        return new HtmlChange(null, new JsonArray().add(prefix).add(before.length() - prefix - suffix).add(inserted));
    }

    public static HtmlChange whole(String html) {
        return new HtmlChange(html, null);
    }
}
