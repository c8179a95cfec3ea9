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
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;

/**
 * The open live connections, whatever carries them: how many there are (in all, and per client address, each capped)
 * and how long each has been silent. A sweep closes the ones silent for longer than {@code quarkus.live.idle-timeout};
 * another pings the quiet ones once per {@code quarkus.live.ping-interval}, each at a phase of its own: one timer for
 * every connection, not one each.
 */
@Singleton
public class Connections {

    /** The ping interval's slots: a connection is pinged in one of them. */
    private static final int PING_SLOTS = 8;

    private final LiveRuntimeConfig config;
    private final OriginPolicy origins;
    private final AtomicInteger total = new AtomicInteger();
    private final Map<String, AtomicInteger> perAddress = new ConcurrentHashMap<>();
    private final Set<Session> sessions = ConcurrentHashMap.newKeySet();
    /** Until when (System.nanoTime()) each offender may not connect again. */
    private final Map<Offender, Long> coolingDown = new ConcurrentHashMap<>();
    private long sweepTimer = -1;
    private long pingTimer = -1;
    /** The slot whose connections the next ping tick looks at; read and written by the ping timer only. */
    private int pingSlot;
    /** The application stops: a connection it accepted now would be cut at once, with nothing to rejoin. */
    private volatile boolean stopping;

    Connections(LiveRuntimeConfig config, OriginPolicy origins) {
        this.config = config;
        this.origins = origins;
    }

    /**
     * The client address of a request that would open a connection, as the caps and the cool-down count it. Quarkus
     * puts the forwarded address there when {@code quarkus.http.proxy.proxy-address-forwarding} is on.
     */
    public static String addressOf(HttpServerRequest request) {
        return request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
    }

    /**
     * Answers a request that would open a connection from that address and browser (an upgrade, a stream) when it is
     * to be refused now, before any carrier opens one: 403 for a page of another site ({@link OriginPolicy}), 503 at
     * the caps, 429 with the seconds to wait in {@code Retry-After} while the browser cools down.
     *
     * @return whether the request was refused, and answered
     */
    public boolean refused(HttpServerRequest request, String address, String browser) {
        HttpServerResponse response = request.response();
        if (!origins.allows(request)) {
            response.setStatusCode(403).end();
            return true;
        }
        if (!hasRoomFor(address)) {
            response.setStatusCode(503).end();
            return true;
        }
        long wait = coolingDown(address, browser);
        if (wait > 0) {
            response.putHeader("Retry-After", Long.toString(wait)).setStatusCode(429).end();
            return true;
        }
        return false;
    }

    /** Whether a connection from that address would be admitted now. */
    private boolean hasRoomFor(String address) {
        AtomicInteger fromAddress = perAddress.get(address);
        return !stopping && total.get() < config.maxConnections()
                && (fromAddress == null || fromAddress.get() < config.maxConnectionsPerAddress());
    }

    /** Counts a new connection in; {@code false}, counting nothing, when it would pass a limit. */
    public boolean admit(String address) {
        if (stopping) {
            return false;
        }
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

    /**
     * An admitted connection closed. When the server closed it for breaking a limit, its browser (or, without a browser
     * id, every connection without one) may not connect again from that address for {@code quarkus.live.cool-down}.
     */
    public void closed(Session session, String address) {
        sessions.remove(session);
        release(address);
        long coolDown = config.coolDown().toNanos();
        if (session.channel().brokeALimit() && coolDown > 0) {
            coolingDown.put(new Offender(address, session.browser()), System.nanoTime() + coolDown);
        }
    }

    /**
     * How long, in whole seconds (at least 1), that browser must still wait before it may connect from that address
     * again; 0 when it may now.
     */
    private long coolingDown(String address, String browser) {
        Long until = coolingDown.get(new Offender(address, browser));
        if (until == null) {
            return 0;
        }
        long left = until - System.nanoTime();
        if (left <= 0) {
            coolingDown.remove(new Offender(address, browser), until);
            return 0;
        }
        return Math.max(1, TimeUnit.NANOSECONDS.toSeconds(left + 999_999_999L));
    }

    /** A browser (its id, or {@code null}) at a client address, closed for breaking a limit. */
    private record Offender(String address, String browser) {
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
        long shortest = Math.min(config.idleTimeout().toMillis(), config.messageTimeout().toMillis());
        long period = Math.max(1000, Math.min(shortest / 4, 15_000));
        sweepTimer = vertx.setPeriodic(period, ignored -> closeSilent());
        pingTimer = vertx.setPeriodic(Math.max(1, config.pingInterval().toMillis() / PING_SLOTS), ignored -> pingSlot());
    }

    /**
     * From now on no connection is admitted (the browser tries again, and finds the next application, in dev mode the
     * restarted one). Called as the application starts to stop, before its connections are closed: in dev mode the
     * HTTP server outlives the application, and a browser that reconnected in between would join a component of the
     * stopping application and lose it a moment later.
     */
    public void refuseNewConnections() {
        stopping = true;
    }

    void stop(@Observes ShutdownEvent event, Vertx vertx) {
        refuseNewConnections();
        if (sweepTimer >= 0) {
            vertx.cancelTimer(sweepTimer);
        }
        if (pingTimer >= 0) {
            vertx.cancelTimer(pingTimer);
        }
    }

    /**
     * Pings the connections of the next slot that have been quiet for half an interval. Each connection falls in one of
     * {@value #PING_SLOTS} slots and is looked at once per ping interval, so pings spread over the interval as they
     * would with a timer per connection: written all at once, 10,000 pings held every event loop up for a moment, and
     * the p99 round trip at 10,000 connections was 142 ms. A connection that speaks needs no ping: what it sends says it
     * is alive, and proxies see the traffic. Each carrier writes its ping on its connection's event loop.
     */
    private void pingSlot() {
        int slot = pingSlot;
        pingSlot = (slot + 1) % PING_SLOTS;
        long quiet = config.pingInterval().toNanos() / 2;
        for (Session session : sessions) {
            if (Math.floorMod(session.hashCode(), PING_SLOTS) == slot && session.silentNanos() >= quiet) {
                session.channel().ping();
            }
        }
    }

    void closeSilent() {
        long now = System.nanoTime();
        coolingDown.values().removeIf(until -> until - now <= 0);
        long limit = config.idleTimeout().toNanos();
        long unfinished = config.messageTimeout().toNanos();
        for (Session session : sessions) {
            if (session.silentNanos() > limit) {
                sessions.remove(session);
                session.channel().close(Channel.GOING_AWAY, "Silent for more than "
                        + TimeUnit.NANOSECONDS.toSeconds(limit) + " s");
            } else if (session.channel().unfinishedNanos() > unfinished) {
                sessions.remove(session);
                session.channel().close(Channel.POLICY_VIOLATION, "A message left unfinished for more than "
                        + TimeUnit.NANOSECONDS.toMillis(unfinished) + " ms");
            }
        }
    }
}
