package io.quarkiverse.live.runtime.transport.http;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;

import jakarta.inject.Singleton;

import io.quarkiverse.live.runtime.LiveRuntimeConfig;
import io.quarkiverse.live.runtime.dispatch.Dispatcher;
import io.quarkiverse.live.runtime.transport.Session;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * {@code POST <root>/sse/<connection id>} and {@code POST <root>/poll/<connection id>}: one protocol message from the
 * browser, the body being exactly what a WebSocket text frame would carry. The request is checked before its body is
 * read ({@link #admit}, {@link HttpConnections#named}). Then Vert.x reads the body, refusing one longer than
 * {@code quarkus.live.max-message-size} with 413 ({@link #bodyHandler}), and {@link #receive} hands the message to the
 * {@link Dispatcher} on the connection's event loop, as the WebSocket carrier does with a frame, and answers 204 once
 * it is handed over: a browser that waits for the answer before its next POST has its messages taken in the order it
 * sent them. Answers come down the connection's stream or polls. {@code POST <root>/poll/<connection id>?gone}, the
 * beacon a page sends as its tab closes, ends the connection at once ({@link HttpChannel#gone}).
 */
@Singleton
public class MessagePostRoute {

    private static final String SESSION = "io.quarkiverse.live.http.session";
    /** The query parameter of the beacon a page sends as its tab closes, with no message. */
    private static final String GONE = "gone";

    private final Dispatcher dispatcher;
    private final HttpConnections connections;
    private final int maxMessageSize;

    MessagePostRoute(Dispatcher dispatcher, HttpConnections connections, LiveRuntimeConfig config) {
        this.dispatcher = dispatcher;
        this.connections = connections;
        this.maxMessageSize = config.maxMessageSize();
    }

    /** The checks that need no body; a request that passes them goes on to the body handler. */
    public void admit(RoutingContext context) {
        Session session = connections.named(context);
        if (session != null) {
            context.put(SESSION, session);
            context.next();
        }
    }

    /** Reads the body up to the message size limit: a longer one is answered 413 as soon as it passes it. */
    public BodyHandler bodyHandler() {
        return BodyHandler.create(false).setBodyLimit(maxMessageSize);
    }

    public void receive(RoutingContext context) {
        Session session = context.get(SESSION);
        if (context.request().getParam(GONE) != null && session.channel() instanceof HttpChannel channel) {
            channel.gone();
            context.response().setStatusCode(204).end();
            return;
        }
        Buffer body = context.body().buffer();
        // Read by a body handler of the whole application (another extension's), whose limit may be larger
        if (body != null && body.length() > maxMessageSize) {
            context.response().setStatusCode(413).end();
            return;
        }
        String message;
        try {
            // Strictly, as the WebSocket carrier reads text frames: bytes that are no UTF-8 are refused, not replaced
            message = body == null ? "" : StandardCharsets.UTF_8.newDecoder()
                    .decode(ByteBuffer.wrap(body.getBytes())).toString();
        } catch (CharacterCodingException e) {
            context.response().setStatusCode(400).end();
            return;
        }
        session.channel().eventLoop().runOnContext(ignored -> {
            dispatcher.received(session, message);
            context.response().setStatusCode(204).end();
        });
    }
}
