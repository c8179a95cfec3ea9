package io.quarkiverse.live.runtime;

import java.time.Duration;

import io.quarkus.runtime.annotations.ConfigPhase;
import io.quarkus.runtime.annotations.ConfigRoot;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Quarkus Live settings that can change at run time.
 */
@ConfigMapping(prefix = "quarkus.live")
@ConfigRoot(phase = ConfigPhase.RUN_TIME)
public interface LiveRuntimeConfig {

    /**
     * How long a component rendered by an HTTP response waits for a browser to join it over the transport. A
     * component not joined by then is unmounted and its id forgotten; a page opened with JavaScript off keeps
     * showing what it rendered.
     */
    @WithDefault("60s")
    Duration joinTimeout();
}
