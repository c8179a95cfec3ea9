package io.quarkiverse.live.runtime.transport.ws;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.ContinuationWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.util.ReferenceCountUtil;
import io.vertx.core.http.HttpServerRequest;

/**
 * Drops the messages of a connection the server is closing, as soon as they are decoded, before Vert.x and the
 * dispatcher spend anything on them. A client that floods is closed by the limits, but it has written far more than it
 * was answered: up to the kernel's buffers, tens of megabytes of messages, which the server reads until the client's
 * own close frame comes after them. Control frames pass, so the close handshake ends as usual. It also holds the
 * connection's channel, to stop reading it and to drop a client that never completes that handshake
 * ({@link #abort()}).
 * <p>
 * It no longer counts messages that wait to be looked at: when websockets-next carried the live WebSocket, each
 * message waited as a task of the event loop, and everything decoded from one read (about 13,000 small events) queued
 * before the first was looked at, so the gate stopped reading past a bound. Vert.x hands each message to
 * {@link WebSocketRoute}'s handler within the read that decoded it, so none waits.
 */
final class InboundGate extends ChannelInboundHandlerAdapter {

    private static final String HANDLER = "quarkus-live-gate";

    private final Channel channel;
    private volatile boolean shut;
    /** Where this handler sits in the connection's pipeline, once it is there. */
    private volatile ChannelHandlerContext context;

    private InboundGate(Channel channel) {
        this.channel = channel;
    }

    /**
     * Puts a gate on the connection of an upgrade request, in front of Vert.x's handler, and returns it; {@code null}
     * for a connection that is not Vert.x's HTTP/1 one (none is, today), whose messages then always pass.
     */
    static InboundGate install(HttpServerRequest upgrade) {
        return UpgradePipeline.addInFrontOfVertx(upgrade, HANDLER,
                InboundGate::new) instanceof InboundGate gate ? gate : null;
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
        if (shut && (message instanceof TextWebSocketFrame || message instanceof BinaryWebSocketFrame
                || message instanceof ContinuationWebSocketFrame)) {
            ReferenceCountUtil.release(message);
            return;
        }
        ctx.fireChannelRead(message);
    }
}
