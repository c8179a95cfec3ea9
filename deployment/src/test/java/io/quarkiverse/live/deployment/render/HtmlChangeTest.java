package io.quarkiverse.live.deployment.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;

import io.quarkiverse.live.runtime.render.HtmlChange;
import io.vertx.core.json.JsonArray;

/** The edits between two renders: applied as the browser applies them, they give the new HTML exactly. */
class HtmlChangeTest {

    private static final String COUNTER = "<div data-live-component=\"Counter\" data-live-id=\"abc\"><p>Count: 9</p>"
            + "<button data-live-click=\"increment\">+</button><button data-live-click=\"decrement\">-</button></div>";

    @Test
    void oneChangedDigitIsOneSmallEdit() {
        HtmlChange change = HtmlChange.between(COUNTER, COUNTER.replace("Count: 9", "Count: 10"));
        assertNull(change.html());
        assertEquals(new JsonArray().add(COUNTER.indexOf('9')).add(1).add("10"), change.edits());
    }

    @Test
    void whenEditsWouldNotBeSmallerTheWholeHtmlGoes() {
        HtmlChange change = HtmlChange.between("<p>a</p>", "<div>quite different</div>");
        assertEquals("<div>quite different</div>", change.html());
        assertNull(change.edits());
    }

    @Test
    void aSurrogatePairIsNeverSplit() {
        String before = COUNTER.replace("Count: 9", "Count: \ud83d\ude00");
        String after = COUNTER.replace("Count: 9", "Count: \ud83d\ude01");
        JsonArray edits = HtmlChange.between(before, after).edits();
        String inserted = edits.getString(2);
        assertTrue(Character.isHighSurrogate(inserted.charAt(0)), inserted);
        assertEquals(after, apply(before, edits));
        // The same at the end of the change: a pair whose low halves are equal
        String left = COUNTER.replace("Count: 9", "Count: \ud83d\ude00");
        String right = COUNTER.replace("Count: 9", "Count: \ud83e\ude00");
        String changed = HtmlChange.between(left, right).edits().getString(2);
        assertEquals("\ud83e\ude00", changed, "the whole pair, not its high half alone");
        assertEquals(right, apply(left, HtmlChange.between(left, right).edits()));
    }

    @Test
    void twoChangesFarApartAreTwoSmallEdits() {
        StringBuilder rows = new StringBuilder("<ul data-live-id=\"t\"><h2>3 left</h2>");
        for (int i = 0; i < 100; i++) {
            rows.append("<li id=\"todo-").append(i).append("\" class=\"\"><label><input type=\"checkbox\">")
                    .append("<span>Item ").append(i).append("</span></label></li>");
        }
        String before = rows.append("</ul>").toString();
        String after = before.replace("3 left", "2 left").replace("<li id=\"todo-70\" class=\"\">",
                "<li id=\"todo-70\" class=\"done\">");
        JsonArray edits = HtmlChange.between(before, after).edits();
        assertEquals(new JsonArray().add(before.indexOf("3 left")).add(1).add("2")
                .add(before.indexOf("\"\">", before.indexOf("todo-70")) + 1).add(0).add("done"), edits);
        assertEquals(after, apply(before, edits));
    }

    @Test
    void randomChangesToALongListAreReproducedExactly() {
        Random random = new Random(7);
        StringBuilder rows = new StringBuilder("<ol>");
        for (int i = 0; i < 60; i++) {
            rows.append("<li>row ").append(i).append(" é\ud83d\ude00</li>");
        }
        String html = rows.append("</ol>").toString();
        for (int i = 0; i < 500; i++) {
            String next = html;
            for (int changes = random.nextInt(4); changes >= 0; changes--) {
                next = mutate(next, random);
            }
            HtmlChange change = HtmlChange.between(html, next);
            assertEquals(next, change.html() != null ? change.html() : apply(html, change.edits()), "step " + i);
            html = next;
        }
    }

    @Test
    void randomChangesAreReproducedExactly() {
        Random random = new Random(42);
        String html = COUNTER;
        for (int i = 0; i < 2_000; i++) {
            String next = mutate(html, random);
            HtmlChange change = HtmlChange.between(html, next);
            String applied = change.html() != null ? change.html() : apply(html, change.edits());
            assertEquals(next, applied, "step " + i);
            html = next;
        }
    }

    private static String mutate(String html, Random random) {
        String pieces = "<li>é</li>\ud83d\ude00ab&amp;\"";
        int at = random.nextInt(html.length() + 1);
        int cut = Math.min(html.length() - at, random.nextInt(12));
        int from = random.nextInt(pieces.length());
        String insert = random.nextBoolean() ? "" : pieces.substring(from, Math.min(pieces.length(), from + random.nextInt(8)));
        return html.substring(0, at) + insert + html.substring(at + cut);
    }

    /** As the browser runtime applies edits. */
    private static String apply(String html, JsonArray edits) {
        StringBuilder out = new StringBuilder();
        int copied = 0;
        for (int i = 0; i < edits.size(); i += 3) {
            out.append(html, copied, edits.getInteger(i)).append(edits.getString(i + 2));
            copied = edits.getInteger(i) + edits.getInteger(i + 1);
        }
        return out.append(html, copied, html.length()).toString();
    }
}
