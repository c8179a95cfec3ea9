package io.quarkiverse.live.runtime.transport.ws;

/**
 * Whether websockets-next watches the messages the server sends, decided by the build: it counts them when a metrics
 * extension is present and traces them with OpenTelemetry. Then live messages go through websockets-next, so they
 * stay in its metrics and traces ({@link TextFrameWriters}).
 */
public record WebSocketTelemetry(boolean present) {
}
