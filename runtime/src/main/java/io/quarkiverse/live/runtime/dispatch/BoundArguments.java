package io.quarkiverse.live.runtime.dispatch;

import java.util.List;

/**
 * A handler's arguments as converted from what the client sent. Where a value did not convert, its argument (or the
 * field inside a record or POJO argument) holds a placeholder, {@code null} or a primitive's zero, and
 * {@code problems} says why: the other values are still converted, so that the constraints on them can be checked and
 * every message shown at once. Such arguments never reach the handler itself.
 */
public record BoundArguments(Object[] values, List<ConversionProblem> problems) {

    /** Whether every value converted. */
    public boolean complete() {
        return problems.isEmpty();
    }
}
