package io.quarkiverse.live.runtime;

import io.quarkus.arc.Arc;
import io.quarkus.websockets.next.OnBinaryMessage;
import io.quarkus.websockets.next.OnClose;
import io.quarkus.websockets.next.OnOpen;
import io.quarkus.websockets.next.OnTextMessage;
import io.quarkus.websockets.next.WebSocketConnection;
import io.smallrye.common.annotation.NonBlocking;
import io.vertx.core.buffer.Buffer;

/**
 * The WebSocket carrier of the protocol. The build generates a subclass annotated {@code @WebSocket} with the path
 * {@code <quarkus.live.root-path>/ws}, since an annotation cannot read configuration. Every callback runs on the
 * connection's event loop; {@link LiveProtocol} keeps each component's events in order.
 */
public abstract class LiveSocket {

    // Looked up rather than injected: the generated subclass lives in another class loader in test and dev mode, where
    // package-private injection into this class would fail
    private final LiveProtocol protocol = Arc.container().instance(LiveProtocol.class).get();

    @OnOpen
    @NonBlocking
    public void opened(WebSocketConnection connection) {
        protocol.opened(connection);
    }

    @OnTextMessage
    @NonBlocking
    public void text(WebSocketConnection connection, String message) {
        protocol.received(connection, message);
    }

    @OnBinaryMessage
    @NonBlocking
    public void binary(WebSocketConnection connection, Buffer message) {
        protocol.receivedBinary(connection);
    }

    @OnClose
    @NonBlocking
    public void closed(WebSocketConnection connection) {
        protocol.closed(connection);
    }
}
