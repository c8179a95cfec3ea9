package io.quarkiverse.live.runtime.transport;

/**
 * A token bucket for one connection's events: {@code perSecond} tokens a second, up to twice that many saved up, so a
 * burst of clicks passes while a sustained flood is refused. Thread-safe.
 */
final class EventRate {

    private final double perNano;
    private final double capacity;
    private double tokens;
    private long lastNanos = System.nanoTime();

    EventRate(int perSecond) {
        this.perNano = perSecond / 1e9;
        this.capacity = 2.0 * perSecond;
        this.tokens = capacity;
    }

    /** Takes one token if there is one. */
    synchronized boolean tryTake() {
        long now = System.nanoTime();
        tokens = Math.min(capacity, tokens + (now - lastNanos) * perNano);
        lastNanos = now;
        if (tokens < 1) {
            return false;
        }
        tokens--;
        return true;
    }
}
