package org.acme;

import jakarta.inject.Inject;

import io.quarkiverse.live.Live;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.Blocking;

/**
 * Shows who opened the live connection: the user the browser authenticated as when it connected, or anonymous.
 */
@Live(path = "/whoami")
public class WhoAmI {

    @Inject
    SecurityIdentity identity;

    String seenOnTheEventLoop = "";
    String seenOnAWorker = "";

    void look() {
        seenOnTheEventLoop = name();
    }

    @Blocking
    void lookFromAWorker() {
        seenOnAWorker = name();
    }

    private String name() {
        return identity.isAnonymous() ? "anonymous" : identity.getPrincipal().getName();
    }
}
