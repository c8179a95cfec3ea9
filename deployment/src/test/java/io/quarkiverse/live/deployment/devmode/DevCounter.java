package io.quarkiverse.live.deployment.devmode;

import java.util.ArrayList;
import java.util.List;

import io.quarkiverse.live.Live;

/** The component a dev-mode session edits while a client shows it. */
@Live(path = "/dev-counter")
public class DevCounter {

    int count;
    /** Kept across a restart as JSON read back into its generic type. */
    List<Integer> history = new ArrayList<>();

    void increment() {
        count++;
        history.add(count);
    }
}
