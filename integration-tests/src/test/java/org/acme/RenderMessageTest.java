package org.acme;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import io.quarkiverse.live.runtime.protocol.Replies;
import io.quarkiverse.live.runtime.render.HtmlChange;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * The messages that carry HTML, written by hand for speed, are the text a {@code JsonObject} or {@code JsonArray} would
 * encode, whatever the HTML holds.
 */
class RenderMessageTest {

    private static final JsonArray EDITS = new JsonArray().add(3).add(1).add("é \"q\" 😀");

    private static String[] htmls() {
        StringBuilder every = new StringBuilder();
        for (char c = 0; c < 0x100; c++) {
            every.append(c);
        }
        return new String[] { "", "<p class=\"a\">it's \\ / </script></p>", every.toString(),
                "line\nbreak\ttab\r\u2028\u2029 é ✓ 😀 \ud800 lone surrogate" };
    }

    @Test
    void renderIsTheTextOfAJsonObject() {
        for (String html : htmls()) {
            assertEquals(new JsonObject().put("t", "render").put("id", "c-1\"x").put("html", html).encode(),
                    Replies.render("c-1\"x", HtmlChange.whole(html)), html);
        }
        assertEquals(new JsonObject().put("t", "render").put("id", "c-1").put("d", EDITS).encode(),
                Replies.render("c-1", new HtmlChange(null, EDITS)));
    }

    @Test
    void protocolTwoMessagesAreTheTextOfAJsonArray() {
        for (String html : htmls()) {
            assertEquals(new JsonArray().add(0).add(7).add(html).encode(), Replies.render(7, HtmlChange.whole(html)));
            assertEquals(new JsonArray().add(12L).add(html).encode(), Replies.ok(12, HtmlChange.whole(html)));
        }
        assertEquals(new JsonArray().add(0).add(7).add(EDITS).encode(), Replies.render(7, new HtmlChange(null, EDITS)));
        assertEquals(new JsonArray().add(12L).add(EDITS).encode(), Replies.ok(12, new HtmlChange(null, EDITS)));
        assertEquals("[12]", Replies.ok(12, null));
    }
}
