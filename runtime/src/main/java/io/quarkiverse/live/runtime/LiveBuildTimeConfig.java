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
     * The path under which Quarkus Live serves its own resources: the browser runtime at {@code <root-path>/runtime.js},
     * the WebSocket at {@code <root-path>/ws} and the Server-Sent Events carrier at {@code <root-path>/sse}. Choose one
     * that no page of the application uses.
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

    /**
     * How browsers reach live components. {@code auto}: over a WebSocket, falling back by themselves to the other
     * carriers when a proxy blocks WebSockets; {@code websocket}: over a WebSocket only; {@code sse}: Server-Sent Events
     * down, one HTTP POST per message up; {@code polling}: long polling, one HTTP POST per message up. With
     * {@code auto}, a page whose first WebSocket closes before the server's hello, or has no hello within 2.5 s, goes
     * on over Server-Sent Events, and on to long polling when its first stream fails in the same way; its tab remembers
     * that for 5 minutes, and every minute it tries a WebSocket again. On the server, {@code websocket} leaves the
     * routes of the other carriers ({@code <root-path>/sse}, {@code <root-path>/poll}) and the fallback's script out of
     * the application, and every other value serves them; the WebSocket is served whatever the value.
     */
    @WithDefault("auto")
    Transport transport();

    /** The values of {@link #transport()}. */
    enum Transport {
        /** A WebSocket, with the other carriers as fallbacks. */
        AUTO,
        /** A WebSocket only. */
        WEBSOCKET,
        /** Server-Sent Events plus POST. */
        SSE,
        /** Long polling. */
        POLLING
    }
}
