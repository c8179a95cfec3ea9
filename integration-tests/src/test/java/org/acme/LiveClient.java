package org.acme;

import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.awaitility.core.ConditionTimeoutException;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ClientWebSocket;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.http.WebSocketFrame;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * A protocol client over a real WebSocket, for tests: sends JSON messages and awaits the server's answers by ref.
 */
final class LiveClient implements AutoCloseable {

    private static final Pattern ID = Pattern.compile("data-live-id=\"([^\"]+)\"");

    private final Vertx vertx = Vertx.vertx();
    /** The connection; a second one replaces a first that lost its hello (see the constructor). */
    private volatile WebSocket socket;
    private final List<JsonObject> received = new CopyOnWriteArrayList<>();
    private final HtmlCopies copies = new HtmlCopies();
    /** Protocol 2: component numbers by id and ids by number, from the join answers; ids by ref of compact events. */
    private final Map<String, Integer> numbers = new ConcurrentHashMap<>();
    private final Map<Integer, String> numbered = new ConcurrentHashMap<>();
    private final Map<Long, String> compactRefs = new ConcurrentHashMap<>();
    private final List<String> rawReceived = new CopyOnWriteArrayList<>();
    private final java.util.concurrent.atomic.AtomicLong refs = new java.util.concurrent.atomic.AtomicLong(1);
    /** The close code once the connection has closed (-1 without one), else {@code null}. */
    private volatile Integer closeStatus;
    /** The server's first message on the connection. */
    final JsonObject hello;

    private LiveClient(URI base, Map<String, String> headers) throws Exception {
        WebSocketClient client = vertx.createWebSocketClient();
        WebSocketConnectOptions options = new WebSocketConnectOptions().setHost(base.getHost())
                .setPort(base.getPort()).setURI("/_live/ws");
        if (headers.keySet().stream().noneMatch("Cookie"::equalsIgnoreCase)) {
            options.addHeader("Cookie", BROWSER_COOKIE);
        }
        headers.forEach(options::addHeader);
        for (int attempt = 1;; attempt++) {
            ClientWebSocket ws = open(client, options);
            // A server that refuses the connection after the upgrade (at its connection limit) closes it instead of
            // greeting: say so rather than wait for a hello that cannot come
            try {
                await().atMost(Duration.ofSeconds(5)).until(() -> !received.isEmpty() || closeStatus != null);
            } catch (ConditionTimeoutException e) {
                // Vert.x 4.5's client can drop a frame that arrives in the same read as the 101 response: its
                // handshake handler passes over whatever is not HTTP, which is how Netty's decoder hands on the bytes
                // after a 101. A loaded machine makes that read likely, and such a connection never shows the hello
                // it was sent (browsers keep it). Open another one, once
                if (attempt < 2) {
                    socket = null;
                    ws.close();
                    continue;
                }
                vertx.close();
                throw new IllegalStateException("No hello within 5 s, on two connections", e);
            }
            if (received.isEmpty()) {
                vertx.close();
                throw new IllegalStateException("The server closed the connection before its hello, with "
                        + closeStatus + " " + ws.closeReason());
            }
            break;
        }
        hello = awaitMessage(0);
    }

    /** Connects; messages and the close are heard only while this is the client's socket. */
    private ClientWebSocket open(WebSocketClient client, WebSocketConnectOptions options) throws Exception {
        // Handlers go on before the connection exists, so not even the hello can come before them
        ClientWebSocket ws = client.webSocket();
        ws.textMessageHandler(text -> {
            if (socket == ws) {
                rawReceived.add(text);
                received.add(copies.read(text.startsWith("[") ? fromArray(new JsonArray(text)) : fromObject(text)));
            }
        });
        ws.closeHandler(ignored -> {
            if (socket == ws) {
                closeStatus = ws.closeStatusCode() == null ? -1 : (int) ws.closeStatusCode();
            }
        });
        socket = ws;
        try {
            ws.connect(options).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            vertx.close();
            throw e;
        }
        return ws;
    }

    static LiveClient connect(URI base) throws Exception {
        return new LiveClient(base, Map.of());
    }

    /** Connects with extra handshake headers, e.g. {@code Accept-Language}. */
    static LiveClient connect(URI base, Map<String, String> headers) throws Exception {
        return new LiveClient(base, headers);
    }

    /** Connects as a browser showing a page of {@code origin} would. */
    static LiveClient connect(URI base, String origin) throws Exception {
        return new LiveClient(base, Map.of("Origin", origin));
    }

    /**
     * The browser id every test client shows, as the {@code live-browser} cookie a browser would keep: a page's
     * components can only be joined by the browser that rendered them.
     */
    static final String BROWSER = "test-browser-012345678";
    static final String BROWSER_COOKIE = "live-browser=" + BROWSER;

    private static final AtomicInteger ATTACKERS = new AtomicInteger();

