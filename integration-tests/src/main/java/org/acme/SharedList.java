package org.acme;

import java.util.ArrayList;
import java.util.List;

import io.quarkiverse.live.Live;
import io.quarkiverse.live.Shared;

/** A list every browser shares (for the shared-state tests): appending publishes it, a failing handler does not. */
@Live(path = "/shared-list")
public class SharedList {

    @Shared("test-list")
    List<String> entries = new ArrayList<>();

    void append(String entry) {
        entries.add(entry);
    }

    void appendThenFail(String entry) {
        entries.add(entry);
        throw new IllegalStateException("failed half-way through changing the list");
    }
}
