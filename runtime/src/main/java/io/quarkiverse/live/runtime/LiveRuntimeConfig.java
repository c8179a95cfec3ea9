package io.quarkiverse.live.runtime;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.quarkus.runtime.annotations.ConfigPhase;
import io.quarkus.runtime.annotations.ConfigRoot;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Quarkus Live settings that can change at run time.
 */
@ConfigMapping(prefix = "quarkus.live")
@ConfigRoot(phase = ConfigPhase.RUN_TIME)
public interface LiveRuntimeConfig {

    /**
     * How long a component rendered by an HTTP response waits for a browser to join it over the transport. A
     * component not joined by then is unmounted and its id forgotten; a page opened with JavaScript off keeps
     * showing what it rendered, and a form it posts later runs on the page's component mounted again.
     */
    @WithDefault("60s")
    Duration joinTimeout();

    /**
     * The longest message, in bytes of UTF-8, a client may send. The WebSocket's own frame and message limits are set
     * to it, and a message is counted across its frames as they arrive, so a longer message is never buffered whole:
     * the server closes the connection with 1009 (message too big) at the frame that passes the limit. The browser
     * runtime learns the limit from the server's {@code hello} and refuses to send a longer event itself. Events are
     * small: the default leaves room for a long text area. Over Server-Sent Events a longer POST is refused with 413
     * before its body is read whole.
     */
    @WithDefault("65536")
    int maxMessageSize();

    /**
     * The longest a message from the browser may take to arrive whole over a WebSocket, from its first bytes to the
     * frame that ends it: a frame whose bytes stop coming, or a message sent in fragments whose last one never comes,
     * holds what arrived (up to {@code max-message-size}) in the server. A connection past it is closed with 1008 and
     * cools down ({@code cool-down}); it is checked with the sweep for silent connections, so the close comes up to a
     * quarter of the shorter of this and {@code idle-timeout} later. The browser runtime sends each message as one
     * frame at once; the default leaves a message of {@code max-message-size} half a minute to cross a slow uplink.
     */
    @WithDefault("30s")
    Duration messageTimeout();

    /**
     * The most events of one component that may wait for their turn or run at once. An event past it is answered
     * with {@code too-many} without being queued (the browser runtime sends it again a moment later), so a client
     * that sends faster than its handlers run cannot grow the server's memory.
     */
    @WithDefault("32")
    int maxQueuedEvents();

    /**
     * The most events of one connection, all its components together, that may wait for their turn or run at once.
     * An event past it is answered with {@code too-many} without being queued. It also bounds the messages of one
     * connection that were read and wait to be looked at: at that many the server stops reading the connection, and
     * reads on once half of them are taken, so a client that writes faster than the server reads waits in its own
     * socket's buffers.
     */
    @WithDefault("128")
    int maxQueuedEventsPerConnection();

    /**
     * The most events one connection may send per second, on average, and the most one component may receive, over
     * every connection that joins it (a browser closed for flooding that rejoins finds its component's allowance as
     * spent as it left it); bursts of up to twice as many pass. An event past it is answered with {@code too-many} and
     * not applied. A connection that goes on sending refused events (more than {@code max-queued-events} of them within a
     * second) is closed with 1008 (policy violation).
     */
    @WithDefault("100")
    int maxEventsPerSecond();

    /**
     * The most components waiting for their first join at once, in the whole server: each page a browser loads keeps
     * its components until the browser joins them or {@code join-timeout} passes. Past it the component that has
     * waited longest is forgotten, so a flood of page loads costs bounded memory.
     */
    @WithDefault("20000")
    int maxPendingJoins();

    /**
     * The most components one connection may have joined at once. A join past it is refused with
     * {@code too-many}.
     */
    @WithDefault("200")
    int maxComponentsPerConnection();

    /**
     * The origins whose pages may open live connections, each as {@code scheme://host[:port]}, e.g.
     * {@code https://shop.example}. Unset: a page may connect only from the origin the connection itself names (same
     * scheme, host and port as the request's {@code Host}); and a connection that arrives on a loopback address must
     * name a loopback host, so a page of another site whose name resolves to this machine (DNS rebinding) is refused.
     * Clients that send no {@code Origin} are no browsers and are let through: they have no visitor's cookie to use.
     */
    Optional<List<String>> allowedOrigins();

