package org.acme;

import io.quarkiverse.live.Live;

/**
 * Shows which methods a client can call: only {@code visible} and {@code explode} are handlers.
 */
@Live(path = "/handlers")
public class HandlerRules {

    int calls;

    void visible() {
        calls++;
    }

    void explode() {
        throw new IllegalStateException("boom");
    }

    private void secret() {
        calls = -1;
    }

    static void shared() {
    }

    String label() {
        return "calls: " + calls;
    }
}
