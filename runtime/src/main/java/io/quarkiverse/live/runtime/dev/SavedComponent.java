package io.quarkiverse.live.runtime.dev;

import java.util.HashMap;
import java.util.Map;

/**
 * What a dev-mode restart keeps of one component: enough to mount it again, with the same id, for the browser that
 * shows it. Kept as JDK values only (strings, numbers, maps), since the restarted application has new class loaders:
 * each state field is the JSON its value wrote, with the generic type it had.
 *
 * @param fields the JSON of each state field kept, by name
 * @param types the generic type of each field kept, by name (as {@code java.util.List<org.acme.Todo>})
 * @param lastSeq the number of the component's last event applied, so the browser's numbering goes on
 */
record SavedComponent(String id, String component, String browser, String token, long lastSeq,
        Map<String, String> fields, Map<String, String> types, long savedAtMillis) {

    Map<String, Object> toMap() {
        Map<String, Object> map = new HashMap<>();
        map.put("id", id);
        map.put("component", component);
        map.put("browser", browser);
        map.put("token", token);
        map.put("lastSeq", lastSeq);
        map.put("fields", Map.copyOf(fields));
        map.put("types", Map.copyOf(types));
        map.put("savedAt", savedAtMillis);
        return map;
    }

    @SuppressWarnings("unchecked")
    static SavedComponent fromMap(Map<String, Object> map) {
        return new SavedComponent((String) map.get("id"), (String) map.get("component"), (String) map.get("browser"),
                (String) map.get("token"), (Long) map.get("lastSeq"), (Map<String, String>) map.get("fields"),
                (Map<String, String>) map.get("types"), (Long) map.get("savedAt"));
    }
}
