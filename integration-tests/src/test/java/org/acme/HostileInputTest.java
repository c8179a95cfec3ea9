package org.acme;

import static io.restassured.RestAssured.get;
import static org.acme.ProtocolTest.assertError;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ClientWebSocket;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.http.WebSocketFrame;
import io.vertx.core.http.WebSocketFrameType;
import io.vertx.core.http.impl.ws.WebSocketFrameImpl;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * What one client can send to hurt the server or the other components on its connection, over a real WebSocket:
 * each attack is answered with an error, logs nothing above DEBUG, leaves the connection open and the next valid
 * event of the same client works.
 */
@QuarkusTest
class HostileInputTest {

    @TestHTTPResource("/")
    URI base;

    private LiveClient client;
    /** Refs of the requests sent as text, far from those the client numbers itself. */
    private long nextRef = 1_000_000;
    private int valid;

    @BeforeEach
    void connect() throws Exception {
        client = LiveClient.connect(base);
    }

    @AfterEach
    void close() throws Exception {
        client.close();
    }

    @Test
    void theLogCaptureHearsAFailingHandler() {
        // The silence the tests below assert means something: a handler that throws is logged as an error
        String id = join("/handlers");
        try (LogCapture log = new LogCapture()) {
            assertError(client.event(id, "explode"), "handler-failed");
            assertFalse(log.records().isEmpty(), "the failing handler was logged");
        }
    }

    @Test
    void runawayFormsAreRefusedBeforeExpansion() {
        String id = join("/typed");
        try (LogCapture log = new LogCapture()) {
            // A dotted name 5,001 levels deep: its expansion into nested objects once overflowed the stack
            JsonObject reply = client.event(id, "person",
                    new JsonObject().put("name", "Ada").put("a.".repeat(5000) + "a", "x"));
            assertRefusedAsAWhole(reply, "quarkus.live.max-field-depth=8");
            assertTypedStillWorks(id);

            JsonObject wide = new JsonObject().put("name", "Ada").put("address.street", "Main");
            for (int i = 0; i < 300; i++) {
                wide.put("f" + i, "x");
            }
            assertRefusedAsAWhole(client.event(id, "person", wide), "quarkus.live.max-form-fields=256");

            // Nested objects count as levels, as dotted names do
            String deep = "{\"a\":".repeat(900) + "{\"street\":\"Main\"}" + "}".repeat(900);
            assertRefusedAsAWhole(request(id, "person", "{\"name\":\"Ada\",\"address\":" + deep + "}"),
                    "quarkus.live.max-field-depth=8");
            assertRefusedAsAWhole(client.event(id, "person",
                    new JsonObject().put("name", "Ada").put("address.a.a.a.a.a.a.a", new JsonObject().put("b", 1))),
                    "quarkus.live.max-field-depth=8");
            // Eight levels are allowed: converted, and refused only for the field Address does not have
            assertRefused(client.event(id, "person",
                    new JsonObject().put("name", "Ada").put("address.a.a.a.a.a.a", new JsonObject().put("b", 1))),
                    "address.a", "unknown field 'a'");

            // Arrays 900 deep, with an object at the bottom: refused without any walk running away
            String nested = "[".repeat(900) + "{\"x\":\"y\"}" + "]".repeat(900);
            assertRefused(request(id, "tags", nested + ",[]"), "tags", null);
            assertRefused(request(id, "text", nested), "text", null);
            assertTypedStillWorks(id);

            // Within the limits, nested objects and dotted names still fill records
            JsonObject ok = client.event(id, "person", new JsonObject().put("name", "Ada")
                    .put("address", new JsonObject().put("street", "Main Street")));
            assertEquals("person Ada of Main Street", last(ok));
            log.assertQuiet();
        }
    }

