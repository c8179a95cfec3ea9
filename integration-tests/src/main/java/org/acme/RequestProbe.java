package org.acme;

import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.RequestScoped;

/**
 * A request-scoped bean that counts its own instances and their ends, so tests can see which request context a handler
 * and the render after it ran in.
 */
@RequestScoped
public class RequestProbe {

    private static final AtomicInteger CREATED = new AtomicInteger();
    private static final AtomicInteger DESTROYED = new AtomicInteger();

    private final int number = CREATED.incrementAndGet();

    public int number() {
        return number;
    }

    @PreDestroy
    void ended() {
        DESTROYED.incrementAndGet();
    }

    public static int created() {
        return CREATED.get();
    }

    public static int destroyed() {
        return DESTROYED.get();
    }
}
