package io.quarkiverse.live.runtime.dev;

import java.util.concurrent.atomic.AtomicLong;

import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import io.quarkus.dev.console.DevConsoleManager;
import io.quarkus.dev.spi.HotReplacementContext;
import io.quarkus.runtime.LaunchMode;

/**
 * In dev mode, lets live traffic start Quarkus' scan for changed sources, as HTTP requests do: a page that only talks
 * over its live connection would otherwise not see a saved template or class until some HTTP request came. Any frame
 * of a live connection counts, the browser's answers to the server's pings included, so an open page is enough.
 * <p>
 * At most one scan starts every 2 seconds (Quarkus' own interval for requests), on a thread of its own: never on the
 * event loop, which the scan's compilation would block, and not on a worker thread, whose pool a restart renews only
 * when it does not run on it. A scan that restarts the application does not cut an event short: {@link RestartSnapshot} holds the
 * restart back until the events have finished. Outside dev mode it does nothing.
 */
@Singleton
public class LiveReloadScan {

    private static final Logger LOG = Logger.getLogger(LiveReloadScan.class);
    private static final long INTERVAL_MILLIS = 2000;

    private final boolean devMode = LaunchMode.current() == LaunchMode.DEVELOPMENT;
    private final AtomicLong nextScan = new AtomicLong();

    /** A frame of a live connection arrived. */
    public void heard() {
        if (!devMode) {
            return;
        }
        long now = System.currentTimeMillis();
        long next = nextScan.get();
        if (now < next || !nextScan.compareAndSet(next, now + INTERVAL_MILLIS)) {
            return;
        }
        HotReplacementContext context = DevConsoleManager.getHotReplacementContext();
        if (context == null) {
            return;
        }
        Thread scan = new Thread(() -> scan(context), "quarkus-live-reload-scan");
        scan.setDaemon(true);
        scan.start();
    }

    private static void scan(HotReplacementContext context) {
        try {
            context.doScan(true);
        } catch (Exception e) {
            LOG.error("The scan for changed sources failed", e);
        }
    }
}