    /**
     * The secret that signs the tokens of forms posted without JavaScript (and of upload announcements): at least 32
     * characters, kept out of the source, e.g. from an environment variable. Unset: a random key drawn at each start,
     * so a page rendered by another node of a cluster, or before a restart, gets 403 on its next post and must be
     * reloaded. Set the same secret on every node to let such a post through: its component is then mounted again
     * where it arrives, and the post runs on it.
     */
    Optional<String> formTokenSecret();

    /**
     * The most pages of {@code @Live(path = ...)} components one client address has rendering at once. Its further
     * page loads wait their turn, in order and without holding a thread, until one of its renders ends: a client that
     * floods page loads gets its own pages later, and cannot take every worker thread and core from other clients and
     * from the live connections. Behind a proxy every client may share the proxy's address: let Quarkus read the
     * forwarded address ({@code quarkus.http.proxy.proxy-address-forwarding}) or raise this.
     */
    @WithDefault("2")
    int maxPageRendersPerAddress();

    /**
     * The most page loads of one client address that may wait for their turn to render
     * ({@code max-page-renders-per-address}). A load past it is refused with 503 and {@code Retry-After: 1}.
     */
    @WithDefault("100")
    int maxWaitingPageLoadsPerAddress();

    /**
     * The most live connections the server keeps open at once. An upgrade past it is refused with 503 and the browser
     * runtime tries again later, with backoff.
     */
    @WithDefault("10000")
    int maxConnections();

    /**
     * The most live connections from one client address. Behind a proxy every client may share the proxy's address:
     * let Quarkus read the forwarded address ({@code quarkus.http.proxy.proxy-address-forwarding}) or raise this.
     */
    @WithDefault("100")
    int maxConnectionsPerAddress();

    /**
     * How long a connection may stay silent: no message and no answer to the server's pings (sent every half of it,
     * and browsers answer them by themselves). A silent connection is closed, so a client that vanished without a TCP
     * close does not hold its connection for the HTTP idle timeout. A Server-Sent Events stream, which has no answer to
     * a ping, counts as heard each time one of its heartbeats is written to the socket.
     */
    @WithDefault("60s")
    Duration idleTimeout();

    /**
     * How often the server pings each quiet WebSocket connection (one that has sent nothing for half of it; browsers
     * answer by themselves) and writes a heartbeat to each Server-Sent Events stream. It keeps proxies from closing a
     * quiet connection and lets {@code quarkus.live.idle-timeout} tell a silent page from a dead one: a quiet page may
     * wait up to one and a half intervals for its ping, so keep it well under that timeout. In dev mode it defaults to
     * 1 s: each answer may start the scan for changed sources.
     */
    @WithDefault("20s")
    Duration pingInterval();

    /**
     * The most bytes the server may have written to one connection that the browser has not read yet. A connection
     * past it (a client that stopped reading) is closed with 1008 when the next message is due, so a slow client
     * cannot grow the server's memory beyond it and one message, or hold up others; its components wait for it to come
     * back like any other dropped connection's. A single message larger than the limit still goes to a client that
     * has read everything before it.
     */
    @WithDefault("1048576")
    int maxUnsentBytes();

    /**
     * How long a browser whose connection the server closed for breaking a limit (1008: a flood of events or of
     * unreadable messages, or not reading what it is sent) must wait before it may connect again from the same address;
     * meanwhile its upgrades are refused with 429 and {@code Retry-After}. Without it a flood that reconnects at once
     * costs the server a new connection and a buffer of unread messages several times a second. It is kept per browser
     * id and address, so other browsers behind the same address connect as usual; connections without a browser id
     * share one. {@code 0s} turns it off.
     */
    @WithDefault("5s")
    Duration coolDown();

    /**
     * How long the server waits for a client to answer its close frame before it drops the connection. A client that
     * stopped reading never sees the close frame, which waits behind what it did not read: without this limit its
     * connection, and those unread bytes, would stay.
     */
    @WithDefault("2s")
    Duration closeTimeout();

