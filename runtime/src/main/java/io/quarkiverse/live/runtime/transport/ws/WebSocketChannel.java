package io.quarkiverse.live.runtime.transport.ws;

import org.jboss.logging.Logger;

import io.quarkiverse.live.runtime.transport.Channel;
import io.quarkus.websockets.next.WebSocketConnection;
import io.vertx.core.Context;

/**
 * A WebSocket connection of websockets-next as a {@link Channel}: one protocol message per text frame.
 */
final class WebSocketChannel implements Channel {

    private static final Logger LOG = Logger.getLogger(WebSocketChannel.class);

    private final WebSocketConnection connection;
    private final Context eventLoop;

    WebSocketChannel(WebSocketConnection connection, Context eventLoop) {
        this.connection = connection;
        this.eventLoop = eventLoop;
    }

    @Override
    public void send(String message) {
        connection.sendText(message).subscribe().with(ignored -> {
        }, failure -> LOG.debugf(failure, "Could not send to WebSocket connection %s", connection.id()));
    }

    @Override
    public Context eventLoop() {
        return eventLoop;
    }

    @Override
    public String describe() {
        return "WebSocket connection " + connection.id();
    }
}
