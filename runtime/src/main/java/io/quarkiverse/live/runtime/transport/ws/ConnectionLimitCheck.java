package io.quarkiverse.live.runtime.transport.ws;

import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkiverse.live.runtime.LiveRuntimeConfig;
import io.quarkiverse.live.runtime.http.BrowserBinding;
import io.quarkiverse.live.runtime.transport.Connections;
import io.quarkus.websockets.next.HttpUpgradeCheck;
import io.quarkus.websockets.next.UserData;
import io.smallrye.mutiny.Uni;

/**
 * Refuses a live WebSocket upgrade with 503 when the server or the client's address is at its connection limit, and with
 * 429 while the browser is cooling down after a close for breaking a limit, before any connection exists, and hands the client's address to {@link LiveSocket}, which counts the connection in. An
 * upgrade it lets through gets the {@linkplain MessageSizeLimit size limit} of its messages, the
 * {@linkplain StrictUtf8 UTF-8 check} of its text messages, the {@linkplain FrameRefusal close frame} that tells the
 * client which of them it broke and, for LiveSocket, the {@linkplain TextFrameWriter way to write} its messages.
 */
@ApplicationScoped
public class ConnectionLimitCheck implements HttpUpgradeCheck {

    static final UserData.TypedKey<String> ADDRESS = new UserData.TypedKey<>("quarkus-live-address");
    static final UserData.TypedKey<InboundGate> GATE = new UserData.TypedKey<>("quarkus-live-gate");
    static final UserData.TypedKey<TextFrameWriter> WRITER = new UserData.TypedKey<>("quarkus-live-writer");
    static final UserData.TypedKey<MessageSizeLimit> MESSAGES = new UserData.TypedKey<>("quarkus-live-messages");

    private final Connections connections;
    private final TextFrameWriters writers;
    private final int maxMessageSize;
    private final int maxWaitingMessages;

    ConnectionLimitCheck(Connections connections, TextFrameWriters writers, LiveRuntimeConfig config) {
        this.connections = connections;
        this.writers = writers;
        this.maxMessageSize = config.maxMessageSize();
        this.maxWaitingMessages = config.maxQueuedEventsPerConnection();
    }

    @Override
    public boolean appliesTo(String endpointId) {
        return SameOriginCheck.ENDPOINT_ID.equals(endpointId);
    }

    @Override
    public Uni<CheckResult> perform(HttpUpgradeContext context) {
        String address = Connections.addressOf(context.httpRequest());
        Connections.Refusal refusal = connections.refusal(address,
                BrowserBinding.fromCookieHeader(context.httpRequest().getHeader("Cookie")));
        if (refusal != null) {
            return refusal.retryAfterSeconds() > 0
                    ? CheckResult.rejectUpgrade(refusal.status(),
                            Map.of("Retry-After", List.of(Long.toString(refusal.retryAfterSeconds()))))
                    : CheckResult.rejectUpgrade(refusal.status());
        }
        context.userData().put(ADDRESS, address);
        // In the order frames pass them. The gate first: the messages it drops need no other check. The refusal last:
        // it closes the connection for each check before it
        InboundGate gate = InboundGate.install(context.httpRequest(), maxWaitingMessages);
        if (gate != null) {
            context.userData().put(GATE, gate);
        }
        MessageSizeLimit messages = MessageSizeLimit.install(context.httpRequest(), maxMessageSize);
        if (messages != null) {
            context.userData().put(MESSAGES, messages);
        }
        StrictUtf8.require(context.httpRequest());
        FrameRefusal.install(context.httpRequest());
        TextFrameWriter writer = writers.forUpgrade(context.httpRequest());
        if (writer != null) {
            context.userData().put(WRITER, writer);
        }
        return CheckResult.permitUpgrade();
    }
}
