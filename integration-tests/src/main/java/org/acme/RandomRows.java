package org.acme;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import io.quarkiverse.live.Live;
import io.quarkiverse.live.Shared;

/**
 * Rows that change at random (for the browser test of edits and the morph): each {@code step} inserts, removes, moves,
 * renames or toggles a row, some rows keyed by an id and some not, with text that needs escaping. The rows are shared,
 * so a fresh page load renders the same rows a browser has been following.
 */
@Live(path = "/random-rows")
public class RandomRows {

    private static final String[] WORDS = { "apple", "O'Brien", "back\\slash", "<b>bold</b>", "a & b", "\"quoted\"",
            "日本語", "😀", "x" };

    @Shared("random-rows")
    Rows state = Rows.first();

    void step() {
        Random random = new Random(state.steps * 7919L + 17);
        List<Row> rows = state.rows;
        int at = rows.isEmpty() ? 0 : random.nextInt(rows.size());
        switch (rows.size() < 3 ? 0 : random.nextInt(6)) {
            case 0 -> rows.add(random.nextInt(rows.size() + 1), Row.of(state.nextId++, random));
            case 1 -> rows.remove(at);
            case 2 -> rows.add(random.nextInt(rows.size()), rows.remove(at));
            case 3 -> rows.get(at).text = WORDS[random.nextInt(WORDS.length)] + " " + state.steps;
            case 4 -> rows.get(at).done = !rows.get(at).done;
            default -> rows.get(at).keyed = !rows.get(at).keyed;
        }
        state.steps++;
    }

    /** What every browser shares. */
    public static class Rows {
        public int steps;
        public int nextId;
        public List<Row> rows = new ArrayList<>();

        static Rows first() {
            Rows first = new Rows();
            Random random = new Random(1);
            for (; first.nextId < 8; first.nextId++) {
                first.rows.add(Row.of(first.nextId, random));
            }
            return first;
        }
    }

    public static class Row {
        public int id;
        public String text;
        public boolean done;
        public boolean keyed;

        static Row of(int id, Random random) {
            Row row = new Row();
            row.id = id;
            row.text = WORDS[random.nextInt(WORDS.length)];
            row.keyed = random.nextBoolean();
            return row;
        }
    }
}
