package org.acme;

import jakarta.inject.Inject;

import io.quarkiverse.live.Live;

@Live(path = "/counter")
public class Counter {

    @Inject
    OpenCounters openCounters;

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
        openCounters.joined();
    }

    void onUnmount() {
        openCounters.left();
    }
}
