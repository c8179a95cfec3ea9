package io.quarkiverse.live.deployment.devmode;

import io.quarkiverse.live.Live;
import io.smallrye.common.annotation.Blocking;

/** The component the Dev UI card lists: handlers with and without arguments, on threads of two kinds. */
@Live(path = "/dev-ui-counter")
public class DevUICounter {

    int count;

    void increment() {
        count++;
    }

    void add(int amount) {
        count += amount;
    }

    @Blocking
    void reset() {
        count = 0;
    }
}
