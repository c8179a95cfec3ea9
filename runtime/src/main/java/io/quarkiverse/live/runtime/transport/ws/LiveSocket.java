package io.quarkiverse.live.runtime.transport.ws;

import java.time.Duration;

import io.quarkiverse.live.runtime.LiveRuntimeConfig;
import io.quarkiverse.live.runtime.dispatch.Dispatcher;
import io.quarkiverse.live.runtime.http.BrowserBinding;
import io.quarkiverse.live.runtime.protocol.ErrorCode;
import io.quarkiverse.live.runtime.protocol.Replies;
import io.quarkiverse.live.runtime.transport.Channel;
import io.quarkiverse.live.runtime.transport.ConnectionIdentity;
import io.quarkiverse.live.runtime.transport.Connections;
import io.quarkiverse.live.runtime.transport.Session;
import io.quarkus.arc.Arc;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.OnBinaryMessage;
import io.quarkus.websockets.next.OnClose;
import io.quarkus.websockets.next.OnOpen;
import io.quarkus.websockets.next.OnPongMessage;
import io.quarkus.websockets.next.OnTextMessage;
import io.quarkus.websockets.next.UserData;
import io.quarkus.websockets.next.WebSocketConnection;
import io.smallrye.common.annotation.NonBlocking;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;

/**
 * The WebSocket carrier of the protocol. The build generates a subclass annotated {@code @WebSocket} with the path
 * {@code <quarkus.live.root-path>/ws}, since an annotation cannot read configuration. Every callback runs on the
 * connection's event loop and hands the frame to the {@link Dispatcher}, which decides what it means. A connection
 * past the connection limits is closed at once (1013), with no session.
 */
public abstract class LiveSocket {

    private static final UserData.TypedKey<Session> SESSION = new UserData.TypedKey<>("quarkus-live-session");

    // Looked up rather than injected: the generated subclass lives in another class loader in test and dev mode, where
    // package-private injection into this class would fail
    private final Dispatcher dispatcher = Arc.container().instance(Dispatcher.class).get();
    private final Connections connections = Arc.container().instance(Connections.class).get();
    private final long maxUnsentBytes = Arc.container().instance(LiveRuntimeConfig.class).get().maxUnsentBytes();
    private final Duration closeTimeout = Arc.container().instance(LiveRuntimeConfig.class).get().closeTimeout();

    @OnOpen
    @NonBlocking
    public void opened(WebSocketConnection connection) {
        if (!connections.admit(address(connection))) {
            connection.close(new CloseReason(Channel.TRY_AGAIN_LATER, "Too many live connections; try again later"))
                    .subscribe().with(ignored -> {
                    }, ignored -> {
                    });
            return;
        }
        WebSocketChannel channel = new WebSocketChannel(connection, Vertx.currentContext(), maxUnsentBytes,
                closeTimeout, connection.userData().get(ConnectionLimitCheck.GATE),
                connection.userData().get(ConnectionLimitCheck.WRITER),
                connection.userData().get(ConnectionLimitCheck.MESSAGES));
        Session session = dispatcher.opened(channel, connection.handshakeRequest().header("Accept-Language"),
                ConnectionIdentity.of(connection.userData().get(IdentityCapture.IDENTITY)),
                BrowserBinding.fromCookieHeader(connection.handshakeRequest().header("Cookie")));
        connection.userData().put(SESSION, session);
        connections.track(session);
    }

    @OnTextMessage
    @NonBlocking
    public void text(WebSocketConnection connection, String message) {
        taken(connection);
        Session session = session(connection);
        if (session != null) {
            dispatcher.received(session, message);
        }
    }

    @OnBinaryMessage
    @NonBlocking
    public void binary(WebSocketConnection connection, Buffer message) {
        taken(connection);
        Session session = session(connection);
        if (session != null) {
            session.heard();
            session.channel().send(Replies.error(null, null, ErrorCode.BINARY_NOT_SUPPORTED,
                    "Binary frames are not supported; send JSON text frames").encode());
        }
    }

    /** Browsers answer the server's pings by themselves: an answer says the connection is alive. */
    @OnPongMessage
    @NonBlocking
    public void pong(WebSocketConnection connection, Buffer data) {
        Session session = session(connection);
        if (session != null) {
            dispatcher.heard(session);
        }
    }

    @OnClose
    @NonBlocking
    public void closed(WebSocketConnection connection) {
        Session session = session(connection);
        if (session != null) {
            dispatcher.closed(session);
            connections.closed(session, address(connection));
        }
    }

    /** A message of the connection is out of its gate's count of those that wait: reading may go on. */
    private static void taken(WebSocketConnection connection) {
        InboundGate gate = connection.userData().get(ConnectionLimitCheck.GATE);
        if (gate != null) {
            gate.taken();
        }
    }

    /** The connection's session; {@code null} for a connection closed at once for being past the limits. */
    private static Session session(WebSocketConnection connection) {
        return connection.userData().get(SESSION);
    }

    private static String address(WebSocketConnection connection) {
        String address = connection.userData().get(ConnectionLimitCheck.ADDRESS);
        return address == null ? "unknown" : address;
    }
}
