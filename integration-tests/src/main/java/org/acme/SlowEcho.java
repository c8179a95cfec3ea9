package org.acme;

import java.time.Duration;

import io.quarkiverse.live.Live;
import io.smallrye.mutiny.Uni;

/**
 * Every keystroke is an event whose answer comes 80 ms later, and the template renders the input's value: answers to
 * earlier keystrokes arrive while the user types on, and must not take back what was typed since.
 */
@Live(path = "/echo")
public class SlowEcho {

    String text = "";
    int handled;

    Uni<Void> echo(String value) {
        text = value == null ? "" : value;
        handled++;
        return Uni.createFrom().voidItem().onItem().delayIt().by(Duration.ofMillis(80));
    }
}
