package io.quarkiverse.live.runtime.transport.ws;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.vertx.core.http.HttpServerRequest;

/**
 * Writes a message as one text frame straight into the connection's Netty pipeline, at the place where Vert.x's own
 * WebSocket writes its frames (the WebSocket encoder, and the permessage-deflate one when negotiated, come after it).
 * <p>
 * Why: it was written when websockets-next carried the live WebSocket, whose {@code sendText} wraps each message in
 * a Mutiny {@code Uni}; with context propagation on the class path, capturing and restoring the thread's contexts
 * around every message took a fifth to a quarter of the server's Java time when a shared value fanned out to 10,000
 * browsers (see the benchmarks page). Vert.x's own {@code writeTextMessage}, used now for the rest, costs less than
 * that but still copies the text into a heap buffer, makes a promise and takes the connection's lock per message;
 * this encodes the text once into a pooled buffer.
 * <p>
 * It writes only on the connection's event loop, and only a message that fits one frame
 * ({@code quarkus.websockets-next.server.max-frame-size}; Vert.x splits a longer one). Otherwise {@link #write} refuses
 * and the caller sends through Vert.x. Order: a message sent from another thread goes through Vert.x, which
 * queues its write on the event loop; a frame written here meanwhile may pass it, as messages of two threads sent at
 * the same time may come in either order. Anything that follows such a message (the component's next task, say)
 * reaches the event loop through the same queue, after its write.
 */
final class TextFrameWriter {

    private final ChannelHandlerContext vertx;
    private final int maxFrameSize;

    private TextFrameWriter(ChannelHandlerContext vertx, int maxFrameSize) {
        this.vertx = vertx;
        this.maxFrameSize = maxFrameSize;
    }

    /**
     * The writer of an upgrade's connection; {@code null} for a connection that is not Vert.x's HTTP/1 one (none is,
     * today), which then sends everything through Vert.x.
     */
    static TextFrameWriter of(HttpServerRequest upgrade, int maxFrameSize) {
        ChannelHandlerContext vertx = UpgradePipeline.vertxHandler(upgrade);
        return vertx == null ? null : new TextFrameWriter(vertx, maxFrameSize);
    }

    /**
     * Writes and flushes {@code message} as one frame; {@code written} hears when it is written or failed.
     *
     * @return {@code false}, having written nothing, when not on the connection's event loop or when the message
     *         needs more than one frame
     */
    boolean write(String message, ChannelFutureListener written) {
        if (message.length() > maxFrameSize || !vertx.executor().inEventLoop()) {
            return false;
        }
        ByteBuf payload = ByteBufUtil.writeUtf8(vertx.alloc(), message);
        if (payload.readableBytes() > maxFrameSize) {
            payload.release();
            return false;
        }
        vertx.writeAndFlush(new TextWebSocketFrame(payload)).addListener(written);
        return true;
    }
}
