package org.acme;

import io.quarkiverse.live.Live;

/**
 * A menu closed by a click anywhere outside it ({@code @click.outside}) or by Escape anywhere on the page
 * ({@code @keydown.escape.window}). {@code events} counts the handled events, so a test can tell that a click inside
 * the menu sent nothing.
 */
@Live(path = "/dropdown")
public class Dropdown {

    boolean open;
    String chosen = "nothing";
    int events;

    void toggle() {
        open = !open;
        events++;
    }

    void close() {
        open = false;
        events++;
    }

    void choose(String fruit) {
        chosen = fruit;
        open = false;
        events++;
    }
}
