package org.acme;

import java.util.Locale;

/**
 * One sample of the application's figures, shared by every open {@link Dashboard}: the sample's number, the JVM's heap
 * and threads, the system load, how long the application has run, and when the sample was taken.
 */
public record Metrics(long sample, long heapUsedMb, long heapMaxMb, int threads, double load, long uptimeSeconds,
        String updatedAt) {

    /** The heap in use as a share of its maximum, 0 to 100. */
    public int heapPercent() {
        return heapMaxMb <= 0 ? 0 : (int) Math.min(100, heapUsedMb * 100 / heapMaxMb);
    }

    /** The system load average over the last minute, or "n/a" where the platform has none. */
    public String loadText() {
        return load < 0 ? "n/a" : String.format(Locale.ROOT, "%.2f", load);
    }

    /** The uptime as hours, minutes and seconds. */
    public String uptimeText() {
        long hours = uptimeSeconds / 3600;
        long minutes = uptimeSeconds / 60 % 60;
        long seconds = uptimeSeconds % 60;
        return hours > 0 ? String.format(Locale.ROOT, "%d h %02d min %02d s", hours, minutes, seconds)
                : String.format(Locale.ROOT, "%d min %02d s", minutes, seconds);
    }
}
