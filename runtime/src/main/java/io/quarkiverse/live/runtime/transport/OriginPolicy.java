package io.quarkiverse.live.runtime.transport;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;

import jakarta.inject.Singleton;

import io.quarkiverse.live.runtime.LiveRuntimeConfig;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.HostAndPort;

/**
 * Whether a request that opens or uses a live connection may come from the page that sent it, whatever the carrier:
 * a browser sends the visitor's cookies with any site's request, so a page of another site must not reach the
 * visitor's components (cross-site WebSocket hijacking, and its equivalent for the other carriers). With
 * {@code quarkus.live.allowed-origins} the {@code Origin} must be one of them; without, it must have the scheme, host
 * and port the request was made to, and a request that arrived on a loopback address must name a loopback host (DNS
 * rebinding: a site whose name resolves to this machine would otherwise pass, since its Origin and Host agree).
 * Clients that are no browsers send no {@code Origin} and are let through: they have no visitor's cookie to use. A
 * browser's request that says it comes from another site ({@code Sec-Fetch-Site: cross-site}) is refused even without
 * an {@code Origin} (a cross-site {@code <img>} or link sends none), unless the allowed origins are configured.
 */
@Singleton
public class OriginPolicy {

    private final List<String> allowed;

    OriginPolicy(LiveRuntimeConfig config) {
        this.allowed = config.allowedOrigins().map(list -> list.stream().map(OriginPolicy::normalize).toList())
                .orElse(null);
    }

    /** Whether the request's {@code Origin} may use live connections. */
    public boolean allows(HttpServerRequest request) {
        String origin = request.getHeader("Origin");
        if (allowed != null) {
            return origin == null || allowed.contains(normalize(origin));
        }
        if ("cross-site".equalsIgnoreCase(request.getHeader("Sec-Fetch-Site"))) {
            return false;
        }
        return origin == null || sameOrigin(origin, request);
    }

    /**
     * Whether {@code url} is a page of the site the request was made to (its scheme, host and port), or of one of
     * the allowed origins: where a redirect may send the browser back to.
     */
    public boolean isPageOf(HttpServerRequest request, String url) {
        String origin = normalize(url);
        if (origin.isEmpty() || origin.endsWith("://")) {
            return false;
        }
        return allowed != null ? allowed.contains(origin) : sameOrigin(origin, request);
    }

    /** The path and query of a URL ({@code /} when it has no path). */
    public static String pathAndQuery(String url) {
        URI uri = URI.create(url.strip());
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
    }

    private static boolean sameOrigin(String origin, HttpServerRequest request) {
        // HTTP/2 names the host in its :authority pseudo-header, not in Host
        HostAndPort authority = request.authority();
        String host = authority == null ? request.getHeader("Host")
                : authority.port() < 0 ? authority.host() : authority.host() + ":" + authority.port();
        if (host == null) {
            return false;
        }
        String scheme = request.scheme() == null ? "http" : request.scheme();
        String normalized = normalize(origin);
        if (!normalized.equals(normalize(scheme + "://" + host))) {
            return false;
        }
        return !isLoopback(request.localAddress() == null ? null : request.localAddress().hostAddress())
                || isLoopback(URI.create(normalized).getHost());
    }

    /** {@code scheme://host[:port]} in lower case, without the scheme's default port; "" when unreadable. */
    static String normalize(String origin) {
        try {
            URI uri = URI.create(origin.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
            int port = uri.getPort();
            boolean defaultPort = port < 0 || scheme.equals("http") && port == 80 || scheme.equals("https") && port == 443;
            return scheme + "://" + host + (defaultPort ? "" : ":" + port);
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    private static boolean isLoopback(String host) {
        if (host == null || host.isEmpty()) {
            return false;
        }
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (bare.equals("localhost") || bare.endsWith(".localhost")) {
            return true;
        }
        // Only literal addresses: a name is never looked up here
        if (!bare.matches("[0-9.]+|[0-9a-fA-F:]+")) {
            return false;
        }
        try {
            return InetAddress.getByName(bare).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