    /**
     * The cookie of a new attacking browser, one of its own for each attack: a browser closed for breaking a limit is
     * kept from connecting again for a while, which must hit neither the honest test browser nor the next attack.
     */
    static String newAttackerCookie() {
        return "live-browser=" + String.format("test-attacker-%08d", ATTACKERS.incrementAndGet());
    }

    /** Renders the page over HTTP as the test browser. */
    static String page(String path) {
        return page(path, BROWSER_COOKIE);
    }

    /** Renders the page over HTTP as the browser of that cookie. */
    static String page(String path, String cookie) {
        return io.restassured.RestAssured.given().header("Cookie", cookie).get(path).then().statusCode(200).extract()
                .asString();
    }

    /** Renders the page over HTTP as the test browser and returns the id of its first component, waiting to be joined. */
    static String mount(String path) {
        return mount(path, BROWSER_COOKIE);
    }

    /** As {@link #mount(String)}, as the browser of that cookie. */
    static String mount(String path, String cookie) {
        return componentIds(page(path, cookie)).get(0);
    }

    /** Connects as the browser of that cookie (see {@link #newAttackerCookie()}). */
    static LiveClient connectAs(URI base, String cookie) throws Exception {
        return connect(base, Map.of("Cookie", cookie));
    }

    /** The component ids in an HTML page, in document order. */
    static List<String> componentIds(String html) {
        Matcher matcher = ID.matcher(html);
        List<String> ids = new java.util.ArrayList<>();
        while (matcher.find()) {
            ids.add(matcher.group(1));
        }
        return ids;
    }

    /** Protocol 2's join answer numbers the component; the answers after it name it by that number. */
    private JsonObject fromObject(String text) {
        JsonObject message = new JsonObject(text);
        if (message.getValue("c") instanceof Integer number) {
            numbered.put(number, message.getString("id"));
            numbers.put(message.getString("id"), number);
        }
        return message;
    }

    /** Protocol 2's array answers as the objects of protocol 1, marked {@code compact}. */
    private JsonObject fromArray(JsonArray message) {
        long ref = message.getLong(0);
        String id = ref == 0 ? numbered.get(message.getInteger(1)) : compactRefs.get(ref);
        return HtmlCopies.asObject(message, id).put("compact", true);
    }

    /** Joins in protocol 2: the answer carries the component's number, {@code c}. */
    JsonObject joinCompact(String id) {
        long ref = refs.getAndIncrement();
        return request(new JsonObject().put("t", "join").put("v", 2).put("ref", ref).put("id", id), ref);
    }

    /** An event in protocol 2's form, {@code [ref, number, seq, handler, args]}; returns what was sent. */
    String compactEvent(String id, long seq, String handler, Object... args) {
        long ref = refs.getAndIncrement();
        compactRefs.put(ref, id);
        String text = new JsonArray().add(ref).add(numbers.get(id)).add(seq).add(handler)
                .add(new JsonArray(java.util.Arrays.asList(args))).encode();
        socket.writeTextMessage(text);
        awaitMessage(m -> Long.valueOf(ref).equals(m.getLong("ref")));
        return text;
    }

    JsonObject join(String id) {
        long ref = refs.getAndIncrement();
        return request(new JsonObject().put("t", "join").put("v", 1).put("ref", ref).put("id", id), ref);
    }

    /** A first join carrying the page's signed mount claim ({@code data-live-mount}). */
    JsonObject join(String id, String mount) {
        long ref = refs.getAndIncrement();
        return request(new JsonObject().put("t", "join").put("v", 1).put("ref", ref).put("id", id).put("mount", mount),
                ref);
    }

    /** Rejoins a component after a reconnect, with the resume token its first join answered. */
    JsonObject rejoin(String id, String token) {
        long ref = refs.getAndIncrement();
        return request(new JsonObject().put("t", "join").put("v", 1).put("ref", ref).put("id", id).put("token", token),
                ref);
    }

    /** Sends an event numbered {@code seq} in its component's sequence. */
    JsonObject numberedEvent(String id, long seq, String handler, Object... args) {
        long ref = refs.getAndIncrement();
        return request(new JsonObject().put("t", "event").put("ref", ref).put("id", id).put("seq", seq)
                .put("handler", handler).put("args", new io.vertx.core.json.JsonArray(java.util.Arrays.asList(args))),
                ref);
    }

    /** Tells the server the component's root left the page; no answer comes. */
    void leave(String id) {
        socket.writeTextMessage(new JsonObject().put("t", "leave").put("id", id).encode());
    }

    /** Waits until the server has closed the connection and returns its close code. */
    int awaitClosed() {
        await().atMost(Duration.ofSeconds(20)).until(() -> closeStatus != null);
        return closeStatus;
    }

    boolean isClosed() {
        return closeStatus != null;
    }

    /** Sends an event without waiting for its answer; returns its ref. */
    long fire(String id, String handler, Object... args) {
        long ref = refs.getAndIncrement();
        sendOnly(new JsonObject().put("t", "event").put("ref", ref).put("id", id).put("handler", handler)
                .put("args", new io.vertx.core.json.JsonArray(java.util.Arrays.asList(args))));
        return ref;
    }

