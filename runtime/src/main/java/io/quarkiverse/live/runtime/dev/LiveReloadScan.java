package io.quarkiverse.live.runtime.dev;

import java.util.concurrent.atomic.AtomicBoolean;
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
 * A frame leads to a look at the component templates at most every half second, so that a saved one shows in the
 * browsers at once ({@link TemplateEdits}), and to a scan at most every 2 seconds (Quarkus' own interval for
 * requests). A look that showed a template puts the scan off by an interval: the scan restarts the application, and
 * the browsers should have the new template before their connections close. Looks and scans run one at a time on a
 * thread of their own: never on the event loop, which the scan's compilation would block, and not on a worker thread,
 * whose pool a restart renews only when it does not run on it. A scan that restarts the application does not cut an
 * event short: {@link RestartSnapshot} holds the restart back until the events have finished. Outside dev mode it
 * does nothing.
 */
@Singleton
public class LiveReloadScan {

    private static final Logger LOG = Logger.getLogger(LiveReloadScan.class);
    private static final long LOOK_INTERVAL_MILLIS = 500;
    private static final long SCAN_INTERVAL_MILLIS = 2000;

    private final boolean devMode = LaunchMode.current() == LaunchMode.DEVELOPMENT;
    private final TemplateEdits templateEdits;
    private final AtomicLong nextLook = new AtomicLong();
    private final AtomicBoolean looking = new AtomicBoolean();
    /** Used by one look at a time; volatile since each look has a thread of its own. */
    private volatile long nextScan;

    LiveReloadScan(TemplateEdits templateEdits) {
        this.templateEdits = templateEdits;
    }

    /** A frame of a live connection arrived. */
    public void heard() {
        if (!devMode) {
            return;
        }
        long now = System.currentTimeMillis();
        long next = nextLook.get();
        if (now < next || !nextLook.compareAndSet(next, now + LOOK_INTERVAL_MILLIS)) {
            return;
        }
        HotReplacementContext context = DevConsoleManager.getHotReplacementContext();
        if (context == null || !looking.compareAndSet(false, true)) {
            return;
        }
        Thread look = new Thread(() -> look(context), "quarkus-live-reload-scan");
        look.setDaemon(true);
        look.start();
    }

    private void look(HotReplacementContext context) {
        try {
            long now = System.currentTimeMillis();
            if (templateEdits.showSaved(context)) {
                nextScan = now + SCAN_INTERVAL_MILLIS;
            } else if (now >= nextScan) {
                nextScan = now + SCAN_INTERVAL_MILLIS;
                context.doScan(true);
            }
        } catch (Exception e) {
            LOG.error("The scan for changed sources failed", e);
        } finally {
            looking.set(false);
        }
    }
}
