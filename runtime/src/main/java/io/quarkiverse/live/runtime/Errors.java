package io.quarkiverse.live.runtime;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The validation messages a template shows, by parameter name or field path: {@code {errors.email}} renders the
 * message for {@code email} (empty when there is none) and {@code {#if errors.has('email')}} tests for one.
 * <p>
 * Each call of a handler settles the keys it covers, the names of its scalar parameters and the fields of the forms
 * it received, together with the keys it set before: a rejected call replaces their messages, a successful one
 * clears them. So a live check while typing and the final submit agree on what is shown. Only touched on the
 * component's task queue.
 */
public final class Errors {

    private final Map<String, String> messages = new LinkedHashMap<>();
    private final Map<String, String> setBy = new HashMap<>();

    void update(String handler, Set<String> covered, Map<String, String> newMessages) {
        messages.keySet().removeIf(key -> handler.equals(setBy.get(key)) || isCovered(key, covered));
        setBy.keySet().retainAll(messages.keySet());
        newMessages.forEach((key, message) -> {
            messages.put(key, message);
            setBy.put(key, handler);
        });
    }

    /** Whether the key, or the first segment of a dotted key ({@code address} of {@code address.street}), is named. */
    static boolean isCovered(String key, Set<String> covered) {
        int dot = key.indexOf('.');
        return covered.contains(key) || dot > 0 && covered.contains(key.substring(0, dot));
    }

    public boolean has(String key) {
        return messages.containsKey(key);
    }

    /** The message for that key, or an empty string. */
    public String get(String key) {
        return messages.getOrDefault(key, "");
    }

    public boolean isEmpty() {
        return messages.isEmpty();
    }
}
