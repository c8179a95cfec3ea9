package io.quarkiverse.live.runtime.transport.ws;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.websockets.next.HttpUpgradeCheck;
import io.quarkus.websockets.next.UserData;
import io.smallrye.mutiny.Uni;

/**
 * Keeps the security identity of the request that opens a live WebSocket with the connection: the upgrade is where it
 * is known without blocking, and the connection's user data carries it to {@link LiveSocket}. Never refuses an upgrade.
 */
@ApplicationScoped
public class IdentityCapture implements HttpUpgradeCheck {

    static final UserData.TypedKey<SecurityIdentity> IDENTITY = new UserData.TypedKey<>("quarkus-live-identity");

    @Override
    public boolean appliesTo(String endpointId) {
        return SameOriginCheck.ENDPOINT_ID.equals(endpointId);
    }

    @Override
    public Uni<CheckResult> perform(HttpUpgradeContext context) {
        Uni<SecurityIdentity> identity = context.securityIdentity();
        if (identity == null) {
            return CheckResult.permitUpgrade();
        }
        return identity.onItemOrFailure().transformToUni((resolved, failure) -> {
            if (resolved != null) {
                context.userData().put(IDENTITY, resolved);
            }
            return CheckResult.permitUpgrade();
        });
    }
}
