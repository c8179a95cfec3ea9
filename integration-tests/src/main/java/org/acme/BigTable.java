package org.acme;

import java.util.ArrayList;
import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import io.quarkiverse.live.Live;

/**
 * A table of 1,000 rows of 5 cells where a click changes one cell: the page the wire benchmark
 * ({@code WireBenchmarkIT}) uses to show what one small change of a large page costs on the wire.
 */
@Live(path = "/big-table")
public class BigTable {

    static final int ROWS = 1_000;

    final List<Row> rows = numberedRows();

    /** One more bump in the row's last cell. */
    void bump(@Min(0) @Max(ROWS - 1) int row) {
        rows.get(row).bumps++;
    }

    private static List<Row> numberedRows() {
        List<Row> rows = new ArrayList<>(ROWS);
        for (int n = 0; n < ROWS; n++) {
            rows.add(new Row(n));
        }
        return rows;
    }

    public static class Row {
        public final int n;
        public final String name;
        /** Fixed figures that only make the row as wide as a table's row usually is. */
        public final int size;
        public final int weight;
        public int bumps;

        Row(int n) {
            this.n = n;
            this.name = "Item " + n;
            this.size = (n * 37) % 1000;
            this.weight = (n * 91) % 500;
        }
    }
}
