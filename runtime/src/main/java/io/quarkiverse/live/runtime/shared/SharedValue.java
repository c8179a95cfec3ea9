package io.quarkiverse.live.runtime.shared;

import io.vertx.core.json.JsonObject;

/**
 * One version of a shared value, as JSON. Versions of a key grow by one with every change, which runs under the key's
 * lock: a node that hears of versions out of order keeps the highest.
 */
public record SharedValue(long version, String json) {

    public JsonObject toJson() {
        return new JsonObject().put("v", version).put("j", json);
    }

    /** The value stored or sent as {@link #toJson()}, or {@code null}. */
    public static SharedValue fromJson(JsonObject stored) {
        return stored == null ? null : new SharedValue(stored.getLong("v"), stored.getString("j"));
    }

    /** Whether this version is newer than {@code other} ({@code null}: no version at all). */
    public boolean newerThan(SharedValue other) {
        return other == null || version > other.version;
    }
}
