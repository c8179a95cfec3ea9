package org.acme;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import io.quarkiverse.live.runtime.protocol.Replies;
import io.vertx.core.json.JsonObject;

/**
 * The {@code render} message, written by hand for speed, is the text a {@code JsonObject} would encode, whatever the
 * HTML holds.
 */
class RenderMessageTest {

    @Test
    void sameTextAsAJsonObject() {
        StringBuilder every = new StringBuilder();
        for (char c = 0; c < 0x100; c++) {
            every.append(c);
        }
        for (String html : new String[] { "", "<p class=\"a\">it's \\ / </script></p>", every.toString(),
                "line\nbreak\ttab\r\u2028\u2029 é ✓ 😀 \ud800 lone surrogate" }) {
            assertEquals(new JsonObject().put("t", "render").put("id", "c-1\"x").put("html", html).encode(),
                    Replies.render("c-1\"x", html), html);
        }
    }
}
