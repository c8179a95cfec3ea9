package io.quarkiverse.live.deployment;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * Finds the {@link LiveBuildException} in what a failed build threw: Quarkus wraps build step failures, and validation
 * errors arrive as causes or suppressed exceptions of a {@code DeploymentException}.
 */
public final class LiveFailures {

    private LiveFailures() {
    }

    /** Every exception in the cause/suppressed graph of {@code thrown}, each once, breadth first. */
    static List<Throwable> graph(Throwable thrown) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Throwable> todo = new ArrayDeque<>();
        List<Throwable> all = new ArrayList<>();
        todo.add(thrown);
        while (!todo.isEmpty()) {
            Throwable t = todo.poll();
            if (!seen.add(t)) {
                continue;
            }
            all.add(t);
            if (t.getCause() != null) {
                todo.add(t.getCause());
            }
            Collections.addAll(todo, t.getSuppressed());
        }
        return all;
    }

    /** The first exception of that type in the cause/suppressed graph of {@code thrown}, or {@code null}. */
    public static <T extends Throwable> T find(Throwable thrown, Class<T> type) {
        return graph(thrown).stream().filter(type::isInstance).map(type::cast).findFirst().orElse(null);
    }

    /**
     * Asserts that the build failed with a {@link LiveBuildException} whose message contains every fragment.
     *
     * @return the message
     */
    public static String assertLiveBuildFailure(Throwable thrown, String... fragments) {
        LiveBuildException live = find(thrown, LiveBuildException.class);
        if (live == null) {
            fail("Expected a LiveBuildException, got:\n" + stackTrace(thrown));
        }
        String message = live.getMessage();
        for (String fragment : fragments) {
            assertTrue(message.contains(fragment), () -> "Expected '" + fragment + "' in: " + message);
        }
        return message;
    }

    /** The messages of every exception in the cause/suppressed graph, one per line. */
    static String allMessages(Throwable thrown) {
        StringBuilder messages = new StringBuilder();
        for (Throwable t : graph(thrown)) {
            messages.append(t.getClass().getName()).append(": ").append(t.getMessage()).append('\n');
        }
        return messages.toString();
    }

    static String stackTrace(Throwable thrown) {
        StringWriter out = new StringWriter();
        thrown.printStackTrace(new PrintWriter(out));
        return out.toString();
    }
}
