package io.quarkiverse.live.runtime.component;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import io.quarkiverse.live.Errors;

/**
 * A component's {@link Errors}. Each call of a handler settles the keys it covers, the names of its parameters and the
 * fields of the forms it received, together with the keys it set before: a rejected call replaces their messages, a
 * successful one clears them. So a live check while typing and the final submit agree on what is shown. Only touched
 * on the component's task queue.
 */
public final class FieldErrors implements Errors {

    // Created by the first message: most components never show one, and every waiting component has its errors
    private Map<String, String> messages;
    private Map<String, String> setBy;

    public void update(String handler, Set<String> covered, Map<String, String> newMessages) {
        if (messages == null) {
            if (newMessages.isEmpty()) {
                return;
            }
            messages = new LinkedHashMap<>();
            setBy = new HashMap<>();
        }
        messages.keySet().removeIf(key -> handler.equals(setBy.get(key)) || isCovered(key, covered));
        setBy.keySet().retainAll(messages.keySet());
        newMessages.forEach((key, message) -> {
            messages.put(key, message);
            setBy.put(key, handler);
        });
    }

    /** Whether the key, or the first segment of a dotted key ({@code address} of {@code address.street}), is named. */
    public static boolean isCovered(String key, Set<String> covered) {
        int dot = key.indexOf('.');
        return covered.contains(key) || dot > 0 && covered.contains(key.substring(0, dot));
    }

    @Override
    public boolean has(String key) {
        return messages != null && messages.containsKey(key);
    }

    @Override
    public String get(String key) {
        return messages == null ? "" : messages.getOrDefault(key, "");
    }

    @Override
    public boolean isEmpty() {
        return messages == null || messages.isEmpty();
    }
}
