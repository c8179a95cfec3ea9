package io.quarkiverse.live.runtime.transport.ws;

import io.netty.handler.codec.http.websocketx.Utf8FrameValidator;
import io.vertx.core.http.HttpServerRequest;

/**
 * Fails a live connection whose text message is no valid UTF-8, with 1007 (RFC 6455, 8.1), instead of reading it.
 * <p>
 * The check cannot be made where the message arrives: Vert.x decodes every text message leniently (a malformed sequence
 * becomes U+FFFD) before its text handler sees it. So it is made on the frames themselves, in the connection's Netty
 * pipeline: during the upgrade, Netty's own validator goes in front of Vert.x's handler (see {@link UpgradePipeline}),
 * where the WebSocket decoder and the permessage-deflate decoder will hand it each frame, inflated. It follows a
 * message across its continuation frames (a character split between two frames is fine), lets other frames and the HTTP
 * request pass untouched, and at the first byte that is no UTF-8 refuses the frame with 1007. It sends no close frame
 * itself: {@link FrameRefusal}, behind it, closes the connection with that status, as it does for an oversized message.
 */
final class StrictUtf8 {

    private static final String HANDLER = "quarkus-live-utf8";

    private StrictUtf8() {
    }

    /**
     * Puts the validator on the connection of an upgrade request. A connection that is not Vert.x's HTTP/1 one (none
     * is, today) is left as it is: its text is read leniently, as before.
     */
    static void require(HttpServerRequest upgrade) {
        // Not closing on a violation itself: a second close frame would follow FrameRefusal's
        UpgradePipeline.addInFrontOfVertx(upgrade, HANDLER, channel -> new Utf8FrameValidator(false));
    }
}
