package org.acme;

import io.quarkiverse.live.Live;

/**
 * Renders back whatever it is sent, or as much text as asked for: the limit tests use it to make the server send large
 * replies to a connection that does not read them.
 */
@Live(path = "/echo-back")
public class Echo {

    String text = "";
    int calls;

    void say(String value) {
        text = value;
        calls++;
    }

    /** Renders {@code size} characters (at most a megabyte) from an event of a few bytes. */
    void fill(int size) {
        text = "x".repeat(Math.max(0, Math.min(size, 1 << 20)));
        calls++;
    }
}
