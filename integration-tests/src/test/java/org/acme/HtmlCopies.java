package org.acme;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * What a browser keeps of each component, for the protocol clients of the tests: the HTML last received, which later
 * messages edit ({@code d}: {@code [at, removed, inserted, ...]}). A message that came as edits is given the whole
 * new HTML under {@code html}, as the browser would morph it, and keeps its {@code d}.
 */
final class HtmlCopies {

    private final Map<String, String> byId = new ConcurrentHashMap<>();

    JsonObject read(JsonObject message) {
        String id = message.getString("id");
        String html = message.getString("html");
        JsonArray edits = message.getJsonArray("d");
        if (id != null && html != null) {
            byId.put(id, html);
        } else if (id != null && edits != null) {
            String copy = byId.get(id);
            if (copy == null) {
                throw new IllegalStateException("Edits of " + id + ", whose HTML this client never received whole: "
                        + message.encode());
            }
            String edited = apply(copy, edits);
            byId.put(id, edited);
            message.put("html", edited);
        }
        return message;
    }

    /** The HTML with the edits applied, as the browser runtime applies them. */
    static String apply(String html, JsonArray edits) {
        StringBuilder edited = new StringBuilder(html.length() + 64);
        int copied = 0;
        for (int i = 0; i < edits.size(); i += 3) {
            int at = edits.getInteger(i);
            edited.append(html, copied, at).append(edits.getString(i + 2));
            copied = at + edits.getInteger(i + 1);
        }
        return edited.append(html, copied, html.length()).toString();
    }
}