    @Test
    void everyConversionFailureIsBadArgumentsNotAClosedConnection() {
        String id = join("/typed");
        try (LogCapture log = new LogCapture()) {
            // java.time's own exception for an epoch day past year 999,999,999 once escaped the binder
            assertRefused(client.event(id, "day", 999999999999L), "day", "not a valid LocalDate");
            assertRefused(client.event(id, "day", -999999999999L), "day", "not a valid LocalDate");
            assertRefused(client.event(id, "moment", "2024-05-01T14:00:00", "09:30", 999999999999999999L),
                    "instant", null);
            assertRefused(client.event(id, "scalars", "1", 0.5, true, "1", "too long"), "letter", null);
            assertTypedStillWorks(id);
            log.assertQuiet();
        }
    }

    @Test
    void nonFiniteAndAbsurdNumbersAreRefusedPerField() {
        String id = join("/hostile");
        try (LogCapture log = new LogCapture()) {
            assertRefused(client.event(id, "ratio", "NaN"), "ratio", "\"NaN\" is not a valid double");
            assertRefused(client.event(id, "ratio", "Infinity"), "ratio", "\"Infinity\" is not a valid double");
            assertRefused(client.event(id, "ratio", "-Infinity"), "ratio", "\"-Infinity\" is not a valid double");
            assertRefused(client.event(id, "ratio", "1e400"), "ratio", "out of range for double");
            // A JSON number past the double range: the JSON parser reads it as Infinity
            assertRefused(client.event(id, "ratio", new BigDecimal("1e400")), "ratio", "out of range for double");
            assertRefused(client.event(id, "ratio", new BigDecimal("-1e400")), "ratio", "out of range for double");

            JsonObject floats = client.event(id, "scales", "1e39", "NaN", 3.5e38);
            assertRefused(floats, "scale", "out of range for float");
            assertRefused(floats, "boxed", "\"NaN\" is not a valid Double");
            assertRefused(floats, "boxedFloat", "out of range for Float");

            JsonObject money = client.event(id, "money", "1e999999999", "9".repeat(1001));
            assertRefused(money, "amount", "out of range for BigDecimal");
            assertRefused(money, "count", "out of range for BigInteger");
            assertRefused(client.event(id, "money", "1e-999999999", "1"), "amount", "out of range for BigDecimal");
            assertRefused(client.event(id, "money", "0." + "1".repeat(1001), "1"), "amount",
                    "out of range for BigDecimal");
            assertRefused(client.event(id, "money", new BigDecimal("1e999999999"), "1"), "amount",
                    "out of range for BigDecimal");
            assertRefused(client.event(id, "money", "1", "1e999999999"), "count", null);
            // A JSON number of more than 1,000 digits is refused by the JSON parser already
            assertError(client.sendRaw("{\"t\":\"event\",\"ref\":1,\"id\":\"" + id
                    + "\",\"handler\":\"money\",\"args\":[1," + "9".repeat(1001) + "]}"), "malformed");

            // Inside records and POJOs, keyed by the field
            assertFieldRefused(id, "weight", "NaN", "\"NaN\" is not a valid double");
            assertFieldRefused(id, "weight", "1e309", "out of range for double");
            assertFieldRefused(id, "price", "1e999999999", "out of range for BigDecimal");
            assertFieldRefused(id, "quantity", "9".repeat(1001), "out of range for BigInteger");
            assertFieldRefused(id, "discount", "1e39", "out of range for Float");
            JsonObject parcel = client.event(id, "parcel", new JsonObject().put("width", "Infinity")
                    .put("value", "1"));
            assertEquals(Map.of("width", "must be a number"), parcel.getJsonObject("errors").getMap(), parcel.encode());
            parcel = client.event(id, "parcel", new JsonObject().put("width", "1").put("value", "-1e999999999"));
            assertEquals(Map.of("value", "is out of range"), parcel.getJsonObject("errors").getMap(), parcel.encode());

            // Large, small and long numbers within reason still pass
            assertEquals("ratio 1.7976931348623157E308", last(client.event(id, "ratio", "1.7976931348623157e308")));
            assertEquals("scales 0.25 -1.0E-300 3.4028235E38",
                    last(client.event(id, "scales", 0.25, "-1e-300", "3.4028235e38")));
            assertEquals("money 1E+999 " + "9".repeat(1000),
                    last(client.event(id, "money", "1e999", "9".repeat(1000))));
            assertEquals("order tea 0.5 12.50 3 null", last(client.event(id, "order", new JsonObject()
                    .put("item", "tea").put("weight", "0.5").put("price", "12.50").put("quantity", "3")
                    .put("discount", ""))));
            assertEquals("parcel 2.5 1E+3", last(client.event(id, "parcel",
                    new JsonObject().put("width", 2.5).put("value", "1e3"))));
            log.assertQuiet();
        }
    }

