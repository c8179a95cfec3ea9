package org.acme;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.quarkiverse.live.SharedState;
import io.quarkus.scheduler.Scheduled;

/**
 * Takes a sample of the JVM's figures every second and shares it: {@code SharedState.set} stores it under the key the
 * {@link Dashboard}'s {@code @Shared("metrics")} field declares, and every open dashboard re-renders with it.
 */
@ApplicationScoped
public class MetricsSampler {

    static final String KEY = "metrics";

    private static final Logger LOG = Logger.getLogger(MetricsSampler.class);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss 'UTC'");
    private static final long MB = 1024 * 1024;

    private final AtomicLong samples = new AtomicLong();

    @Inject
    SharedState shared;

    @Scheduled(every = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        shared.set(KEY, sample()).whenComplete((ignored, failure) -> {
            if (failure != null) {
                LOG.warnf(failure, "Could not share the metrics");
            }
        });
    }

    /** A new sample, numbered after the last one. */
    Metrics sample() {
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        long max = heap.getMax() > 0 ? heap.getMax() : heap.getCommitted();
        return new Metrics(samples.incrementAndGet(), heap.getUsed() / MB, max / MB,
                ManagementFactory.getThreadMXBean().getThreadCount(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                ManagementFactory.getRuntimeMXBean().getUptime() / 1000,
                TIME.format(ZonedDateTime.now(ZoneOffset.UTC)));
    }
}
