package io.quarkiverse.live.runtime.transport.ws;

import java.net.URI;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.websockets.next.HttpUpgradeCheck;
import io.smallrye.mutiny.Uni;

/**
 * Refuses a WebSocket upgrade whose {@code Origin} is another site than the one serving the page (cross-site
 * WebSocket hijacking: a browser sends the victim's cookies with any site's upgrade request). Clients that are no
 * browsers send no {@code Origin} and are let through; they gain nothing a page could not, since component ids are
 * unguessable.
 */
@ApplicationScoped
public class SameOriginCheck implements HttpUpgradeCheck {

    /** The id of the generated WebSocket endpoint. */
    public static final String ENDPOINT_ID = "io.quarkiverse.live.generated.LiveSocketEndpoint";

    @Override
    public boolean appliesTo(String endpointId) {
        return ENDPOINT_ID.equals(endpointId);
    }

    @Override
    public Uni<CheckResult> perform(HttpUpgradeContext context) {
        String origin = context.httpRequest().getHeader("Origin");
        String host = context.httpRequest().getHeader("Host");
        if (origin == null || sameHost(origin, host)) {
            return CheckResult.permitUpgrade();
        }
        return CheckResult.rejectUpgrade(403);
    }

    private static boolean sameHost(String origin, String host) {
        if (host == null) {
            return false;
        }
        try {
            URI uri = URI.create(origin);
            String originHost = uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
            return host.equalsIgnoreCase(originHost);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
