package io.quarkiverse.live.runtime.shared;

import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.quarkiverse.live.Presence;
import io.quarkiverse.live.runtime.component.MountContext;

/** Gives each component its own {@link Presence}, bound to the mount creating it. */
@Singleton
public class PresenceProducer {

    @Produces
    @Dependent
    Presence presence(PresenceTracker tracker) {
        return new ComponentPresence(MountContext.current("Presence"), tracker);
    }
}
