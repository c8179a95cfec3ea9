package io.quarkiverse.live.runtime.transport.poll;

import java.time.Duration;

import jakarta.inject.Singleton;

import io.quarkiverse.live.runtime.LiveRuntimeConfig;
import io.quarkiverse.live.runtime.dispatch.Dispatcher;
import io.quarkiverse.live.runtime.transport.Session;
import io.quarkiverse.live.runtime.transport.http.HttpChannel;
import io.quarkiverse.live.runtime.transport.http.HttpConnectionOpener;
import io.quarkiverse.live.runtime.transport.http.HttpConnections;
import io.vertx.core.Context;
import io.vertx.ext.web.RoutingContext;

/**
 * Long polling, for networks that pass neither WebSockets nor a streamed response. {@code GET <root>/poll} opens a
 * connection, refused as the WebSocket upgrade is ({@link HttpConnectionOpener}), and is answered at once with the
 * connection's id and the {@code hello}: {@code {"id":"<id>","m":[<hello>]}}. Each {@code GET <root>/poll/<id>} then
 * gets the messages that wait, or waits for them ({@link LongPollChannel}); messages go up as POSTs, as with
 * Server-Sent Events. A poll is a sign of life for {@code quarkus.live.idle-timeout}, as a pong is.
 */
@Singleton
public class LongPollRoute implements HttpConnectionOpener.Carrier {

    private final HttpConnectionOpener opener;
    private final HttpConnections connections;
    private final Dispatcher dispatcher;
    private final long maxUnsentBytes;
    private final Duration holdFor;
    private final Duration closeTimeout;

    LongPollRoute(HttpConnectionOpener opener, HttpConnections connections, Dispatcher dispatcher,
            LiveRuntimeConfig config) {
        this.opener = opener;
        this.connections = connections;
        this.dispatcher = dispatcher;
        this.maxUnsentBytes = config.maxUnsentBytes();
        this.holdFor = config.longPollTimeout();
        this.closeTimeout = config.closeTimeout();
    }

    /** {@code GET <root>/poll}. */
    public void open(RoutingContext context) {
        opener.open(context, this);
    }

    /** {@code GET <root>/poll/<id>}. */
    public void poll(RoutingContext context) {
        Session session = connections.named(context);
        if (session == null) {
            return;
        }
        // The ids of both HTTP carriers share one registry: a stream's id names no long-polling connection
        if (!(session.channel() instanceof LongPollChannel channel)) {
            context.response().setStatusCode(404).end();
            return;
        }
        channel.eventLoop().runOnContext(ignored -> {
            dispatcher.heard(session);
            channel.polled(context.response());
        });
    }

    @Override
    public HttpChannel channel(RoutingContext context, Context eventLoop, String id) {
        return new LongPollChannel(context.response(), eventLoop, id, maxUnsentBytes, holdFor, closeTimeout);
    }

    @Override
    public void opened(HttpChannel channel, Session session) {
        ((LongPollChannel) channel).opened();
    }
}
