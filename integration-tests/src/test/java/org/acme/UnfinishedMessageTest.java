package org.acme;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetSocket;

/**
 * A client that leaves a message unfinished (a message in fragments whose last never comes, a frame whose bytes stop
 * coming) pins what it sent; past {@code quarkus.live.message-timeout} it is closed with 1008, and an honest client is
 * served meanwhile. A message in fragments that ends in time is answered.
 */
@QuarkusTest
@TestProfile(UnfinishedMessageTest.ShortMessageTimeout.class)
class UnfinishedMessageTest {

    public static class ShortMessageTimeout implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // Idle long enough that only the unfinished message can close the attackers
            return Map.of("quarkus.live.message-timeout", "1s", "quarkus.live.idle-timeout", "60s");
        }
    }

    @TestHTTPResource("/")
    URI base;

    @Test
    void aMessageWhoseLastFragmentNeverComesClosesTheConnectionWith1008() throws Exception {
        String cookie = LiveClient.newAttackerCookie();
        String id = LiveClient.mount("/echo-back", cookie);
        try (LiveClient attacker = LiveClient.connectAs(base, cookie)) {
            attacker.join(id);
            long answered = attacker.fireInFrames(id, 20, "say", "in three frames, in time");
            assertEquals("ok", attacker.answerTo(answered).getString("t"));
            attacker.startMessage("{\"t\":\"event\",\"ref\":99,\"id\":\"" + id + "\",\"handler\":\"say\",\"args\":[\"");
            assertEquals(1008, attacker.awaitClosed());
        }
        LimitsTest.assertHonestClientServed(base);
    }

    @Test
    void aFrameWhoseBytesStopComingClosesTheConnectionWith1008() throws Exception {
        Vertx vertx = Vertx.vertx();
        try {
            NetSocket socket = vertx.createNetClient().connect(base.getPort(), base.getHost())
                    .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            // Written on the client's event loop, read here: its methods are synchronized
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            AtomicBoolean closed = new AtomicBoolean();
            socket.handler(bytes -> received.writeBytes(bytes.getBytes()));
            socket.closeHandler(ignored -> closed.set(true));
            socket.write(Attacks.upgradeRequest(base, LiveClient.newAttackerCookie()));
            await().atMost(Duration.ofSeconds(10)).until(() -> received.toString().contains("\r\n\r\n"));
            assertTrue(received.toString().startsWith("HTTP/1.1 101"), received.toString());
            // A masked text frame that announces 100 bytes, and 10 of them
            socket.write(Buffer.buffer().appendByte((byte) 0x81).appendByte((byte) (0x80 | 100)).appendInt(0)
                    .appendString("{\"t\":\"joi"));
            await().atMost(Duration.ofSeconds(20)).untilTrue(closed);
            byte[] bytes = received.toByteArray();
            assertTrue(hasCloseFrame(bytes, 1008), "a close frame with 1008 came before the close");
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
        LimitsTest.assertHonestClientServed(base);
    }

    /** Whether the bytes hold a close frame (unmasked, short) whose status is the code. */
    private static boolean hasCloseFrame(byte[] bytes, int code) {
        for (int i = 0; i + 3 < bytes.length; i++) {
            if (bytes[i] == (byte) 0x88 && bytes[i + 1] >= 2 && bytes[i + 1] < 126
                    && ((bytes[i + 2] & 0xFF) << 8 | bytes[i + 3] & 0xFF) == code) {
                return true;
            }
        }
        return false;
    }
}