    /**
     * How long the server holds a long poll that finds no message waiting before it answers it empty, and the browser
     * polls again. Shorter than the idle timeouts of the proxies on the way (often 60 s), or they cut the poll; a poll
     * is also the connection's sign of life for {@code quarkus.live.idle-timeout}, so this must stay below that.
     */
    @WithDefault("25s")
    Duration longPollTimeout();

    /**
     * The most fields a form sent as one handler argument may have. A form with more is refused with
     * {@code bad-arguments} before anything is converted.
     */
    @WithDefault("256")
    int maxFormFields();

    /**
     * How deep a handler argument may nest: a form field's dotted name ({@code address.street} is 2) and the JSON
     * objects around it both count. A deeper argument is refused with {@code bad-arguments}, so no name can make the
     * expansion into nested objects run away.
     */
    @WithDefault("8")
    int maxFieldDepth();

    /**
     * How long the server keeps a component whose browser lost its connection (Wi-Fi gone, laptop asleep, a proxy
     * recycled). A browser that reconnects within it resumes exactly where it was, events sent meanwhile included;
     * after it the component is unmounted ({@code onUnmount()} runs) and a reconnecting page gets a fresh one.
     */
    @WithDefault("60s")
    Duration reconnectGrace();

    /**
     * The most components the server keeps for browsers that lost their connection. When more detach, the one
     * detached longest is unmounted first, so a wave of dropped connections cannot grow memory without bound.
     */
    @WithDefault("10000")
    int maxDetached();

    /**
     * How many of a component's latest events the server remembers for exactly-once delivery: a browser that resends
     * an event after reconnecting gets that event's answer again instead of running the handler twice. A resent event
     * older than that is refused with {@code bad-sequence}. Answers are kept only for events that failed.
     */
    @WithDefault("16")
    int replayWindow();

    /**
     * How long a call that may change a {@code @Shared} value waits for that value's lock, which keeps changes of one
     * key one at a time across the cluster. A handler call that waits longer is answered with {@code handler-failed}
     * and does not run; a {@code SharedState.update} fails.
     */
    @WithDefault("10s")
    Duration sharedLockTimeout();

    /**
     * How often each node tells the others who is present on it, so that a node that stops answering can be told
     * from one whose users are idle. Changes (a user arriving or leaving) are sent at once, not on this beat.
     */
    @WithDefault("1s")
    Duration presenceHeartbeat();

    /**
     * How long a node may stay silent before the users present on it leave every list; when a node dies its users are
     * gone from the other nodes' lists after at most this long.
     */
    @WithDefault("5s")
    Duration presenceTimeout();

    /**
     * What the server sends when a component's HTML changes. {@code edits}: the changed part only, as edits of the
     * HTML the browser received last (the whole HTML the first time after a join, and after a rejoin). {@code html}:
     * always the whole HTML, for debugging and comparison.
     */
    @WithDefault("edits")
    Diff diff();

    /**
     * The largest file an {@code UploadedFile} parameter takes when its {@code @Upload} names no {@code maxSize}, in
     * bytes (8 MiB, as LiveView's default). A larger file is refused before a byte of it is sent.
     */
    @WithDefault("8388608")
    long maxUploadSize();

    /**
     * The disk space all uploads under way may take together, in bytes, counted by the sizes announced (1 GiB). An
     * announcement past it is refused (503), with a message under the field's name, until others are done.
     */
    @WithDefault("1073741824")
    long maxUploadStorage();

    /**
     * The size of the chunks a browser uploads a file in, in bytes: each is one HTTP request, sent again from where the
     * server stands when it fails, so a dropped connection costs at most one chunk.
     */
    @WithDefault("262144")
    int uploadChunkSize();

    /**
     * How long an upload may wait without a chunk (or, once complete, for the submit that hands it to a handler)
     * before it is dropped and its file deleted.
     */
    @WithDefault("60s")
    Duration uploadTimeout();

    /**
     * Where uploaded files wait for their handler; a new temporary directory by default. The files are deleted when the
     * handler returns, the upload is cancelled or times out, or the component goes away.
     */
    Optional<String> uploadDirectory();

    /** The values of {@link #diff()}. */
    enum Diff {
        /** Edits of the browser's copy of the component's HTML. */
        EDITS,
        /** The whole HTML every time. */
        HTML
    }
}
