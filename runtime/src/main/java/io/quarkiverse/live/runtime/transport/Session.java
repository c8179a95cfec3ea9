package io.quarkiverse.live.runtime.transport;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import io.quarkiverse.live.runtime.component.ComponentOwner;
import io.quarkiverse.live.runtime.component.EventRate;
import io.quarkiverse.live.runtime.component.MountedComponent;
import io.quarkiverse.live.runtime.protocol.Replies;
import io.quarkiverse.live.runtime.render.HtmlChange;

/**
 * One browser connection and the components joined on it. A component leaves it when the browser leaves it, when
 * another connection takes it over with its resume token, or when it is destroyed.
 */
public final class Session implements ComponentOwner {

    private static final long REFUSAL_WINDOW_NANOS = 1_000_000_000L;

    private final Channel channel;
    private final List<Locale.LanguageRange> languages;
    private final ConnectionIdentity identity;
    private final String browser;
    private final Map<String, MountedComponent> components = new ConcurrentHashMap<>();
    /** Protocol 2 names a joined component by a number of this connection's: the numbers by id, the ids by number. */
    private final Map<String, Integer> numbers = new ConcurrentHashMap<>();
    private final Map<Integer, String> numbered = new ConcurrentHashMap<>();
    private final AtomicInteger lastNumber = new AtomicInteger();
    /** The protocol version of the browser's joins; messages the server starts itself follow it. */
    private volatile int version = 1;
    private final int eventsPerSecond;
    private final EventRate rate;
    private final AtomicInteger queuedEvents = new AtomicInteger();
    /** Refused messages since {@link #refusalsSinceNanos}; guarded by this. */
    private int refusals;
    private long refusalsSinceNanos = System.nanoTime();
    private volatile long lastHeardNanos = System.nanoTime();
    private volatile boolean closed;
    /** When the connection opened, and how many of its events ran: for the dev-mode connection list. */
    private final long connectedAtMillis = System.currentTimeMillis();
    private final AtomicLong handledEvents = new AtomicLong();

    public Session(Channel channel, String acceptLanguage, ConnectionIdentity identity, String browser,
            int eventsPerSecond) {
        this.channel = channel;
        this.browser = browser;
        this.languages = languages(acceptLanguage);
        this.identity = identity;
        this.eventsPerSecond = eventsPerSecond;
        this.rate = new EventRate(eventsPerSecond);
    }

    /** The browser id the connection's handshake carried ({@code null}: none): it may join only that browser's pages. */
    public String browser() {
        return browser;
    }

    /** The browser said something (a message, or the answer to a ping). */
    public void heard() {
        lastHeardNanos = System.nanoTime();
    }

    /** How long the browser has been silent, in nanoseconds. */
    public long silentNanos() {
        return System.nanoTime() - lastHeardNanos;
    }

    public boolean isClosed() {
        return closed;
    }

    public void markClosed() {
        closed = true;
    }

    /**
     * Admits one more event of this connection for one of its components, or says why not: too many of the
     * connection's events waiting, or too fast for the component's rate or the connection's. {@code null} when
     * admitted; then {@link #eventDone()} must follow once the event is over. A refusal for waiting events spends no
     * token: the browser sends the event again once the others are answered.
     */
    public String admitEvent(int maxQueued, MountedComponent component) {
        if (queuedEvents.get() >= maxQueued) {
            return "this connection has " + maxQueued + " events waiting; send more once they are answered";
        }
        if (!component.takeEventToken(eventsPerSecond)) {
            return component.binding().name() + " gets events faster than the server allows";
        }
        if (!rate.tryTake()) {
            return "this connection sends events faster than the server allows";
        }
        queuedEvents.incrementAndGet();
        return null;
    }

    /** An admitted event is over, whatever its outcome. */
    public void eventDone() {
        queuedEvents.decrementAndGet();
        handledEvents.incrementAndGet();
    }

    /** How many admitted events of this connection are over. */
    public long handledEvents() {
        return handledEvents.get();
    }

    /** When the connection opened, in milliseconds since the epoch. */
    public long connectedAtMillis() {
        return connectedAtMillis;
    }

    /**
     * Counts a refused event or an unreadable message; returns how many were refused within the last second (the count
     * starts again a second after its first refusal). Counted per second, not in a row: a flood always gets some events
     * through as the rate allows them, and a count in a row would start again at each of them.
     */
    public synchronized int refused() {
        long now = System.nanoTime();
        if (now - refusalsSinceNanos > REFUSAL_WINDOW_NANOS) {
            refusalsSinceNanos = now;
            refusals = 0;
        }
        return ++refusals;
    }

    /** The user who opened the connection, set into the request context of every task of its components. */
    public ConnectionIdentity identity() {
        return identity;
    }

    public Channel channel() {
        return channel;
    }

    /** The languages the browser asked for when it connected, best first; empty when it named none. */
    public List<Locale.LanguageRange> languages() {
        return languages;
    }

    /** An {@code Accept-Language} header read as language ranges; empty when absent or unreadable. */
    public static List<Locale.LanguageRange> languages(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return List.of();
        }
        try {
            return Locale.LanguageRange.parse(acceptLanguage);
        } catch (IllegalArgumentException e) {
            return List.of();
        }
    }

    public MountedComponent get(String id) {
        return components.get(id);
    }

    /** Adds a component joined on this connection and gives it a number, unless it has one (a rejoin in place). */
    public void add(MountedComponent component) {
        components.put(component.id(), component);
        numbers.computeIfAbsent(component.id(), id -> {
            int number = lastNumber.incrementAndGet();
            numbered.put(number, id);
            return number;
        });
    }

    /** The component's number on this connection (protocol 2). */
    public int number(MountedComponent component) {
        return numbers.getOrDefault(component.id(), 0);
    }

    /** The id of the component with that number on this connection, or {@code null}. */
    public String idOf(int number) {
        return numbered.get(number);
    }

    public int version() {
        return version;
    }

    /** The browser joined with this protocol version. */
    public void speaks(int version) {
        this.version = version;
    }

    public MountedComponent remove(String id) {
        forgetNumber(id);
        return components.remove(id);
    }

    public Collection<MountedComponent> components() {
        return components.values();
    }

    @Override
    public void release(MountedComponent component) {
        if (components.remove(component.id(), component)) {
            forgetNumber(component.id());
        }
    }

    /** A component gone from this connection gives up its number: a connection holds as many as it has components. */
    private void forgetNumber(String id) {
        Integer number = numbers.remove(id);
        if (number != null) {
            numbered.remove(number);
        }
    }

    @Override
    public void sendRender(MountedComponent component, HtmlChange change) {
        channel.send(version >= 2 ? Replies.render(number(component), change) : Replies.render(component.id(), change));
    }
}
