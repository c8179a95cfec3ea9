package io.quarkiverse.live.runtime.transport;

import java.util.function.Consumer;

import io.quarkus.arc.Arc;
import io.quarkus.arc.InstanceHandle;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;

/**
 * The user behind a connection, as Quarkus Security authenticated the request that opened it. Captured once, where the
 * carrier has it (the request that opens a WebSocket, see {@code ws.WebSocketRoute}, or a Server-Sent Events stream,
 * see {@code sse.SseStreamRoute}), and set into the request context of every task of the connection's components, so
 * {@code @Inject SecurityIdentity} and {@code @RolesAllowed} see the connection's user. Without a Quarkus Security
 * extension there is nothing to capture and nothing is set.
 */
public final class ConnectionIdentity {

    public static final ConnectionIdentity NONE = new ConnectionIdentity(null, null);

    private final SecurityIdentity identity;
    /**
     * The association's client proxy, looked up once per connection rather than once per task (a shared change runs
     * a task on every connection that shows it); being request-scoped, each task's request context has its own
     * instance behind it. {@code null} when there is nothing to restore.
     */
    private final CurrentIdentityAssociation association;

    private ConnectionIdentity(SecurityIdentity identity, CurrentIdentityAssociation association) {
        this.identity = identity;
        this.association = association;
    }

    /** The identity the upgrade check stored for the connection, or none. */
    public static ConnectionIdentity of(SecurityIdentity identity) {
        // Anonymous too: without it, the identity association would try to authenticate again, blocking the event loop
        if (identity == null) {
            return NONE;
        }
        InstanceHandle<CurrentIdentityAssociation> association = Arc.container()
                .instance(CurrentIdentityAssociation.class);
        return association.isAvailable() ? new ConnectionIdentity(identity, association.get()) : NONE;
    }

    /** Makes the captured identity the current one; call with a task's request context active. */
    public void restore() {
        if (association != null) {
            association.setIdentity(identity);
        }
    }

    /**
     * Resolves the user of an HTTP request without blocking, as the WebSocket upgrade does (anonymous too; none when
     * authentication fails), then runs the action on the request's event loop with the identity.
     */
    public static void ofRequest(RoutingContext context, Consumer<SecurityIdentity> action) {
        Context eventLoop = Vertx.currentContext();
        QuarkusHttpUser.getSecurityIdentity(context, null).onItemOrFailure()
                .invoke((identity, failure) -> eventLoop.runOnContext(ignored -> action.accept(identity)))
                .subscribe().with(ignored -> {
                }, ignored -> {
                });
    }
}
