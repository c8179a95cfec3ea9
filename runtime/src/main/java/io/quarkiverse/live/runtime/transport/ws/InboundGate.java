package io.quarkiverse.live.runtime.transport.ws;

import java.util.concurrent.atomic.AtomicInteger;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.ContinuationWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.util.ReferenceCountUtil;
import io.vertx.core.http.HttpServerRequest;

/**
 * Keeps what a client sends from piling up on the server, in two ways.
 * <p>
 * It stops reading a connection while {@code quarkus.live.max-queued-events-per-connection} of its messages wait for
 * the dispatcher, and reads on once half of them are taken ({@link #taken()}). Vert.x hands the messages on as Netty
 * decodes them, and everything decoded from one read of the socket used to wait on the event loop before the first of
 * it was looked at: a client that writes as fast as its socket takes had thousands of messages queued at a time (about
 * 13,000 from one read of 16 buffers of 64 KB), each to be parsed, refused and answered before the next connection of
 * that event loop had its turn.
 * <p>
 * It drops the messages of a connection the server is closing, as soon as they are decoded, before Vert.x and the
 * dispatcher spend anything on them. A client that floods is closed by the limits, but it has written far more
 * than it was answered: up to the kernel's buffers, tens of megabytes of messages, which the server reads until the
 * client's own close frame comes after them. Control frames pass, so the close handshake ends as usual. It also holds
 * the connection's channel, to drop a client that never completes that handshake ({@link #abort()}).
 */
final class InboundGate extends ChannelInboundHandlerAdapter {

    private static final String HANDLER = "quarkus-live-gate";

    private final Channel channel;
    private final int maxWaiting;
    /** Messages passed on and not yet taken by the dispatcher. */
    private final AtomicInteger waiting = new AtomicInteger();
    /** Reading stopped until the dispatcher has taken half of what waits. */
    private volatile boolean paused;
    private volatile boolean shut;
    /** Where this handler sits in the connection's pipeline, once it is there. */
    private volatile ChannelHandlerContext context;

    private InboundGate(Channel channel, int maxWaiting) {
        this.channel = channel;
        this.maxWaiting = maxWaiting;
    }

    /**
     * Puts a gate on the connection of an upgrade request, in front of Vert.x's handler, and returns it; {@code null}
     * for a connection that is not Vert.x's HTTP/1 one (none is, today), whose messages then always pass.
     * {@code maxWaiting}: the messages that may wait for the dispatcher before reading stops.
     */
    static InboundGate install(HttpServerRequest upgrade, int maxWaiting) {
        return UpgradePipeline.addInFrontOfVertx(upgrade, HANDLER,
                channel -> new InboundGate(channel, maxWaiting)) instanceof InboundGate gate ? gate : null;
    }

    /** The dispatcher took one message; once half of what waited is taken, reading goes on. */
    void taken() {
        if (waiting.decrementAndGet() <= maxWaiting / 2 && paused && !shut) {
            paused = false;
            channel.config().setAutoRead(true);
        }
    }

    /** From now on the connection's messages are dropped. */
    void shut() {
        shut = true;
    }

    /** Reads nothing more from the connection: what the client still writes stays in the kernel's buffers. */
    void stopReading() {
        channel.config().setAutoRead(false);
    }

    /**
     * Drops the TCP connection without a closing handshake, and what waits to be written with it: for a client that
     * never answered the close frame, which may itself wait behind everything the client did not read. The close starts
     * at this handler, so that it does not pass Vert.x's: Vert.x turns a close of a WebSocket connection into its own
     * closing handshake, which waits for the client's close frame for up to 10 s.
     */
    void abort() {
        ChannelHandlerContext context = this.context;
        if (context != null) {
            context.close();
        } else {
            channel.close();
        }
    }

    @Override
    public void handlerAdded(ChannelHandlerContext context) {
        this.context = context;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object message) {
        if (message instanceof TextWebSocketFrame || message instanceof BinaryWebSocketFrame
                || message instanceof ContinuationWebSocketFrame) {
            if (shut) {
                ReferenceCountUtil.release(message);
                return;
            }
            // A message is whole with its last frame; the rest of this read is decoded and passed on anyway, but no
            // further read starts (Netty checks auto-read before each)
            if (((WebSocketFrame) message).isFinalFragment() && waiting.incrementAndGet() >= maxWaiting && !paused) {
                paused = true;
                channel.config().setAutoRead(false);
            }
        }
        ctx.fireChannelRead(message);
    }
}
