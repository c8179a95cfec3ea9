package io.quarkiverse.live.runtime.transport.http;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import io.quarkiverse.live.runtime.transport.UnsentBytes;
import io.vertx.core.Context;
import io.vertx.core.impl.ContextInternal;

/**
 * What the channels of the HTTP carriers share: the connection's event loop, on which their state changes; the count
 * of what waits for the browser ({@code quarkus.live.max-unsent-bytes}); the close, which says whether a limit was
 * broken; and the end, which runs the opener's clean-up once, whichever side ended the connection.
 */
public abstract class HttpCarrierChannel implements HttpChannel {

    protected final ContextInternal eventLoop;
    protected final UnsentBytes unsent;
    private final String description;
    private final AtomicLong sentCharacters = new AtomicLong();
    private final AtomicBoolean closing = new AtomicBoolean();
    private volatile boolean brokeALimit;
    // On the event loop only
    private boolean ended;
    private Runnable whenEnded = () -> {
    };

    protected HttpCarrierChannel(Context eventLoop, long maxUnsent, String description) {
        this.eventLoop = (ContextInternal) eventLoop;
        this.unsent = new UnsentBytes(maxUnsent);
        this.description = description;
    }

    /** Counts a protocol message sent, for the dev-mode connection list. */
    protected final void counted(String message) {
        sentCharacters.addAndGet(message.length());
    }

    /**
     * Starts closing; {@code false} when the channel was closing already. A close for breaking a limit
     * ({@link #POLICY_VIOLATION}) is remembered as such.
     */
    protected final boolean startClosing(short code) {
        if (!closing.compareAndSet(false, true)) {
            return false;
        }
        brokeALimit = code == POLICY_VIOLATION;
        return true;
    }

    /** Ends the connection once: runs the actions given to {@link #whenEnded}. On the event loop. */
    protected final void ended() {
        if (!ended) {
            ended = true;
            closing.set(true);
            whenEnded.run();
        }
    }

    /** Whether the connection is over. On the event loop. */
    protected final boolean hasEnded() {
        return ended;
    }

    /** Runs on the event loop; an action given once the connection is over runs at once. */
    @Override
    public final void whenEnded(Runnable action) {
        if (ended) {
            action.run();
            return;
        }
        Runnable before = whenEnded;
        whenEnded = () -> {
            before.run();
            action.run();
        };
    }

    /** Runs on the event loop: at once when already there, else after what was handed to it before. */
    protected final void onEventLoop(Runnable action) {
        if (eventLoop.nettyEventLoop().inEventLoop()) {
            action.run();
        } else {
            eventLoop.runOnContext(ignored -> action.run());
        }
    }

    @Override
    public final boolean isClosing() {
        return closing.get();
    }

    @Override
    public final boolean brokeALimit() {
        return brokeALimit;
    }

    @Override
    public final Context eventLoop() {
        return eventLoop;
    }

    @Override
    public final long sentCharacters() {
        return sentCharacters.get();
    }

    @Override
    public final String describe() {
        return description;
    }
}
