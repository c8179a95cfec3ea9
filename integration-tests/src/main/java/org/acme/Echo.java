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

    /**
     * Renders {@code size} characters (at most a megabyte) from an event of a few bytes: another letter at each call, so
     * that no answer is a small edit of the one before.
     */
    void fill(int size) {
        text = Character.toString('a' + calls % 26).repeat(Math.max(0, Math.min(size, 1 << 20)));
        calls++;
    }
}
