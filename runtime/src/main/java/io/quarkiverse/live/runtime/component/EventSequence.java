package io.quarkiverse.live.runtime.component;

import io.vertx.core.json.JsonObject;

/**
 * The sequence numbers of one component's events, for exactly-once delivery: the browser numbers a component's events
 * 1, 2, 3, ... and resends the unanswered ones after a reconnect. The next number is applied; a number already applied
 * gets its earlier answer again, if it is among the last {@code window} ones; anything else is refused.
 * <p>
 * Answers are kept only when they were errors: an {@code ok} needs no copy (the rejoin already sent the component's
 * current HTML), so a component that never fails keeps no answers at all. Only touched on the component's task queue.
 */
public final class EventSequence {

    /** What to do with an event's sequence number. */
    public sealed interface Verdict {
    }

    /** The next number: run the event. */
    public record Apply() implements Verdict {
    }

    /** Applied before: send this answer again ({@code null}: it was an {@code ok}). */
    public record Replay(JsonObject earlierError) implements Verdict {
    }

    /** Neither: a gap, a number going back past the window, or not a positive number. */
    public record Refuse(String reason) implements Verdict {
    }

    private static final Apply APPLY = new Apply();

    private final int window;
    private long last;
    private JsonObject[] errors;

    public EventSequence(int window) {
        this.window = window;
    }

    public Verdict check(long seq) {
        if (seq == last + 1) {
            return APPLY;
        }
        if (seq > last + 1) {
            return new Refuse("sequence number " + seq + " skips ahead; the next one is " + (last + 1));
        }
        if (seq < 1 || seq <= last - window) {
            return new Refuse("sequence number " + seq + " is not among the last " + window + " applied ("
                    + Math.max(1, last - window + 1) + " to " + last + ")");
        }
        return new Replay(errors == null ? null : errors[(int) (seq % window)]);
    }

    /** Records the answer of the event just applied, the one {@link #check} approved; {@code null} for an ok. */
    public void applied(JsonObject error) {
        last++;
        if (error != null && errors == null) {
            errors = new JsonObject[window];
        }
        if (errors != null) {
            errors[(int) (last % window)] = error;
        }
    }

    /** The number of the last event applied; 0 before the first. */
    public long lastApplied() {
        return last;
    }

    /**
     * Continues the sequence of a component that was there before a dev-mode restart: the next event applied is
     * {@code applied + 1}, and an event already applied gets an {@code ok} (its answer is not kept across the restart).
     */
    public void resumeAfter(long applied) {
        last = applied;
    }

}
