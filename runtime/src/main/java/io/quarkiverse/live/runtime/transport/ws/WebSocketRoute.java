package io.quarkiverse.live.runtime.transport.ws;

import java.time.Duration;

import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkiverse.live.runtime.LiveRuntimeConfig;
import io.quarkiverse.live.runtime.dispatch.Dispatcher;
import io.quarkiverse.live.runtime.http.BrowserBinding;
import io.quarkiverse.live.runtime.protocol.ErrorCode;
import io.quarkiverse.live.runtime.protocol.Replies;
import io.quarkiverse.live.runtime.transport.Channel;
import io.quarkiverse.live.runtime.transport.ConnectionIdentity;
import io.quarkiverse.live.runtime.transport.Connections;
import io.quarkiverse.live.runtime.transport.Session;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.vertx.VertxContext;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code GET <root>/ws}: the WebSocket carrier of the protocol, on a plain Vert.x route as the Server-Sent Events and
 * long-polling carriers are. The upgrade is refused as theirs is (403 for a page of another site, 503 at the
 * connection limits, 429 with {@code Retry-After} while the browser cools down); a connection past the limits once
 * open is closed at once (1013), with no session. Every frame is handed to the {@link Dispatcher} on the connection's
 * event loop.
 * <p>
 * Why not a websockets-next endpoint: websockets-next keeps, for each connection's life, the upgrade's routing context
 * whenever the application has a security extension (with the HTTP request and response, their headers and the
 * request context's beans: about 4 KB of an idle connection's 12.5), a copy of the upgrade's headers, a timer for its
 * pings and the closures of its callbacks. The connection needs none of them: what it keeps of the upgrade (client
 * address, browser, language, user) is taken here once, and its pings are one sweep ({@link Connections}). The
 * server-wide WebSocket options (frame and message size, compression) are still websockets-next's settings, which it
 * applies to the HTTP server, so an application's own websockets-next endpoints and the live one agree.
 */
@Singleton
public class WebSocketRoute implements Handler<RoutingContext> {

    private static final Logger LOG = Logger.getLogger(WebSocketRoute.class);

    private final Dispatcher dispatcher;
    private final Connections connections;
    private final long maxUnsentBytes;
    private final Duration closeTimeout;
    private final int maxMessageSize;
    private final int maxFrameSize;

    WebSocketRoute(Dispatcher dispatcher, Connections connections, LiveRuntimeConfig config,
            // Vert.x splits a longer text into frames of this size; 65536 is its default
            @ConfigProperty(name = "quarkus.websockets-next.server.max-frame-size", defaultValue = "65536")
            int maxFrameSize) {
        this.dispatcher = dispatcher;
        this.connections = connections;
        this.maxUnsentBytes = config.maxUnsentBytes();
        this.closeTimeout = config.closeTimeout();
        this.maxMessageSize = config.maxMessageSize();
        this.maxFrameSize = maxFrameSize;
    }

    @Override
    public void handle(RoutingContext context) {
        HttpServerRequest request = context.request();
        if (!"websocket".equalsIgnoreCase(request.getHeader(HttpHeaders.UPGRADE))) {
            context.response().setStatusCode(400).end("A live connection is a WebSocket upgrade");
            return;
        }
        String address = Connections.addressOf(request);
        String browser = BrowserBinding.fromCookieHeader(request.getHeader("Cookie"));
        if (connections.refused(request, address, browser)) {
            return;
        }
        String language = request.getHeader("Accept-Language");
        ConnectionIdentity.ofRequest(context,
                identity -> upgrade(request, new Upgrade(address, browser, language, identity)));
    }

    /** What a connection keeps of its upgrade request: nothing else of the request outlives the handshake. */
    private record Upgrade(String address, String browser, String language, SecurityIdentity identity) {
    }

    private void upgrade(HttpServerRequest request, Upgrade upgrade) {
        // In the order frames pass them. The gate first: the messages it drops need no other check. The refusal last:
        // it closes the connection for each check before it
        InboundGate gate = InboundGate.install(request);
        MessageSizeLimit messages = MessageSizeLimit.install(request, maxMessageSize);
        StrictUtf8.require(request);
        FrameRefusal.install(request);
        TextFrameWriter writer = TextFrameWriter.of(request, maxFrameSize);
        request.toWebSocket().onComplete(upgraded -> {
            if (upgraded.failed()) {
                // Vert.x answered the request already (a handshake it could not complete: 400)
                LOG.debugf(upgraded.cause(), "A live WebSocket upgrade failed");
                return;
            }
            ServerWebSocket socket = upgraded.result();
            UpgradePipeline.removeHttpIdleTimeout(request);
            opened(socket, upgrade, new WebSocketChannel(socket,
                    VertxContext.getRootContext(Vertx.currentContext()), maxUnsentBytes, closeTimeout, gate, writer,
                    messages));
        });
    }

    private void opened(ServerWebSocket socket, Upgrade upgrade, WebSocketChannel channel) {
        if (!connections.admit(upgrade.address())) {
            socket.close(Channel.TRY_AGAIN_LATER, "Too many live connections; try again later");
            return;
        }
        Session session = dispatcher.opened(channel, upgrade.language(), ConnectionIdentity.of(upgrade.identity()),
                upgrade.browser());
        connections.track(session);
        socket.textMessageHandler(text -> dispatcher.received(session, text));
        socket.binaryMessageHandler(data -> {
            session.heard();
            channel.send(Replies.error(null, null, ErrorCode.BINARY_NOT_SUPPORTED,
                    "Binary frames are not supported; send JSON text frames").encode());
        });
        // Browsers answer the server's pings by themselves: an answer says the connection is alive
        socket.pongHandler(data -> dispatcher.heard(session));
        socket.exceptionHandler(failure -> LOG.debugf(failure, "%s failed", channel.describe()));
        String address = upgrade.address();
        socket.closeHandler(ignored -> {
            dispatcher.closed(session);
            connections.closed(session, address);
        });
    }
}
