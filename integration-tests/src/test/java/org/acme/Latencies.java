package org.acme;

import java.util.Arrays;

/**
 * Round trips in nanoseconds, recorded from any thread for the events sent within a window (so the warm-up before it
 * and the answers still due after it count for nothing), and their percentiles.
 */
final class Latencies {

    private final long from;
    private final long until;
    private long[] values = new long[1 << 16];
    private int size;

    /** Records the events sent from {@code from} (System.nanoTime) for {@code nanos}. */
    Latencies(long from, long nanos) {
        this.from = from;
        this.until = from + nanos;
    }

    void record(long sentAt, long receivedAt) {
        if (sentAt >= from && sentAt < until) {
            add(receivedAt - sentAt);
        }
    }

    private synchronized void add(long nanos) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = nanos;
    }

    synchronized Percentiles percentiles() {
        long[] sorted = Arrays.copyOf(values, size);
        Arrays.sort(sorted);
        return new Percentiles(sorted);
    }

    /** Sorted round trips. */
    record Percentiles(long[] sorted) {

        int count() {
            return sorted.length;
        }

        /** The quantile in milliseconds (nearest rank), or NaN without samples. */
        double ms(double quantile) {
            if (sorted.length == 0) {
                return Double.NaN;
            }
            int rank = (int) Math.ceil(quantile * sorted.length) - 1;
            return sorted[Math.max(0, Math.min(sorted.length - 1, rank))] / 1e6;
        }
    }
}
