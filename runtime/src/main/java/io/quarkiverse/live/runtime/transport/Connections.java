package io.quarkiverse.live.runtime.transport;

import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import io.quarkiverse.live.runtime.LiveRuntimeConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;

/**
 * The open live connections, whatever carries them: how many there are (in all, and per client address, each capped)
 * and how long each has been silent. A sweep closes the ones silent for longer than {@code quarkus.live.idle-timeout}.
 */
@Singleton
public class Connections {

    private final LiveRuntimeConfig config;
    private final AtomicInteger total = new AtomicInteger();
    private final Map<String, AtomicInteger> perAddress = new ConcurrentHashMap<>();
    private final Set<Session> sessions = ConcurrentHashMap.newKeySet();
    private long sweepTimer = -1;

    Connections(LiveRuntimeConfig config) {
        this.config = config;
    }

    /** Whether a connection from that address would be admitted now; for a check before the upgrade. */
    public boolean hasRoomFor(String address) {
        AtomicInteger fromAddress = perAddress.get(address);
        return total.get() < config.maxConnections()
                && (fromAddress == null || fromAddress.get() < config.maxConnectionsPerAddress());
    }

    /** Counts a new connection in; {@code false}, counting nothing, when it would pass a limit. */
    public boolean admit(String address) {
        if (total.incrementAndGet() > config.maxConnections()) {
            total.decrementAndGet();
            return false;
        }
        AtomicInteger fromAddress = perAddress.computeIfAbsent(address, ignored -> new AtomicInteger());
        if (fromAddress.incrementAndGet() > config.maxConnectionsPerAddress()) {
            release(address);
            return false;
        }
        return true;
    }

    /** Watches an admitted connection for silence. */
    public void track(Session session) {
        sessions.add(session);
    }

    /** An admitted connection closed. */
    public void closed(Session session, String address) {
        sessions.remove(session);
        release(address);
    }

    private void release(String address) {
        total.decrementAndGet();
        perAddress.computeIfPresent(address, (key, count) -> count.decrementAndGet() <= 0 ? null : count);
    }

    /** The open connections; a live view, safe to iterate from any thread. */
    public Collection<Session> open() {
        return Collections.unmodifiableCollection(sessions);
    }

    /** How many connections are open. */
    public int count() {
        return total.get();
    }

    void start(@Observes StartupEvent event, Vertx vertx) {
        long period = Math.max(1000, Math.min(config.idleTimeout().toMillis() / 4, 15_000));
        sweepTimer = vertx.setPeriodic(period, ignored -> closeSilent());
    }

    void stop(@Observes ShutdownEvent event, Vertx vertx) {
        if (sweepTimer >= 0) {
            vertx.cancelTimer(sweepTimer);
        }
    }

    void closeSilent() {
        long limit = config.idleTimeout().toNanos();
        for (Session session : sessions) {
            if (session.silentNanos() > limit) {
                sessions.remove(session);
                session.channel().close(Channel.GOING_AWAY, "Silent for more than "
                        + TimeUnit.NANOSECONDS.toSeconds(limit) + " s");
            }
        }
    }
}
