package io.quarkiverse.live.runtime.transport.ws;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.jboss.logging.Logger;

import io.quarkiverse.live.runtime.transport.Channel;
import io.quarkiverse.live.runtime.transport.UnsentBytes;
import io.vertx.core.Context;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ServerWebSocket;

/**
 * A live WebSocket ({@link WebSocketRoute}) as a {@link Channel}: one protocol message per text frame. It counts what
 * it has written and the browser has not read yet; past {@code quarkus.live.max-unsent-bytes} it closes the
 * connection (1008), so a client that stops reading cannot make the server buffer without bound. Once it closes, the
 * client's messages are dropped unread ({@link InboundGate}).
 */
final class WebSocketChannel implements Channel {

    private static final Logger LOG = Logger.getLogger(WebSocketChannel.class);

    private static final Buffer NO_DATA = Buffer.buffer();

    private final ServerWebSocket connection;
    private final Context eventLoop;
    private final UnsentBytes unsent;
    private final Duration closeTimeout;
    /** Every character handed to the connection; one addition per message, read only by the dev-mode listing. */
    private final AtomicLong sentCharacters = new AtomicLong();
    private final AtomicBoolean closing = new AtomicBoolean();
    private volatile boolean brokeALimit;
    /** Drops what the client still sends once the server closes; {@code null} when the connection has none. */
    private final InboundGate gate;
    /** Writes most messages straight into the pipeline; {@code null} when the connection has none. */
    private final TextFrameWriter writer;

    /** Knows how long the client's message has been arriving unfinished; {@code null} when the connection has none. */
    private final MessageSizeLimit messages;

    WebSocketChannel(ServerWebSocket connection, Context eventLoop, long maxUnsent, Duration closeTimeout,
            InboundGate gate, TextFrameWriter writer, MessageSizeLimit messages) {
        this.messages = messages;
        this.connection = connection;
        this.closeTimeout = closeTimeout;
        this.eventLoop = eventLoop;
        this.unsent = new UnsentBytes(maxUnsent);
        this.gate = gate;
        this.writer = writer;
    }

    @Override
    public void send(String message) {
        if (closing.get()) {
            return;
        }
        long size = message.length();
        if (!unsent.admit(size)) {
            close(POLICY_VIOLATION, "The client does not read what it is sent");
            return;
        }
        sentCharacters.addAndGet(size);
        // Vert.x writes nothing after its close frame (a close of the server's or the client's): the writer neither
        if (writer != null && !connection.isClosed()
                && writer.write(message, written -> sent(size, written.cause()))) {
            return;
        }
        connection.writeTextMessage(message).onComplete(written -> sent(size, written.cause()));
    }

    /** A message of {@code size} is written, or failed ({@code failure} not null): it no longer waits. */
    private void sent(long size, Throwable failure) {
        unsent.written(size);
        if (failure != null) {
            LOG.debugf(failure, "Could not send to %s", describe());
        }
    }

    /**
     * Closes with a close frame. A client that broke a rule ({@link #POLICY_VIOLATION}: a flood, a stalled reader) is
     * failed rather than closed politely: the server stops reading it at once and drops the TCP connection as soon as
     * the close frame is written, instead of reading on until the client's own close frame arrives, which waits
     * behind everything the client wrote before it saw the close (megabytes, for a flood) and which the server would
     * have had to decode only to drop it (RFC 6455, 7.1.7).
     */
    @Override
    public void close(short code, String reason) {
        if (closing.compareAndSet(false, true)) {
            LOG.debugf("Closing %s: %d %s", describe(), code, reason);
            brokeALimit = code == POLICY_VIOLATION;
            boolean failing = code == POLICY_VIOLATION && gate != null;
            if (gate != null) {
                gate.shut();
            }
            if (failing) {
                gate.stopReading();
            }
            if (connection.isClosed()) {
                // Closed by the client or by the server as the application stops: there is nothing to write
                return;
            }
            connection.close(code, reason).onComplete(written -> {
                if (written.failed()) {
                    LOG.debugf(written.cause(), "Could not close %s", describe());
                } else if (failing) {
                    gate.abort();
                }
            });
            // A client that does not read never sees the close frame, which waits behind what it did not read
            if (gate != null) {
                // Closing a channel already closed does nothing
                eventLoop.owner().setTimer(closeTimeout.toMillis(), ignored -> gate.abort());
            }
        }
    }

    @Override
    public boolean isClosing() {
        return closing.get() || connection.isClosed();
    }

    @Override
    public boolean brokeALimit() {
        return brokeALimit;
    }

    @Override
    public Context eventLoop() {
        return eventLoop;
    }

    @Override
    public long unfinishedNanos() {
        return messages == null ? 0 : messages.unfinishedNanos();
    }

    @Override
    public long sentCharacters() {
        return sentCharacters.get();
    }

    /** A ping frame; Vert.x writes it on the connection's event loop, and the browser's pong says it is alive. */
    @Override
    public void ping() {
        if (!isClosing()) {
            connection.writePing(NO_DATA);
        }
    }

    @Override
    public String describe() {
        return "WebSocket connection from " + connection.remoteAddress();
    }
}
