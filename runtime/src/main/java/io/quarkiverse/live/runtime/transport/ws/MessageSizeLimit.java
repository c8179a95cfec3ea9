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
 */
final class MessageSizeLimit extends ChannelInboundHandlerAdapter {

    private static final String HANDLER = "quarkus-live-message-size";

    private final int limit;
    /** Bytes of the message arriving so far; read and written on the channel's event loop only. */
    private long length;

    private MessageSizeLimit(int limit) {
        this.limit = limit;
    }

    /**
     * Puts the limit on the connection of an upgrade request, in front of Vert.x's handler. A connection that is not
     * Vert.x's HTTP/1 one (none is, today) is left as it is: Vert.x's own limit applies.
     */
    static void install(HttpServerRequest upgrade, int limit) {
        UpgradePipeline.addInFrontOfVertx(upgrade, HANDLER, channel -> new MessageSizeLimit(limit));
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object message) {
        if (!(message instanceof WebSocketFrame frame) || !isData(frame)) {
            // The HTTP request before the upgrade, and control frames, which may come between the frames of a message
            ctx.fireChannelRead(message);
            return;
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
}