    /** Sends a message without waiting for anything. */
    void sendOnly(JsonObject message) {
        socket.writeTextMessage(message.encode());
    }

    /**
     * Sends an event as one message in a text frame and continuation frames of at most {@code frameSize} characters
     * each (cut between characters: use ASCII), without waiting for anything; returns its ref.
     */
    long fireInFrames(String id, int frameSize, String handler, Object... args) {
        long ref = refs.getAndIncrement();
        String text = new JsonObject().put("t", "event").put("ref", ref).put("id", id).put("handler", handler)
                .put("args", new JsonArray(java.util.Arrays.asList(args))).encode();
        for (int start = 0; start < text.length(); start += frameSize) {
            String part = text.substring(start, Math.min(start + frameSize, text.length()));
            boolean last = start + frameSize >= text.length();
            socket.writeFrame(start == 0 ? WebSocketFrame.textFrame(part, last)
                    : WebSocketFrame.continuationFrame(Buffer.buffer(part), last));
        }
        return ref;
    }

    /** Sends the first fragment of a message and never the rest, as a client that pins what it sent would. */
    void startMessage(String part) {
        socket.writeFrame(WebSocketFrame.textFrame(part, false));
    }

    /** Waits for the answer carrying the ref. */
    JsonObject answerTo(long ref) {
        return awaitMessage(m -> Long.valueOf(ref).equals(m.getLong("ref")));
    }

    /** Stops reading from the socket, as a client that hangs would: nothing is read, pings go unanswered. */
    void stopReading() {
        socket.pause();
    }

    /**
     * Waits for a {@code render} the server pushed for the component (not an answer to this client's own event) whose
     * HTML matches, and returns that HTML.
     */
    String awaitRender(String id, java.util.function.Predicate<String> html) {
        return await().atMost(Duration.ofSeconds(10)).until(() -> received.stream()
                .filter(m -> "render".equals(m.getString("t")) && id.equals(m.getString("id")))
                .map(m -> m.getString("html")).filter(html).findFirst(), java.util.Optional::isPresent).get();
    }

    /** The HTML the component shows now: that of the last answer or push that carried HTML for it, or {@code null}. */
    String latestHtml(String id) {
        List<JsonObject> all = received();
        for (int i = all.size() - 1; i >= 0; i--) {
            JsonObject message = all.get(i);
            if (id.equals(message.getString("id")) && message.getString("html") != null) {
                return message.getString("html");
            }
        }
        return null;
    }

    /** Every message received so far, the hello first. */
    List<JsonObject> received() {
        return List.copyOf(received);
    }

    JsonObject event(String id, String handler, Object... args) {
        long ref = refs.getAndIncrement();
        return request(new JsonObject().put("t", "event").put("ref", ref).put("id", id).put("handler", handler)
                .put("args", new io.vertx.core.json.JsonArray(java.util.Arrays.asList(args))), ref);
    }

    /** Sends a message with a ref and returns the answer carrying that ref. */
    JsonObject request(JsonObject message, long ref) {
        socket.writeTextMessage(message.encode());
        return awaitMessage(m -> Long.valueOf(ref).equals(m.getLong("ref")));
    }

    /** Sends raw text and returns the first message received after it. */
    JsonObject sendRaw(String text) {
        int before = received.size();
        socket.writeTextMessage(text);
        return awaitMessage(before);
    }

    JsonObject sendBinary(byte[] bytes) {
        int before = received.size();
        socket.writeBinaryMessage(io.vertx.core.buffer.Buffer.buffer(bytes));
        return awaitMessage(before);
    }

    /** Every message received so far as the server sent it, the hello first. */
    List<String> rawReceived() {
        return List.copyOf(rawReceived);
    }

    /** The length in bytes of the raw answer to the given ref. */
    int rawLength(long ref) {
        return rawReply(ref).getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
    }

    /** The answer to the given ref as the server sent it (with edits as edits, where they came so). */
    String rawReply(long ref) {
        return rawReceived.stream().filter(text -> text.startsWith("{") && new JsonObject(text).getLong("ref", -1L) == ref)
                .findFirst()
                .orElseThrow();
    }

    long lastRef() {
        return refs.get() - 1;
    }

    private JsonObject awaitMessage(int index) {
        await().atMost(Duration.ofSeconds(10)).until(() -> received.size() > index);
        return received.get(index);
    }

    private JsonObject awaitMessage(java.util.function.Predicate<JsonObject> predicate) {
        await().atMost(Duration.ofSeconds(10)).until(() -> received.stream().anyMatch(predicate));
        return received.stream().filter(predicate).findFirst().orElseThrow();
    }

    @Override
    public void close() throws Exception {
        // A client that stopped reading reads again, so it hears how the connection ends
        socket.resume();
        try {
            if (closeStatus == null) {
                socket.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
            }
        } catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException e) {
            // A client that stopped reading may never hear the end of the close handshake, or find the server gone
            // before its own close frame is written; its Vert.x goes anyway
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }
}
