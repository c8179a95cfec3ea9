package org.acme;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.quarkiverse.live.Live;
import io.smallrye.mutiny.Uni;

/**
 * A form whose save takes 300 ms, to show the form while its submit is in flight, and a title field whose draft is
 * debounced by two seconds, to show that a submit sends the waiting draft first.
 */
@Live(path = "/slow-form")
public class SlowForm {

    final List<String> log = new ArrayList<>();

    void draft(String value) {
        log.add("draft " + value);
    }

    Uni<Void> save(String title) {
        log.add("saved " + title);
        return Uni.createFrom().voidItem().onItem().delayIt().by(Duration.ofMillis(300));
    }
}
