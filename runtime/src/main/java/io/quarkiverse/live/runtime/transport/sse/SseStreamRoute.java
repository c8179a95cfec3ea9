package io.quarkiverse.live.runtime.transport.sse;

import java.time.Duration;

import jakarta.inject.Singleton;

import io.quarkiverse.live.runtime.LiveRuntimeConfig;
import io.quarkiverse.live.runtime.dispatch.Dispatcher;
import io.quarkiverse.live.runtime.transport.Session;
import io.quarkiverse.live.runtime.transport.http.HttpChannel;
import io.quarkiverse.live.runtime.transport.http.HttpConnectionOpener;
import io.vertx.core.Context;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code GET <root>/sse}: opens a live connection carried by Server-Sent Events, refused as the WebSocket upgrade is
 * ({@link HttpConnectionOpener}). An admitted stream starts with an {@code event: connection} holding the connection's
 * id, which the browser's POSTs name; then come the protocol's messages, the {@code hello} first, and heartbeat
 * events ({@code event: ping}) every {@code quarkus.live.ping-interval}.
 */
@Singleton
public class SseStreamRoute implements Handler<RoutingContext>, HttpConnectionOpener.Carrier {

    private final HttpConnectionOpener opener;
    private final Dispatcher dispatcher;
    private final long maxUnsentBytes;
    private final Duration closeTimeout;
    private final Duration heartbeat;

    SseStreamRoute(HttpConnectionOpener opener, Dispatcher dispatcher, LiveRuntimeConfig config) {
        this.opener = opener;
        this.dispatcher = dispatcher;
        this.maxUnsentBytes = config.maxUnsentBytes();
        this.closeTimeout = config.closeTimeout();
        this.heartbeat = config.pingInterval();
    }

    @Override
    public void handle(RoutingContext context) {
        opener.open(context, this);
    }

    @Override
    public HttpChannel channel(RoutingContext context, Context eventLoop, String id) {
        context.response().setChunked(true)
                .putHeader("Content-Type", "text/event-stream;charset=UTF-8")
                .putHeader("Cache-Control", "no-store")
                // nginx buffers responses by default, which would hold events back until its buffer fills
                .putHeader("X-Accel-Buffering", "no");
        SseChannel channel = new SseChannel(context.response(), eventLoop, id, maxUnsentBytes, closeTimeout);
        channel.sendEvent("connection", id);
        return channel;
    }

    @Override
    public void opened(HttpChannel channel, Session session) {
        Context eventLoop = channel.eventLoop();
        long timer = eventLoop.owner().setPeriodic(heartbeat.toMillis(),
                ignored -> ((SseChannel) channel).ping(heartbeat.toMillis(), () -> dispatcher.heard(session)));
        channel.whenEnded(() -> eventLoop.owner().cancelTimer(timer));
    }
}
