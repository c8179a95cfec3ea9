package io.quarkiverse.live.runtime.transport.ws;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.ContinuationWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.vertx.core.http.HttpServerRequest;

/**
 * Refuses a message longer than {@code quarkus.live.max-message-size} as its frames arrive, counting across its
 * continuation frames, with 1009 (closed by {@link FrameRefusal}).
 * <p>
 * Netty's decoder bounds each frame to the limit, but a message may come in any number of frames. Vert.x gathers them
 * and, at its own message limit, drops the message with a warning in the log and keeps the connection open: a
 * client's mistake logged as the server's, and no answer the client could learn from. Counted here, in front of
 * Vert.x's handler (see {@link UpgradePipeline}), the message is refused at the frame that passes the limit, and that
 * frame never reaches Vert.x. The count is of the bytes as they arrive at the handler, inflated when the connection
 * compresses.
 * <p>
 * It also knows how long the message the client is sending has been arriving without being whole
 * ({@link #unfinishedNanos()}): from the first bytes read after the last whole message (a handler at the front of the
 * pipeline, {@link Arrivals}, sees them before the decoder) until a frame that ends a message, or a control frame
 * outside a message, comes out of the decoder. A frame whose bytes stop coming and a message sent in fragments whose
 * last never comes both count; the sweep of {@code Connections} closes a connection past
 * {@code quarkus.live.message-timeout}.
 */
final class MessageSizeLimit extends ChannelInboundHandlerAdapter {

    private static final String HANDLER = "quarkus-live-message-size";
    private static final String ARRIVALS = "quarkus-live-arrivals";
    private static final long NONE = Long.MIN_VALUE;

    private final int limit;
    /** Bytes of the message arriving so far; read and written on the channel's event loop only. */
    private long length;
    /** Whether a message sent in fragments has begun and not ended; on the channel's event loop only. */
    private boolean inFragments;
    /** When the bytes of the message not yet whole began to arrive ({@link System#nanoTime()}), or {@link #NONE}. */
    private volatile long unfinishedSince = NONE;

    private MessageSizeLimit(int limit) {
        this.limit = limit;
    }

    /**
     * Puts the limit on the connection of an upgrade request, in front of Vert.x's handler, and its {@link Arrivals}
     * at the front of the pipeline; returns it. A connection that is not Vert.x's HTTP/1 one (none is, today) is left
     * as it is ({@code null}): Vert.x's own limit applies.
     */
    static MessageSizeLimit install(HttpServerRequest upgrade, int limit) {
        MessageSizeLimit installed = (MessageSizeLimit) UpgradePipeline.addInFrontOfVertx(upgrade, HANDLER,
                channel -> new MessageSizeLimit(limit));
        if (installed != null) {
            UpgradePipeline.addFirst(upgrade, ARRIVALS, installed.new Arrivals());
        }
        return installed;
    }

    /** How long the message the client is sending has been arriving without being whole; 0 when none is. */
    long unfinishedNanos() {
        long since = unfinishedSince;
        return since == NONE ? 0 : System.nanoTime() - since;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object message) {
        if (!(message instanceof WebSocketFrame frame)) {
            // The HTTP request before the upgrade
            ctx.fireChannelRead(message);
            return;
        }
        if (!isData(frame)) {
            // A control frame, which may come between the frames of a message
            if (!inFragments) {
                unfinishedSince = NONE;
            }
            ctx.fireChannelRead(message);
            return;
        }
        inFragments = !frame.isFinalFragment();
        if (!inFragments) {
            unfinishedSince = NONE;
        }
        if (!(frame instanceof ContinuationWebSocketFrame)) {
            length = 0;
        }
        length += frame.content().readableBytes();
        if (length > limit) {
            frame.release();
            ctx.fireExceptionCaught(new CorruptedWebSocketFrameException(WebSocketCloseStatus.MESSAGE_TOO_BIG,
                    "A message longer than " + limit + " bytes"));
            return;
        }
        if (frame.isFinalFragment()) {
            length = 0;
        }
        ctx.fireChannelRead(frame);
    }

    private static boolean isData(WebSocketFrame frame) {
        return frame instanceof TextWebSocketFrame || frame instanceof BinaryWebSocketFrame
                || frame instanceof ContinuationWebSocketFrame;
    }

    /** Notes when bytes begin to arrive after the last whole message, before the decoder makes frames of them. */
    final class Arrivals extends ChannelInboundHandlerAdapter {

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object message) {
            if (unfinishedSince == NONE) {
                unfinishedSince = System.nanoTime();
            }
            ctx.fireChannelRead(message);
        }
    }
}
