package org.acme;

import jakarta.inject.Inject;

import io.quarkiverse.live.Live;

@Live(path = "/counter")
public class Counter {

    @Inject
    Presence presence;

    int count;

    void increment() {
        count++;
    }

    void decrement() {
        count--;
    }

    void add(int amount) {
        count += amount;
    }

    void onMount() {
        presence.joined();
    }

    void onUnmount() {
        presence.left();
    }
}
