package io.quarkiverse.live.deployment;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.TreeSet;

import io.vertx.core.json.JsonObject;

/**
 * The modifiers the browser runtime knows, read from the list it is built and tested against
 * ({@code META-INF/quarkus-live/modifiers.json} in the runtime's jar, from {@code runtime-js/src/modifiers.json}): one
 * list for the runtime and for the build's check of templates.
 */
final class KnownModifiers {

    static final String RESOURCE = "META-INF/quarkus-live/modifiers.json";

    private KnownModifiers() {
    }

    /** Every modifier name: keys, system keys, those that listen beyond the element, timing, and the plain ones. */
    static Set<String> all() {
        try (InputStream in = KnownModifiers.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the Quarkus Live runtime");
            }
            JsonObject list = new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            Set<String> names = new TreeSet<>(list.getJsonObject("keys").fieldNames());
            for (String group : new String[] { "system", "beyond", "timing", "plain" }) {
                list.getJsonArray(group).forEach(name -> names.add((String) name));
            }
            return Set.copyOf(names);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