    @Test
    void aRefThatIsNoWholeNumberIsMalformed() {
        String id = join("/counter");
        for (String ref : List.of("1.5", "2.0", "1e300", "123456789012345678901234567890", "true", "\"7\"")) {
            JsonObject reply = client.sendRaw("{\"t\":\"event\",\"ref\":" + ref + ",\"id\":\"" + id
                    + "\",\"handler\":\"increment\"}");
            assertError(reply, "malformed");
            assertNull(reply.getValue("ref"), reply.encode());
        }
        // None of them ran: the count is 1 after the next valid increment
        assertCounterStillWorks(id);
    }

    @Test
    void anUnknownHandlerIsNamedBrieflyAndHandlersAreNotListed() {
        String id = join("/counter");
        JsonObject reply = client.event(id, "nope");
        assertError(reply, "unknown-handler");
        assertEquals("Counter has no handler 'nope'", reply.getString("message"));

        String name = "x".repeat(60_000);
        reply = client.event(id, name);
        assertError(reply, "unknown-handler");
        assertEquals("Counter has no handler '" + "x".repeat(64) + "...'", reply.getString("message"));
        assertCounterStillWorks(id);
    }

    @Test
    void multiByteTextArrivesWholeEvenSplitAcrossFrames() throws Exception {
        String id = LiveClient.mount("/hostile");
        try (RawSocket raw = RawSocket.connect(base); LogCapture log = new LogCapture()) {
            raw.join(id);
            String text = "\u65e5\u672c\u8a9e \ud83d\ude00 \u00e9t\u00e9";
            assertEquals(text, last(raw.send(utf8(echo(id, 2, text + "\"]}")))));

            // Split inside the emoji's four bytes: only the whole message is UTF-8, and it is read as one
            byte[] whole = utf8(echo(id, 3, "\ud83d\ude00!\"]}"));
            int inside = whole.length - 6;
            JsonObject reply = raw.sendFragmented(Arrays.copyOfRange(whole, 0, inside),
                    Arrays.copyOfRange(whole, inside, whole.length));
            assertEquals("\ud83d\ude00!", last(reply));
            assertNull(raw.closeCode.get(), "the connection stays open");
            log.assertQuiet();
        }
    }

    @Test
    void textThatIsNoUtf8ClosesTheConnectionWith1007() throws Exception {
        // RFC 6455 (8.1): a text message that is no valid UTF-8 fails the connection with 1007. Each byte sequence
        // is one way to be invalid: a byte UTF-8 never uses, an overlong encoding, a surrogate, a character cut short,
        // a continuation byte with nothing before it
        List<byte[]> invalid = List.of(new byte[] { (byte) 0xff }, new byte[] { (byte) 0xc0, (byte) 0xaf },
                new byte[] { (byte) 0xed, (byte) 0xa0, (byte) 0x80 }, new byte[] { (byte) 0xf0, (byte) 0x9f },
                new byte[] { (byte) 0x80 });
        try (LogCapture log = new LogCapture()) {
            for (byte[] bad : invalid) {
                String id = LiveClient.mount("/hostile");
                String token;
                try (RawSocket raw = RawSocket.connect(base)) {
                    token = raw.join(id).getString("token");
                    raw.sendOnly(concat(utf8(echo(id, 2, "<")), bad, utf8(">\"]}")));
                    assertEquals((short) 1007, raw.awaitClosed(), "closed as invalid payload data");
                }
                assertNothingEchoed(id, token);
            }
            // The invalid bytes in the continuation frame of a message whose first frame was fine
            String id = LiveClient.mount("/hostile");
            String token;
            try (RawSocket raw = RawSocket.connect(base)) {
                token = raw.join(id).getString("token");
                raw.sendFragmentedOnly(utf8(echo(id, 2, "[")), concat(invalid.get(0), utf8("]\"]}")));
                assertEquals((short) 1007, raw.awaitClosed());
            }
            assertNothingEchoed(id, token);
            log.assertQuiet();
        }
        LimitsTest.assertHonestClientServed(base);
    }

