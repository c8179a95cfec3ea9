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

    /**
     * The longest message, in characters, a client may send. A longer one is answered with a {@code too-large} error
     * and the connection stays open. Events are small: the default leaves room for a long text area. The WebSocket
     * carrier's own frame and message limits are set above it, so that it is this limit a client meets.
     */
    @WithDefault("65536")
    int maxMessageSize();

    /**
     * The most fields a form sent as one handler argument may have. A form with more is refused with
     * {@code bad-arguments} before anything is converted.
     */
    @WithDefault("256")
    int maxFormFields();

    /**
     * How deep a form field's dotted name may nest: {@code address.street} is 2. A deeper name is refused with
     * {@code bad-arguments}, so no name can make the expansion into nested objects run away.
     */
    @WithDefault("8")
    int maxFieldDepth();

    /**
     * How long the server keeps a component whose browser lost its connection (Wi-Fi gone, laptop asleep, a proxy
     * recycled). A browser that reconnects within it resumes exactly where it was, events sent meanwhile included;
     * after it the component is unmounted ({@code onUnmount()} runs) and a reconnecting page gets a fresh one.
     */
    @WithDefault("60s")
    Duration reconnectGrace();

    /**
     * The most components the server keeps for browsers that lost their connection. When more detach, the one
     * detached longest is unmounted first, so a wave of dropped connections cannot grow memory without bound.
     */
    @WithDefault("10000")
    int maxDetached();

    /**
     * How many of a component's latest events the server remembers for exactly-once delivery: a browser that resends
     * an event after reconnecting gets that event's answer again instead of running the handler twice. A resent event
     * older than that is refused with {@code bad-sequence}. Answers are kept only for events that failed.
     */
    @WithDefault("16")
    int replayWindow();
}
