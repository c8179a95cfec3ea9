package org.acme;

import io.quarkiverse.live.Live;

/**
 * Re-renders on every keystroke, with the input's value in the template: the page shows that a re-render never
 * disturbs what the user is typing.
 */
@Live(path = "/greeter")
public class Greeter {

    String name = "";

    void greet(String value) {
        name = value == null ? "" : value;
    }
}
