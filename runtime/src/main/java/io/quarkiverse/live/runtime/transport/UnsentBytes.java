package io.quarkiverse.live.runtime.transport;

import java.util.concurrent.atomic.AtomicLong;

/**
 * What a channel has written and its browser has not read yet, against {@code quarkus.live.max-unsent-bytes}: the one
 * rule every carrier applies, so that a client that stops reading cannot make the server buffer without bound.
 * Counted in characters, not bytes: close enough for a limit, and no second encoding of every message.
 */
public final class UnsentBytes {

    private final long max;
    private final AtomicLong unsent = new AtomicLong();

    public UnsentBytes(long max) {
        this.max = max;
    }

    /**
     * Counts {@code size} more characters as waiting; {@code false} when what waited before them was past the limit,
     * and the channel must close. Judged by what waits before: a large message alone does not close a client that
     * keeps up.
     */
    public boolean admit(long size) {
        return unsent.getAndAdd(size) < max;
    }

    /** {@code size} characters were written, or failed: they no longer wait. */
    public void written(long size) {
        unsent.addAndGet(-size);
    }
}
