package io.quarkiverse.live.runtime.transport.form;

import io.quarkiverse.live.runtime.transport.AnsweringChannel;
import io.vertx.core.Context;

/**
 * The connection of one form posted without JavaScript: it lives for the request, joins the component, sends the one
 * event and leaves. Renders and the {@code hello} are not needed: the page the browser is sent to next is rendered
 * whole.
 */
final class FormChannel extends AnsweringChannel {

    FormChannel(Context eventLoop) {
        super(eventLoop);
    }

    @Override
    public String describe() {
        return "form post";
    }
}
