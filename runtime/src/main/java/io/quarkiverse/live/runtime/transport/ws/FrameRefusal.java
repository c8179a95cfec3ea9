package io.quarkiverse.live.runtime.transport.ws;

import org.jboss.logging.Logger;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.util.ReferenceCountUtil;
import io.vertx.core.http.HttpServerRequest;

/**
 * Closes a live connection whose client broke the WebSocket protocol with the status the refusal names, which the
 * client then receives: 1009 for a message longer than {@code quarkus.live.max-message-size}, 1007 for text that is no
 * UTF-8, 1002 for a broken frame.
 * <p>
 * Netty's WebSocket decoder, {@link MessageSizeLimit} and {@link StrictUtf8} refuse a frame by raising a
 * {@link CorruptedWebSocketFrameException} that carries the close status. Vert.x has the decoder send no close frame
 * itself, and closes the channel as soon as such an exception reaches its handler: the client would see the
 * connection drop without a status (1006), and could not tell a message too long from a network failure. This handler
 * sits in front of Vert.x's (see {@link UpgradePipeline}), behind the others, and takes the exception instead: it
 * stops reading, writes the close frame, and closes the channel once the frame is written. The exception goes no
 * further, so Vert.x does not report it: a client's mistake is no server error.
 */
final class FrameRefusal extends ChannelInboundHandlerAdapter {

    private static final Logger LOG = Logger.getLogger(FrameRefusal.class);
    private static final String HANDLER = "quarkus-live-refusal";

    /** Set once a close frame is on its way; read and written on the channel's event loop only. */
    private boolean refused;

    private FrameRefusal() {
    }

    /**
     * Puts the handler on the connection of an upgrade request, in front of Vert.x's handler: after every handler that
     * may refuse a frame. A connection that is not Vert.x's HTTP/1 one (none is, today) is left as it is.
     */
    static void install(HttpServerRequest upgrade) {
        UpgradePipeline.addInFrontOfVertx(upgrade, HANDLER, channel -> new FrameRefusal());
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (!(cause instanceof CorruptedWebSocketFrameException refusal)) {
            ctx.fireExceptionCaught(cause);
            return;
        }
        if (refused) {
            // A later frame of what was read with the refused one was refused too: one close frame is enough
            return;
        }
        refused = true;
        ctx.channel().config().setAutoRead(false);
        WebSocketCloseStatus status = refusal.closeStatus();
        LOG.debugf("Closing a live connection with %d: %s", status.code(), refusal.getMessage());
        // Closed from here, not through the channel: Vert.x's handler would turn the close into a closing handshake
        // that waits up to 10 s for a client that already broke the protocol
        ctx.writeAndFlush(new CloseWebSocketFrame(status)).addListener(written -> ctx.close());
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object message) {
        if (refused) {
            // Decoded from what arrived with the refused frame, or read after Vert.x resumed reading: the connection is
            // closing, and nothing more the client sends reaches Vert.x
            ReferenceCountUtil.release(message);
            return;
        }
        ctx.fireChannelRead(message);
    }
}
