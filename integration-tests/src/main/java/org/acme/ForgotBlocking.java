package org.acme;

import io.quarkiverse.live.Live;

/**
 * A handler that queries the database without saying so: it runs on the event loop, where Quarkus refuses blocking
 * work, and the error names the annotations that would move it.
 */
@Live(path = "/forgot-blocking")
public class ForgotBlocking {

    long entries = -1;

    void count() {
        entries = GuestBookEntry.count();
    }
}
