package org.acme;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetClientOptions;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetServerOptions;
import io.vertx.core.net.NetSocket;

/**
 * A TCP proxy for tests whose line can be cut: it listens on 127.0.0.1, on a port the OS picks, and forwards each
 * connection to a target on the loopback interface. {@link #cut()} closes every open connection and closes new ones
 * as soon as they are accepted, as a network outage would; {@link #restore()} lets connections through again.
 * <p>
 * Bytes are piped both ways with Vert.x pipes, so a slow reader on one side pauses the writer on the other instead of
 * growing a buffer. When either side closes, so does the other.
 * <p>
 * It can also stand for a proxy that lets plain HTTP through but not WebSockets ({@link #blockWebSockets}): it reads
 * the head of each connection's first request, and a WebSocket upgrade is refused with 403 or held unanswered. Browsers
 * open a connection of its own for every WebSocket, so the first request is the one to look at.
 * <p>
 * The blocking methods ({@link #start}, {@link #cut()}, {@link #close()}) wait for Vert.x; call them from a test's
 * thread, not from an event loop ({@code cut()} and {@code restore()} do not wait there).
 */
final class CuttableProxy implements AutoCloseable {

    private static final long TIMEOUT_SECONDS = 10;

    private final Vertx vertx;
    private final boolean ownsVertx;
    private final String targetHost;
    private final int targetPort;
    private final NetClient client;
    private final NetServer server;
    /** Both sides of every connection that is open now. */
    private final Set<NetSocket> open = ConcurrentHashMap.newKeySet();
    private volatile boolean cut;
    private volatile WebSockets webSockets = WebSockets.PASS;
    private final AtomicInteger refused = new AtomicInteger();
    private final AtomicInteger blockedUpgrades = new AtomicInteger();

    /** What the proxy does with a WebSocket upgrade. */
    enum WebSockets {
        /** Forwards it, as any request. */
        PASS,
        /** Answers {@code 403 Forbidden} and closes the connection, as a proxy that does not allow them. */
        REFUSE,
        /** Never answers and never forwards it, as a proxy that waits for a whole response before passing it on. */
        HOLD
    }

    private CuttableProxy(Vertx vertx, boolean ownsVertx, String targetHost, int targetPort) {
        this.vertx = vertx;
        this.ownsVertx = ownsVertx;
        this.targetHost = targetHost;
        this.targetPort = targetPort;
        this.client = vertx.createNetClient(new NetClientOptions().setConnectTimeout(5000).setTcpNoDelay(true));
        this.server = vertx.createNetServer(new NetServerOptions().setHost("127.0.0.1").setPort(0).setTcpNoDelay(true))
                .connectHandler(this::accept);
    }

    /** Starts a proxy to {@code targetHost:targetPort} on the given Vert.x, which {@link #close()} leaves running. */
    static CuttableProxy start(Vertx vertx, String targetHost, int targetPort) {
        return new CuttableProxy(vertx, false, requireLoopback(targetHost), targetPort).listen();
    }

    /** Starts a proxy to {@code targetHost:targetPort} on a Vert.x of its own, closed with the proxy. */
    static CuttableProxy start(String targetHost, int targetPort) {
        requireLoopback(targetHost);
        Vertx vertx = Vertx.vertx();
        try {
            return new CuttableProxy(vertx, true, targetHost, targetPort).listen();
        } catch (RuntimeException e) {
            vertx.close();
            throw e;
        }
    }

    private CuttableProxy listen() {
        await(server.listen());
        return this;
    }

    /** The port the proxy listens on, at 127.0.0.1. */
    int port() {
        return server.actualPort();
    }

    /** Whether the line is cut now. */
    boolean isCut() {
        return cut;
    }

    /**
     * Closes every open connection, both sides, and from now on closes each new connection as soon as it is accepted,
     * until {@link #restore()}. Returns once the open connections are closed.
     */
    void cut() {
        cut = true;
        List<Future<Void>> closing = new ArrayList<>();
        for (NetSocket socket : open) {
            closing.add(socket.close().otherwiseEmpty());
        }
        if (!Context.isOnVertxThread()) {
            await(Future.join(closing));
        }
    }

    /** How many connections were closed as soon as they were accepted, because the line was cut. */
    int refused() {
        return refused.get();
    }

    /** From now on, what the proxy does with WebSocket upgrades (connections open already stay as they are). */
    void blockWebSockets(WebSockets what) {
        webSockets = what;
    }

    /** How many WebSocket upgrades were refused or held. */
    int blockedUpgrades() {
        return blockedUpgrades.get();
    }

    /** Accepts and forwards new connections again. Connections closed by {@link #cut()} stay closed. */
    void restore() {
        cut = false;
    }

    @Override
    public void close() {
        try {
            cut();
            await(server.close());
            await(client.close());
        } finally {
            if (ownsVertx) {
                await(vertx.close());
            }
        }
    }

    private void accept(NetSocket front) {
        // Registered before cut is read: a cut() that runs meanwhile either sees this socket or is seen here
        open.add(front);
        front.closeHandler(ignored -> open.remove(front));
        if (cut) {
            refused.incrementAndGet();
            front.close();
            return;
        }
        if (webSockets == WebSockets.PASS) {
            // Nothing is read until the other side is there; the pipe resumes the socket
            front.pause();
            forward(front, null);
        } else {
            readHead(front, webSockets);
        }
    }

    /** Reads the head of the connection's first request, then refuses or holds an upgrade, or forwards the rest. */
    private void readHead(NetSocket front, WebSockets blocking) {
        Buffer head = Buffer.buffer();
        front.handler(bytes -> {
            head.appendBuffer(bytes);
            String text = head.toString(StandardCharsets.ISO_8859_1);
            if (!text.contains("\r\n\r\n") && head.length() < 65_536) {
                return;
            }
            front.handler(null);
            front.pause();
            if (text.toLowerCase(Locale.ROOT).matches("(?s).*\r\nupgrade: *websocket\r\n.*")) {
                blockedUpgrades.incrementAndGet();
                if (blocking == WebSockets.REFUSE) {
                    front.end(Buffer.buffer(
                            "HTTP/1.1 403 Forbidden\r\ncontent-length: 0\r\nconnection: close\r\n\r\n"));
                }
                return;
            }
            forward(front, head);
        });
    }

    /** Connects to the target and pipes both ways; {@code first}: bytes read from the client already, sent first. */
    private void forward(NetSocket front, Buffer first) {
        client.connect(targetPort, targetHost).onComplete(connected -> {
            if (connected.failed()) {
                front.close();
                return;
            }
            NetSocket back = connected.result();
            open.add(back);
            back.closeHandler(ignored -> {
                open.remove(back);
                front.close();
            });
            front.closeHandler(ignored -> {
                open.remove(front);
                back.close();
            });
            if (cut || !open.contains(front)) {
                // Cut, or the client left, while the target was being reached
                back.close();
                front.close();
                return;
            }
            if (first != null) {
                back.write(first);
            }
            front.pipeTo(back);
            back.pipeTo(front);
        });
    }

    private static String requireLoopback(String host) {
        try {
            for (InetAddress address : InetAddress.getAllByName(host)) {
                if (!address.isLoopbackAddress()) {
                    throw new IllegalArgumentException("The proxy forwards to the loopback interface only, not to "
                            + host + " (" + address.getHostAddress() + ")");
                }
            }
            return host;
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("Unknown host " + host, e);
        }
    }

    private static <T> T await(Future<T> future) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
