package io.quarkiverse.live.runtime;

import io.quarkus.runtime.annotations.ConfigPhase;
import io.quarkus.runtime.annotations.ConfigRoot;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Quarkus Live settings fixed when the application is built.
 */
@ConfigMapping(prefix = "quarkus.live")
@ConfigRoot(phase = ConfigPhase.BUILD_AND_RUN_TIME_FIXED)
public interface LiveBuildTimeConfig {

    /**
     * The path under which Quarkus Live serves its own resources: the browser runtime at {@code <root-path>/runtime.js}
     * and the WebSocket at {@code <root-path>/ws}. Choose one that no page of the application uses.
     */
    @WithDefault("/_live")
    String rootPath();

    /**
     * The Qute template, relative to {@code templates/}, that wraps every component served as a page with
     * {@code @Live(path = ...)}. It receives {@code title} (the component's name) and {@code content} (the component's
     * HTML, already escaped where needed). When the application has no such template, a minimal HTML document is used.
     */
    @WithDefault("live/layout.html")
    String layout();
}
