package io.quarkiverse.live.test;

import java.util.function.Consumer;

import io.quarkiverse.live.runtime.transport.AnsweringChannel;
import io.vertx.core.Context;
import io.vertx.core.json.JsonObject;

/**
 * The connection of a {@link LiveView}, on an event loop of the application's Vert.x, as a browser's would be. Every
 * message also goes to the view, which keeps the component's HTML up to date with answers and pushed renders alike.
 */
final class TestChannel extends AnsweringChannel {

    private volatile Consumer<JsonObject> listener = message -> {
    };

    TestChannel(Context eventLoop) {
        super(eventLoop);
    }

    /** Who hears every message from now on; what came before (the {@code hello}) is of no interest to a view. */
    void listen(Consumer<JsonObject> listener) {
        this.listener = listener;
    }

    @Override
    protected void received(JsonObject message) {
        listener.accept(message);
    }

    @Override
    public String describe() {
        return "test connection";
    }
}
