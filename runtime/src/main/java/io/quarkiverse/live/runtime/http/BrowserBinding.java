package io.quarkiverse.live.runtime.http;

import java.util.regex.Pattern;

import jakarta.inject.Singleton;

import io.netty.handler.codec.http.cookie.ServerCookieDecoder;
import io.quarkiverse.live.runtime.component.ComponentIds;
import io.quarkus.arc.Arc;
import io.quarkus.arc.InstanceHandle;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.ext.web.RoutingContext;

/**
 * Ties components to the browser that rendered them: a page with live components gives the browser an HTTP-only,
 * {@code SameSite=Lax} cookie holding a random browser id (unless it has one), and its components accept joins only
 * from connections that carry that cookie. Someone who sees a page's HTML (a shared screen, a proxy's log, a cached
 * copy) cannot join its components from another browser. Such pages are also marked {@code Cache-Control: no-store},
 * so no cache keeps component ids.
 */
@Singleton
public class BrowserBinding {

    /** The cookie's name. */
    public static final String COOKIE = "live-browser";
    private static final String ATTRIBUTE = "io.quarkiverse.live.browser";
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9_-]{22}");

    private final ComponentIds ids;

    BrowserBinding(ComponentIds ids) {
        this.ids = ids;
    }

    /**
     * The browser id of the HTTP request being answered, given to the browser as a cookie when it had none;
     * {@code null} outside an HTTP request (a template rendered for an e-mail, say), whose components any browser may
     * join.
     */
    public String currentBrowser() {
        if (!Arc.container().requestContext().isActive()) {
            return null;
        }
        InstanceHandle<CurrentVertxRequest> request = Arc.container().instance(CurrentVertxRequest.class);
        RoutingContext context = request.isAvailable() ? request.get().getCurrent() : null;
        return context == null ? null : browserOf(context);
    }

    /** The browser id of the request, given to the browser as a cookie when it had none. */
    public String browserOf(RoutingContext context) {
        String known = context.get(ATTRIBUTE);
        if (known != null) {
            return known;
        }
        Cookie cookie = context.request().getCookie(COOKIE);
        String id = cookie != null && VALID.matcher(cookie.getValue()).matches() ? cookie.getValue() : null;
        if (!context.response().headWritten()) {
            if (id == null) {
                id = ids.next();
                context.response().addCookie(Cookie.cookie(COOKIE, id).setPath("/").setHttpOnly(true)
                        .setSameSite(CookieSameSite.LAX).setSecure(context.request().isSSL()));
            }
            context.response().putHeader("Cache-Control", "no-store");
        }
        context.put(ATTRIBUTE, id);
        return id;
    }

    /** The browser id in a {@code Cookie} header, as a connection's handshake carries it; {@code null} when none. */
    public static String fromCookieHeader(String header) {
        if (header == null) {
            return null;
        }
        try {
            for (io.netty.handler.codec.http.cookie.Cookie cookie : ServerCookieDecoder.STRICT.decode(header)) {
                if (COOKIE.equals(cookie.name()) && VALID.matcher(cookie.value()).matches()) {
                    return cookie.value();
                }
            }
        } catch (IllegalArgumentException e) {
            // An unreadable header names no browser
        }
        return null;
    }
}
