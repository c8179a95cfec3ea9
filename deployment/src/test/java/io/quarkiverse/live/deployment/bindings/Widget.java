package io.quarkiverse.live.deployment.bindings;

import io.quarkiverse.live.Live;

@Live(path = "/widget")
public class Widget {

    int count;
    String label = "";

    void increment() {
        count++;
    }

    void add(int amount) {
        count += amount;
    }

    void rename(String name, boolean loud) {
        label = loud ? name.toUpperCase() : name;
    }
}
