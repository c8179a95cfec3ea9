package io.quarkiverse.live.deployment;

import java.util.List;

/**
 * Fails the build with every problem found in the live components, each naming the class (and, where there is one,
 * the template file and line) and saying how to fix it.
 */
public final class LiveBuildException extends RuntimeException {

    public LiveBuildException(List<String> problems) {
        super(problems.size() == 1 ? problems.get(0)
                : "Found " + problems.size() + " problems in live components:\n- " + String.join("\n- ", problems),
                null, false, false);
    }
}
