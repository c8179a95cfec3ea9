package io.quarkiverse.live.runtime.transport.http;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.inject.Singleton;

import io.quarkiverse.live.runtime.component.ComponentIds;
import io.quarkiverse.live.runtime.http.BrowserBinding;
import io.quarkiverse.live.runtime.transport.OriginPolicy;
import io.quarkiverse.live.runtime.transport.Session;
import io.vertx.ext.web.RoutingContext;

/**
 * The open connections of the HTTP carriers (Server-Sent Events, long polling), by connection id: what a POST or a
 * poll names to reach its connection's session. The ids are unguessable (128 random bits, like component ids), and a
 * request must also carry the browser cookie of the request that opened the connection.
 */
@Singleton
public class HttpConnections {

    private final ComponentIds ids;
    private final OriginPolicy origins;
    private final Map<String, Session> open = new ConcurrentHashMap<>();

    HttpConnections(ComponentIds ids, OriginPolicy origins) {
        this.ids = ids;
        this.origins = origins;
    }

    /** A new connection id, not yet in use. */
    String newId() {
        return ids.next();
    }

    void opened(String id, Session session) {
        open.put(id, session);
    }

    void closed(String id) {
        open.remove(id);
    }

    /**
     * The session the request names with its {@code :id} path parameter, once the request passed the checks; otherwise
     * the request is answered and this returns {@code null}: 403 for a page of another site, 404 for an id no open
     * connection has (never had, or it has ended), 403 when the request does not carry the connection's browser
     * cookie.
     */
    public Session named(RoutingContext context) {
        if (!origins.allows(context.request())) {
            context.response().setStatusCode(403).end();
            return null;
        }
        Session session = open.get(context.pathParam("id"));
        if (session == null) {
            context.response().setStatusCode(404).end();
            return null;
        }
        String browser = BrowserBinding.fromCookieHeader(context.request().getHeader("Cookie"));
        if (session.browser() == null ? browser != null : !ComponentIds.sameSecret(session.browser(), browser)) {
            context.response().setStatusCode(403).end();
            return null;
        }
        return session;
    }
}
