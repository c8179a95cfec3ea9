package org.acme;

import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * How many counters browsers have open right now, kept by the counters' onMount() and onUnmount().
 */
@ApplicationScoped
public class OpenCounters {

    private final AtomicInteger online = new AtomicInteger();
    private final AtomicInteger everJoined = new AtomicInteger();

    void joined() {
        online.incrementAndGet();
        everJoined.incrementAndGet();
    }

    void left() {
        online.decrementAndGet();
    }

    public int online() {
        return online.get();
    }

    public int everJoined() {
        return everJoined.get();
    }
}
