package io.quarkiverse.live.runtime.transport.ws;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkiverse.live.runtime.transport.OriginPolicy;
import io.quarkus.websockets.next.HttpUpgradeCheck;
import io.smallrye.mutiny.Uni;

/**
 * Refuses (403) a WebSocket upgrade that the {@link OriginPolicy} does not allow: one from a page of another site.
 */
@ApplicationScoped
public class SameOriginCheck implements HttpUpgradeCheck {

    /** The id of the generated WebSocket endpoint. */
    public static final String ENDPOINT_ID = "io.quarkiverse.live.generated.LiveSocketEndpoint";

    private final OriginPolicy origins;

    SameOriginCheck(OriginPolicy origins) {
        this.origins = origins;
    }

    @Override
    public boolean appliesTo(String endpointId) {
        return ENDPOINT_ID.equals(endpointId);
    }

    @Override
    public Uni<CheckResult> perform(HttpUpgradeContext context) {
        return origins.allows(context.httpRequest()) ? CheckResult.permitUpgrade() : CheckResult.rejectUpgrade(403);
    }
}
