package org.acme;

import java.util.ArrayList;
import java.util.List;

import io.quarkiverse.live.Live;

/**
 * A list whose rows are child components, keyed by row: removing a row keeps the other rows' children and their state.
 */
@Live(path = "/tally-rows")
public class TallyRows {

    List<Integer> rows = new ArrayList<>(List.of(1, 2, 3));

    void removeFirst() {
        if (!rows.isEmpty()) {
            rows.remove(0);
        }
    }
}
