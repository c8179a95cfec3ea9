package io.quarkiverse.live.runtime.transport.http;

import jakarta.inject.Singleton;

import io.quarkiverse.live.runtime.dispatch.Dispatcher;
import io.quarkiverse.live.runtime.http.BrowserBinding;
import io.quarkiverse.live.runtime.transport.ConnectionIdentity;
import io.quarkiverse.live.runtime.transport.Connections;
import io.quarkiverse.live.runtime.transport.Session;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;

/**
 * Opens a live connection for a request of an HTTP carrier ({@code GET <root>/sse}, {@code GET <root>/poll}). The
 * request is refused as a WebSocket upgrade is: 403 for a page of another site, 503 at the connection limits, 429 with
 * {@code Retry-After} while the browser cools down. An admitted request gets a connection id, which the browser's
 * POSTs and polls name, and the carrier's channel becomes a session of the dispatcher, with the user resolved as for
 * the upgrade.
 */
@Singleton
public class HttpConnectionOpener {

    /** What a carrier does with an admitted request. */
    public interface Carrier {

        /** The channel that carries the connection {@code id} over the request's response; runs on the event loop. */
        HttpChannel channel(RoutingContext context, Context eventLoop, String id);

        /** Runs once the connection is a session: the hello is sent already. */
        default void opened(HttpChannel channel, Session session) {
        }
    }

    private final Dispatcher dispatcher;
    private final Connections connections;
    private final HttpConnections open;

    HttpConnectionOpener(Dispatcher dispatcher, Connections connections, HttpConnections open) {
        this.dispatcher = dispatcher;
        this.connections = connections;
        this.open = open;
    }

    public void open(RoutingContext context, Carrier carrier) {
        HttpServerRequest request = context.request();
        String address = Connections.addressOf(request);
        String browser = BrowserBinding.fromCookieHeader(request.getHeader("Cookie"));
        if (connections.refused(request, address, browser)) {
            return;
        }
        Context eventLoop = Vertx.currentContext();
        ConnectionIdentity.ofRequest(context,
                identity -> admitted(context, carrier, eventLoop, address, browser, identity));
    }

    private void admitted(RoutingContext context, Carrier carrier, Context eventLoop, String address, String browser,
            SecurityIdentity identity) {
        if (context.response().closed()) {
            return;
        }
        if (!connections.admit(address)) {
            context.response().setStatusCode(503).end();
            return;
        }
        String id = open.newId();
        HttpChannel channel = carrier.channel(context, eventLoop, id);
        Session session = dispatcher.opened(channel, context.request().getHeader("Accept-Language"),
                ConnectionIdentity.of(identity), browser);
        open.opened(id, session);
        connections.track(session);
        channel.whenEnded(() -> {
            open.closed(id);
            dispatcher.closed(session);
            connections.closed(session, address);
        });
        carrier.opened(channel, session);
    }
}
