package io.quarkiverse.live.runtime.transport;

import io.quarkus.arc.Arc;
import io.quarkus.arc.InstanceHandle;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * The user behind a connection, as Quarkus Security authenticated the request that opened it. Captured once, where the
 * carrier has it (the WebSocket upgrade, see {@code ws.IdentityCapture}), and set into the request context of every task of the connection's components, so
 * {@code @Inject SecurityIdentity} and {@code @RolesAllowed} see the connection's user. Without a Quarkus Security
 * extension there is nothing to capture and nothing is set.
 */
public final class ConnectionIdentity {

    public static final ConnectionIdentity NONE = new ConnectionIdentity(null);

    private final SecurityIdentity identity;

    private ConnectionIdentity(SecurityIdentity identity) {
        this.identity = identity;
    }

    /** The identity the upgrade check stored for the connection, or none. */
    public static ConnectionIdentity of(SecurityIdentity identity) {
        // Anonymous too: without it, the identity association would try to authenticate again, blocking the event loop
        return identity == null ? NONE : new ConnectionIdentity(identity);
    }

    /** Makes the captured identity the current one; call with a task's request context active. */
    public void restore() {
        if (identity == null) {
            return;
        }
        InstanceHandle<CurrentIdentityAssociation> association = Arc.container()
                .instance(CurrentIdentityAssociation.class);
        if (association.isAvailable()) {
            association.get().setIdentity(identity);
        }
    }
}
