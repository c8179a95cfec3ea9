package io.quarkiverse.live.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import io.quarkiverse.live.runtime.protocol.ErrorCode;
import io.quarkiverse.live.runtime.protocol.MessageReader;
import io.vertx.core.json.JsonObject;

/**
 * The server's protocol constants are the ones of the list the browser runtime is built and tested against
 * ({@code META-INF/quarkus-live/protocol.json}, from {@code runtime-js/src/protocol.json}).
 */
class ProtocolSpecTest {

    @Test
    void versionAndErrorCodesAreTheSpecs() throws IOException, IllegalAccessException {
        JsonObject spec;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("META-INF/quarkus-live/protocol.json")) {
            spec = new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        assertEquals(spec.getInteger("version"), MessageReader.VERSION);
        Set<String> codes = new TreeSet<>();
        for (Field field : ErrorCode.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                codes.add((String) field.get(null));
            }
        }
        Set<String> specCodes = new TreeSet<>();
        spec.getJsonArray("codes").forEach(code -> specCodes.add((String) code));
        assertEquals(specCodes, codes);
    }
}
