package org.acme;

import io.quarkiverse.live.Live;
import io.quarkiverse.live.Shared;

/** The smallest shared component, for the fan-out benchmark: one number every browser shows. */
@Live(path = "/shared-ticker")
public class SharedTicker {

    @Shared("ticker")
    long tick;

    void bump() {
        tick++;
    }
}
