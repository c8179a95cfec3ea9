package io.quarkiverse.live.runtime.transport.ws;

import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.vertx.core.http.HttpServerRequest;

/**
 * Gives a live connection its {@link TextFrameWriter}, unless websockets-next must see the messages it sends: when it
 * logs them ({@code quarkus.websockets-next.server.traffic-logging.enabled}) or counts or traces them
 * ({@link WebSocketTelemetry}). Such a connection sends everything through websockets-next, as before.
 */
@Singleton
public class TextFrameWriters {

    private final boolean allowed;
    private final int maxFrameSize;

    TextFrameWriters(WebSocketTelemetry telemetry,
            @ConfigProperty(name = "quarkus.websockets-next.server.traffic-logging.enabled", defaultValue = "false") boolean trafficLogging,
            // Vert.x splits a longer text into frames of this size; 65536 is its default
            @ConfigProperty(name = "quarkus.websockets-next.server.max-frame-size", defaultValue = "65536") int maxFrameSize) {
        this.allowed = !telemetry.present() && !trafficLogging;
        this.maxFrameSize = maxFrameSize;
    }

    /** The writer for the connection of an upgrade request, or {@code null} when it sends through websockets-next. */
    TextFrameWriter forUpgrade(HttpServerRequest upgrade) {
        return allowed ? TextFrameWriter.of(upgrade, maxFrameSize) : null;
    }
}
