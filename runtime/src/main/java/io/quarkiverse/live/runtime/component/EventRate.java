package io.quarkiverse.live.runtime.component;

/**
 * A token bucket for events (of one connection, or of one component): {@code perSecond} tokens a second, up to twice
 * that many saved up, so a burst of clicks passes while a sustained flood is refused. Thread-safe.
 */
public final class EventRate {

    private final double perNano;
    private final double capacity;
    private double tokens;
    private long lastNanos = System.nanoTime();

    public EventRate(int perSecond) {
        this.perNano = perSecond / 1e9;
        this.capacity = 2.0 * perSecond;
        this.tokens = capacity;
    }

    /** Takes one token if there is one. */
    public synchronized boolean tryTake() {
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
