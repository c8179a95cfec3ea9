package io.quarkiverse.live.deployment.devmode;

import io.quarkiverse.live.Live;

/** The component whose template a dev-mode session breaks and fixes, and whose handler throws. */
@Live(path = "/dev-tally")
public class DevTally {

    int count;

    void increment() {
        count++;
    }

    void boom() {
        throw new IllegalStateException("the tally tipped over");
    }
}
