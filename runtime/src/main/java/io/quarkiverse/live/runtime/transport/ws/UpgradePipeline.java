package io.quarkiverse.live.runtime.transport.ws;

import java.util.function.Function;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.impl.ConnectionBase;

/**
 * Puts a Netty handler in front of Vert.x's own on the connection of a live WebSocket upgrade, where it sees every
 * frame before Vert.x does ({@link InboundGate}, {@link MessageSizeLimit}, {@link StrictUtf8},
 * {@link FrameRefusal}, in the order they are added; the WebSocket decoder takes the place of the HTTP decoder at the
 * front); and finds Vert.x's handler, where Vert.x writes its frames ({@link TextFrameWriter}). The connection is
 * reached through Vert.x's internal {@code ConnectionBase}, with a plain cast: a connection that is not Vert.x's HTTP/1
 * one (none is, today) gets no handler.
 */
final class UpgradePipeline {

    private static final String VERTX_HANDLER = "handler";
    private static final String VERTX_IDLE_TIMEOUT = "idle";

    private UpgradePipeline() {
    }

    /**
     * Adds the handler {@code create} makes for the connection's channel, under {@code name}, in front of Vert.x's
     * handler, and returns it; when the connection has one of that name already (an upgrade refused by another check
     * leaves the connection open for the next request, maybe an upgrade), returns that one. {@code null} when the
     * connection has no Vert.x pipeline to add to.
     */
    static ChannelHandler addInFrontOfVertx(HttpServerRequest upgrade, String name,
            Function<Channel, ChannelHandler> create) {
        if (!(upgrade.connection() instanceof ConnectionBase connection)) {
            return null;
        }
        ChannelPipeline pipeline = connection.channel().pipeline();
        ChannelHandler existing = pipeline.get(name);
        if (existing != null) {
            return existing;
        }
        if (pipeline.get(VERTX_HANDLER) == null) {
            return null;
        }
        ChannelHandler handler = create.apply(connection.channel());
        pipeline.addBefore(VERTX_HANDLER, name, handler);
        return handler;
    }

    /**
     * Adds the handler at the front of the connection's pipeline, where it sees what is read before any decoder, unless
     * the connection has one of that name already or no Vert.x pipeline.
     */
    static void addFirst(HttpServerRequest upgrade, String name, ChannelHandler handler) {
        if (upgrade.connection() instanceof ConnectionBase connection
                && connection.channel().pipeline().get(name) == null) {
            connection.channel().pipeline().addFirst(name, handler);
        }
    }

    /**
     * Takes the HTTP server's idle timeout ({@code quarkus.http.idle-timeout}, 30 minutes; Vert.x's handler named
     * {@code idle}) off a connection that is now a live WebSocket: {@code quarkus.live.idle-timeout} and the pings watch
     * it instead, and the handler kept a timer of its own for each connection (about 250 bytes of heap).
     */
    static void removeHttpIdleTimeout(HttpServerRequest upgrade) {
        if (upgrade.connection() instanceof ConnectionBase connection
                && connection.channel().pipeline().get(VERTX_IDLE_TIMEOUT) != null) {
            connection.channel().pipeline().remove(VERTX_IDLE_TIMEOUT);
        }
    }

    /**
     * The context of Vert.x's handler on the connection of an upgrade request, which stays in place once the
     * connection is a WebSocket; {@code null} when the connection has no Vert.x pipeline.
     */
    static ChannelHandlerContext vertxHandler(HttpServerRequest upgrade) {
        if (!(upgrade.connection() instanceof ConnectionBase connection)) {
            return null;
        }
        return connection.channel().pipeline().context(VERTX_HANDLER);
    }
}
