package org.acme;

import io.quarkiverse.live.Live;

/**
 * A small count with a button, embeddable only: the panel shows it on demand and the htmx page loads it into a page
 * that had no live component.
 */
@Live
public class Tally {

    int count;

    void increment() {
        count++;
    }
}
