package org.acme;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import io.quarkiverse.live.Live;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.common.annotation.RunOnVirtualThread;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;

/**
 * Records where each kind of handler runs and which request context it sees; the tests of the execution model read
 * what it renders. {@code hang()} blocks its worker until the test lets it go.
 */
@Live(path = "/where-it-runs")
public class WhereItRuns {

    /** Released by the tests that leave a handler hanging. */
    public static volatile CountDownLatch release = new CountDownLatch(0);

    @Inject
    RequestProbe probe;

    String thread = "";
    boolean eventLoop;
    int handlerRequest;
    int mountRequest;
    String mountThread = "";

    @Blocking
    void onMount() {
        mountThread = Thread.currentThread().getName();
        mountRequest = probe.number();
    }

    void onLoop() {
        record();
    }

    @Blocking
    void onWorker() {
        record();
    }

    @RunOnVirtualThread
    void onVirtualThread() {
        record();
    }

    /** Records where it starts; the render after its 30 ms must still be in the request context it started in. */
    Uni<Void> later() {
        record();
        return Uni.createFrom().voidItem().onItem().delayIt().by(Duration.ofMillis(30));
    }

    @Blocking
    void hang() throws InterruptedException {
        release.await(60, TimeUnit.SECONDS);
    }

    private void record() {
        thread = Thread.currentThread().getName();
        eventLoop = Context.isOnEventLoopThread();
        handlerRequest = probe.number();
    }

    /** Read by the template: the request context of the render. */
    int renderRequest() {
        return probe.number();
    }
}
