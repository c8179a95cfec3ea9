package org.acme;

import java.util.ArrayList;
import java.util.List;

import io.quarkiverse.live.Live;

/**
 * One element per event name and modifier family; every binding calls {@code hit} with its name, and the page lists
 * the calls the server received, in order.
 */
@Live(path = "/keys")
public class Modifiers {

    final List<String> log = new ArrayList<>();

    void hit(String what) {
        log.add(what);
    }
}
