package io.quarkiverse.live.runtime.dispatch;

import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.quarkiverse.live.LiveConnection;
import io.quarkiverse.live.runtime.component.MountContext;

/** Gives each component its own {@link LiveConnection}, bound to the mount creating it. */
@Singleton
public class LiveConnectionProducer {

    @Produces
    @Dependent
    LiveConnection connection(Pusher pusher) {
        return new ComponentConnection(MountContext.current("LiveConnection"), pusher);
    }
}