    /** The refused event never reached the handler, and its component waits to be rejoined, as after any close. */
    private void assertNothingEchoed(String id, String token) throws Exception {
        try (LiveClient back = LiveClient.connect(base)) {
            assertEquals("", last(back.rejoin(id, token)));
        }
    }

    /** The start of an event calling {@code echo}, up to the inside of its string argument, followed by the rest. */
    private static String echo(String id, long ref, String rest) {
        return "{\"t\":\"event\",\"ref\":" + ref + ",\"id\":\"" + id + "\",\"handler\":\"echo\",\"args\":[\""
                + rest;
    }

    // --- helpers

    private String join(String path) {
        String id = LiveClient.mount(path);
        assertEquals("ok", client.join(id).getString("t"));
        return id;
    }

    /**
     * Sends an event whose arguments are JSON text (nesting too deep for the client's JSON encoder, numbers a
     * JsonArray cannot hold) and returns its answer.
     */
    private JsonObject request(String id, String handler, String args) {
        long ref = nextRef++;
        client.sendRaw("{\"t\":\"event\",\"ref\":" + ref + ",\"id\":\"" + id + "\",\"handler\":\"" + handler
                + "\",\"args\":[" + args + "]}");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> client.received().stream().anyMatch(m -> Long.valueOf(ref).equals(m.getLong("ref"))));
        return client.received().stream().filter(m -> Long.valueOf(ref).equals(m.getLong("ref"))).findFirst()
                .orElseThrow();
    }

    private void assertFieldRefused(String id, String field, String value, String message) {
        JsonObject order = new JsonObject().put("item", "tea").put("weight", "0.5").put("price", "12.50")
                .put("quantity", "3").put("discount", "0.1").put(field, value);
        JsonObject reply = client.event(id, "order", order);
        assertError(reply, "bad-arguments");
        assertEquals(Set.of(field), reply.getJsonObject("errors").fieldNames(), reply.encode());
        assertTrue(reply.getString("message").contains(field + ": " + message), reply.encode());
    }

    private static String last(JsonObject reply) {
        assertEquals("ok", reply.getString("t"), reply.encode());
        String html = reply.getString("html");
        int start = html.indexOf("<p class=\"last\">") + 16;
        return html.substring(start, html.indexOf("</p>", start));
    }


    /** Refused as a whole, before any conversion: no message per field, and the answer stays short. */
    private static void assertRefusedAsAWhole(JsonObject reply, String naming) {
        assertError(reply, "bad-arguments");
        assertNull(reply.getValue("errors"), reply.encode());
        assertTrue(reply.getString("message").contains(naming), reply.encode());
        assertTrue(reply.encode().length() < 500, "a short answer: " + reply.encode().length() + " characters");
    }

    private static void assertRefused(JsonObject reply, String key, String message) {
        assertError(reply, "bad-arguments");
        JsonObject errors = reply.getJsonObject("errors");
        assertTrue(errors != null && errors.getString(key) != null, "a message for " + key + ": " + reply.encode());
        if (message != null) {
            // The developer's detail; the user reads a message of their own (EveryMessageAtOnceTest)
            assertTrue(reply.getString("message").contains(key + ": " + message), reply.encode());
        }
    }

    /** The connection takes the next valid event, whose answer shows the state changed by it. */
    private void assertTypedStillWorks(String id) {
        int n = ++valid;
        assertEquals("int " + n, last(client.event(id, "number", n)));
    }

    private void assertCounterStillWorks(String id) {
        JsonObject reply = client.event(id, "increment");
        assertEquals("ok", reply.getString("t"), reply.encode());
        assertTrue(reply.getString("html").contains("Count: 1"), reply.encode());
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[]... parts) {
        Buffer buffer = Buffer.buffer();
        for (byte[] part : parts) {
            buffer.appendBytes(part);
        }
        return buffer.getBytes();
    }

    /** A WebSocket that sends text frames of any bytes, valid UTF-8 or not, and remembers how it was closed. */
    private static final class RawSocket implements AutoCloseable {

        private final Vertx vertx = Vertx.vertx();
        private final List<JsonObject> received = new CopyOnWriteArrayList<>();
        private final HtmlCopies copies = new HtmlCopies();
        private final AtomicReference<Short> closeCode = new AtomicReference<>();
        private final WebSocket socket;

        private RawSocket(URI base) throws Exception {
            // Handlers go on before the connection exists, so not even the hello can come before them
            ClientWebSocket ws = vertx.createWebSocketClient().webSocket();
            ws.textMessageHandler(text -> received.add(copies.read(new JsonObject(text))));
            // -1: closed without a close frame
            ws.closeHandler(ignored -> closeCode.set(ws.closeStatusCode() == null ? -1 : ws.closeStatusCode()));
            ws.connect(new WebSocketConnectOptions().setHost(base.getHost()).setPort(base.getPort())
                    .addHeader("Cookie", LiveClient.BROWSER_COOKIE).setURI("/_live/ws"))
                    .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            socket = ws;
            await().atMost(Duration.ofSeconds(10)).until(() -> received.size() == 1);
        }

        static RawSocket connect(URI base) throws Exception {
            return new RawSocket(base);
        }

        JsonObject join(String id) {
            JsonObject reply = send(utf8("{\"t\":\"join\",\"v\":1,\"ref\":1,\"id\":\"" + id + "\"}"));
            assertEquals("ok", reply.getString("t"), reply.encode());
            return reply;
        }

        /** Sends the bytes as one final text frame, without waiting for anything. */
        void sendOnly(byte[] text) {
            // The public API builds text frames from strings only, which are always valid UTF-8
            socket.writeFrame(new WebSocketFrameImpl(WebSocketFrameType.TEXT, text, true));
        }

        /** Sends a text frame and a final continuation frame, without waiting for anything. */
        void sendFragmentedOnly(byte[] first, byte[] rest) {
            socket.writeFrame(new WebSocketFrameImpl(WebSocketFrameType.TEXT, first, false));
            socket.writeFrame(WebSocketFrame.continuationFrame(Buffer.buffer(rest), true));
        }

        /** Waits until the server has closed the connection and returns its close code. */
        short awaitClosed() {
            await().atMost(Duration.ofSeconds(10)).until(() -> closeCode.get() != null);
            return closeCode.get();
        }

        /** Sends the bytes as one final text frame and returns the next message. */
        JsonObject send(byte[] text) {
            int before = received.size();
            sendOnly(text);
            return next(before);
        }

        /** Sends a text frame and a final continuation frame, and returns the next message. */
        JsonObject sendFragmented(byte[] first, byte[] rest) {
            int before = received.size();
            sendFragmentedOnly(first, rest);
            return next(before);
        }

        private JsonObject next(int before) {
            // A refused call may send a render before its error; the error or ok is what answers
            await().atMost(Duration.ofSeconds(10)).until(() -> received.size() > before
                    && !"render".equals(received.get(received.size() - 1).getString("t")));
            return received.get(received.size() - 1);
        }

        @Override
        public void close() throws Exception {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }
}
