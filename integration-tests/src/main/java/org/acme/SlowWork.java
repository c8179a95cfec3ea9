package org.acme;

import java.util.concurrent.atomic.AtomicInteger;

import io.quarkiverse.live.Live;
import io.smallrye.common.annotation.Blocking;

/**
 * A handler that takes a tenth of a second of a worker's time, and counts how often it started: the limit tests check
 * that the events of a connection that went away are not run.
 */
@Live(path = "/slow-work")
public class SlowWork {

    static final AtomicInteger STARTED = new AtomicInteger();

    int done;

    @Blocking
    void work() throws InterruptedException {
        STARTED.incrementAndGet();
        Thread.sleep(100);
        done++;
    }
}
