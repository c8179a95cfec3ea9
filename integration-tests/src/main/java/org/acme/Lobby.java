package org.acme;

import java.util.List;

import jakarta.inject.Inject;

import io.quarkiverse.live.Live;
import io.quarkiverse.live.LiveConnection;
import io.quarkiverse.live.Presence;
import io.vertx.core.Vertx;

/**
 * Presence and the per-connection context, for their tests: who entered the lobby, the name the page's URL carried, and
 * a tick pushed by a timer.
 */
@Live(path = "/lobby")
public class Lobby {

    @Inject
    Presence presence;

    @Inject
    LiveConnection connection;

    @Inject
    Vertx vertx;

    String fromUrl;
    String userAgent;
    int ticks;

    void onMount() {
        fromUrl = connection.queryParameter("name");
        userAgent = connection.header("User-Agent");
    }

    void enter(String name) {
        presence.track("lobby", name);
    }

    void leave() {
        presence.untrack("lobby");
    }

    void tickLater() {
        vertx.setTimer(20, ignored -> connection.update(() -> ticks++));
    }

    List<String> here() {
        return presence.list("lobby");
    }

    String connectionId() {
        return connection.id();
    }
}
