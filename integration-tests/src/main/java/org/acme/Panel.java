package org.acme;

import io.quarkiverse.live.Live;

/**
 * A parent whose template mounts a child only while {@link #shown} is true: the child keeps its own state while the
 * parent renders again, and showing it after hiding it mounts a fresh one.
 */
@Live(path = "/panel")
public class Panel {

    boolean shown;
    /** How often {@link #touch()} made the panel render again. */
    int renders;

    void toggle() {
        shown = !shown;
    }

    void touch() {
        renders++;
    }
}
