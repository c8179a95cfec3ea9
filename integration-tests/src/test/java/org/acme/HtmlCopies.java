package org.acme;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.quarkiverse.live.runtime.render.HtmlChange;
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
            String edited = HtmlChange.apply(copy, edits);
            byId.put(id, edited);
            message.put("html", edited);
        }
        return message;
    }

    /**
     * Protocol 2's answer or render ({@code [ref, change]}, {@code [0, number, change]}) as version 1's object for the
     * component {@code id}: {@code html} for the whole HTML, {@code d} for edits, neither when nothing changed.
     */
    static JsonObject asObject(JsonArray message, String id) {
        long ref = message.getLong(0);
        JsonObject object = new JsonObject().put("t", ref == 0 ? "render" : "ok").put("id", id);
        if (ref != 0) {
            object.put("ref", ref);
        }
        int at = ref == 0 ? 2 : 1;
        Object change = message.size() > at ? message.getValue(at) : null;
        if (change instanceof String html) {
            object.put("html", html);
        } else if (change instanceof JsonArray edits) {
            object.put("d", edits);
        }
        return object;
    }
}
