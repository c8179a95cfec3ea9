package org.acme;

import java.util.List;

import io.quarkiverse.live.Live;
import io.quarkiverse.live.Shared;

/** Another component class declaring the same shared key as {@link SharedList}. */
@Live(path = "/shared-list-size")
public class SharedListSize {

    @Shared("test-list")
    List<String> entries;

    void noop() {
    }
}
