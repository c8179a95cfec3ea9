package io.quarkiverse.live.runtime.transport.sse;

import java.time.Duration;

import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkiverse.live.runtime.LiveRuntimeConfig;
import io.quarkiverse.live.runtime.dispatch.Dispatcher;
import io.quarkiverse.live.runtime.http.BrowserBinding;
import io.quarkiverse.live.runtime.transport.ConnectionIdentity;
import io.quarkiverse.live.runtime.transport.Connections;
import io.quarkiverse.live.runtime.transport.OriginPolicy;
import io.quarkiverse.live.runtime.transport.Session;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.Context;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code GET <root>/sse}: opens a live connection carried by Server-Sent Events. It is refused as the WebSocket
 * upgrade is: 403 for a page of another site, 503 at the connection limits, 429 with {@code Retry-After} while the
 * browser cools down. An admitted stream starts with an {@code event: connection} holding the connection's id, which
 * the browser's POSTs name ({@link SsePostRoute}); then come the protocol's messages, the {@code hello} first, and
 * heartbeat comments at the WebSocket's ping interval.
 */
@Singleton
public class SseStreamRoute implements Handler<RoutingContext> {

    private final Dispatcher dispatcher;
    private final Connections connections;
    private final OriginPolicy origins;
    private final SseStreams streams;
    private final long maxUnsentBytes;
    private final Duration closeTimeout;
    private final Duration heartbeat;

    SseStreamRoute(Dispatcher dispatcher, Connections connections, OriginPolicy origins, SseStreams streams,
            LiveRuntimeConfig config,
            // The build sets its default, as it does for the WebSocket (LiveProcessor.webSocketDefaults)
            @ConfigProperty(name = "quarkus.websockets-next.server.auto-ping-interval") Duration heartbeat) {
        this.dispatcher = dispatcher;
        this.connections = connections;
        this.origins = origins;
        this.streams = streams;
        this.maxUnsentBytes = config.maxUnsentBytes();
        this.closeTimeout = config.closeTimeout();
        this.heartbeat = heartbeat;
    }

    @Override
    public void handle(RoutingContext context) {
        HttpServerRequest request = context.request();
        if (!origins.allows(request)) {
            context.response().setStatusCode(403).end();
            return;
        }
        String address = Connections.addressOf(request);
        String browser = BrowserBinding.fromCookieHeader(request.getHeader("Cookie"));
        Connections.Refusal refusal = connections.refusal(address, browser);
        if (refusal != null) {
            if (refusal.retryAfterSeconds() > 0) {
                context.response().putHeader("Retry-After", Long.toString(refusal.retryAfterSeconds()));
            }
            context.response().setStatusCode(refusal.status()).end();
            return;
        }
        Context eventLoop = Vertx.currentContext();
        // The user, as for the WebSocket upgrade: resolved without blocking, anonymous too, none on failure
        QuarkusHttpUser.getSecurityIdentity(context, null).onItemOrFailure().invoke((identity, failure) -> eventLoop
                .runOnContext(ignored -> open(context, eventLoop, address, browser, identity)))
                .subscribe().with(ignored -> {
                }, ignored -> {
                });
    }

    private void open(RoutingContext context, Context eventLoop, String address, String browser,
            SecurityIdentity identity) {
        HttpServerResponse response = context.response();
        if (response.closed()) {
            return;
        }
        if (!connections.admit(address)) {
            response.setStatusCode(503).end();
            return;
        }
        String id = streams.newId();
        response.setChunked(true)
                .putHeader("Content-Type", "text/event-stream;charset=UTF-8")
                .putHeader("Cache-Control", "no-store")
                // nginx buffers responses by default, which would hold events back until its buffer fills
                .putHeader("X-Accel-Buffering", "no");
        SseChannel channel = new SseChannel(response, eventLoop, id, maxUnsentBytes, closeTimeout);
        channel.sendEvent("connection", id);
        Session session = dispatcher.opened(channel, context.request().getHeader("Accept-Language"),
                ConnectionIdentity.of(identity), browser);
        streams.opened(id, session);
        connections.track(session);
        long timer = eventLoop.owner().setPeriodic(heartbeat.toMillis(),
                ignored -> channel.ping(() -> dispatcher.heard(session)));
        channel.whenEnded(() -> {
            eventLoop.owner().cancelTimer(timer);
            streams.closed(id);
            dispatcher.closed(session);
            connections.closed(session, address);
        });
    }
}
