package org.acme;

import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ClientWebSocket;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetSocket;

/**
 * Attackers for the benchmarks and the memory tests: each runs on a Vert.x of its own, in the background, until it is
 * closed, and counts what it did. They keep the server's default limits in mind: an attacker the server closes comes
 * back, as a real one would.
 */
abstract class Attacks implements AutoCloseable {

    protected final Vertx vertx = Vertx.vertx();
    protected final AtomicBoolean running = new AtomicBoolean(true);
    /** Messages or requests sent. */
    final AtomicLong sent = new AtomicLong();
    /** Connections the server closed. */
    final AtomicInteger closedByServer = new AtomicInteger();

    /** What the attacker did, for a report. */
    abstract String summary();

    @Override
    public void close() throws Exception {
        running.set(false);
        vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    /**
     * One connection sends events to its counter as fast as its socket takes them. The server refuses them past the
     * rate limits and closes the connection; the attacker reconnects at once, rejoins with the resume token and goes
     * on. It is the browser of that cookie throughout.
     */
    static Attacks eventFlood(URI base, String cookie) {
        return new EventFlood(base, cookie, LiveClient.mount("/counter", cookie));
    }

    /** {@code concurrency} requests for a live page at a time, each sent as soon as the one before is answered. */
    static Attacks pageFlood(URI base, String path, int concurrency) {
        return new PageFlood(base, path, concurrency);
    }

    /**
     * {@code count} connections, each with an {@code Echo} joined, that stop reading; then each asks for
     * {@code replySize} characters {@code perSecond} times a second until the server closes it for not reading. The
     * connections come from loopback addresses of their own (127.0.0.2 and up, 100 each), so the per-address
     * connection limit leaves them in, as it would clients on as many machines.
     */
    static Attacks slowReaders(URI base, int count, int replySize, int perSecond) {
        return new SlowReaders(base, count, replySize, perSecond);
    }

    /** The bytes of a WebSocket upgrade request for the live socket, as a raw TCP client writes them. */
    static Buffer upgradeRequest(URI base, String cookie) {
        return Buffer.buffer("GET /_live/ws HTTP/1.1\r\nHost: " + base.getHost() + ":" + base.getPort()
                + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: AAAAAAAAAAAAAAAAAAAAAA==\r\n"
                + "Sec-WebSocket-Version: 13\r\nCookie: " + cookie + "\r\n\r\n");
    }

    /** Whether a message is the answer to a join sent with ref 0. */
    private static boolean isJoined(String text) {
        JsonObject message = new JsonObject(text);
        return "ok".equals(message.getString("t")) && Long.valueOf(0).equals(message.getLong("ref"));
    }

    /**
     * Floods over a plain TCP socket, as a flood tool would rather than a browser: the upgrade request and the frames are
     * bytes prepared once (a client may mask with a zero key, which leaves the payload as it is), so that the attacker
     * spends almost nothing of the machine it shares with the server and the numbers are the server's. The server's
     * frames are not decoded: the resume token is picked out of the text of the answer to the join.
     */
    private static final class EventFlood extends Attacks {

        private static final Pattern TOKEN = Pattern.compile("\"token\":\"([^\"]+)\"");
        /** Events written at a time, in one buffer. */
        private static final int BATCH = 1_000;

        private final NetClient client = vertx.createNetClient();
        private final URI base;
        private final String id;
        private final Buffer upgrade;
        private final Buffer events;
        private volatile String token;
        private final AtomicInteger refusedUpgrades = new AtomicInteger();

        EventFlood(URI base, String cookie, String id) {
            this.base = base;
            this.id = id;
            upgrade = upgradeRequest(base, cookie);
            Buffer event = frame("{\"t\":\"event\",\"ref\":1,\"id\":\"" + id
                    + "\",\"handler\":\"increment\",\"args\":[]}");
            events = Buffer.buffer(event.length() * BATCH);
            for (int i = 0; i < BATCH; i++) {
                events.appendBuffer(event);
            }
            vertx.runOnContext(ignored -> connect());
            // Started once the first join was answered, so that the caller measures the attack, not its setup
            await().atMost(Duration.ofSeconds(10)).until(() -> token != null);
        }

        /** A masked text frame (with a zero mask key) of a short message. */
        private static Buffer frame(String text) {
            byte[] payload = text.getBytes(StandardCharsets.UTF_8);
            if (payload.length > 125) {
                throw new IllegalArgumentException("only short frames: " + text);
            }
            return Buffer.buffer().appendByte((byte) 0x81).appendByte((byte) (0x80 | payload.length)).appendInt(0)
                    .appendBytes(payload);
        }

        private void connect() {
            if (!running.get()) {
                return;
            }
            client.connect(base.getPort(), base.getHost()).onSuccess(socket -> {
                StringBuilder heard = new StringBuilder();
                AtomicBoolean upgraded = new AtomicBoolean();
                AtomicBoolean flooding = new AtomicBoolean();
                socket.handler(bytes -> {
                    if (flooding.get()) {
                        return;
                    }
                    heard.append(bytes.toString(StandardCharsets.ISO_8859_1));
                    // The join goes once the upgrade is answered: bytes sent with the request might be read as its body
                    if (!upgraded.get() && heard.indexOf("\r\n\r\n") >= 0) {
                        if (!heard.toString().startsWith("HTTP/1.1 101")) {
                            // Refused (a cool-down, a connection limit): try again a little later
                            refusedUpgrades.incrementAndGet();
                            socket.closeHandler(null);
                            socket.close();
                            vertx.setTimer(100, ignored -> connect());
                            return;
                        }
                        upgraded.set(true);
                        String join = "{\"t\":\"join\",\"v\":1,\"ref\":0,\"id\":\"" + id + "\""
                                + (token == null ? "" : ",\"token\":\"" + token + "\"") + "}";
                        socket.write(frame(join));
                    }
                    Matcher matcher = TOKEN.matcher(heard);
                    if (heard.indexOf("\"t\":\"ok\"") >= 0 && (token != null || matcher.find())) {
                        if (token == null) {
                            token = matcher.group(1);
                        }
                        flooding.set(true);
                        pump(socket);
                    }
                });
                socket.closeHandler(ignored -> {
                    if (running.get()) {
                        closedByServer.incrementAndGet();
                        connect();
                    }
                });
                socket.exceptionHandler(ignored -> {
                });
                socket.write(upgrade);
            }).onFailure(failure -> vertx.setTimer(10, ignored -> connect()));
        }

        /** Writes until the socket's queue is full, and again when it drains. */
        private void pump(NetSocket socket) {
            while (running.get() && !socket.writeQueueFull()) {
                socket.write(events);
                sent.addAndGet(BATCH);
            }
            socket.drainHandler(ignored -> pump(socket));
        }

        @Override
        String summary() {
            return String.format("%,d events sent; closed by the server %,d times; %,d upgrades refused", sent.get(),
                    closedByServer.get(), refusedUpgrades.get());
        }
    }

    private static final class PageFlood extends Attacks {

        private final AtomicLong failed = new AtomicLong();

        PageFlood(URI base, String path, int concurrency) {
            HttpClient http = vertx.createHttpClient(new HttpClientOptions().setDefaultHost(base.getHost())
                    .setDefaultPort(base.getPort()).setMaxPoolSize(concurrency).setKeepAlive(true));
            for (int i = 0; i < concurrency; i++) {
                vertx.runOnContext(ignored -> get(http, path));
            }
        }

        private void get(HttpClient http, String path) {
            if (!running.get()) {
                return;
            }
            http.request(HttpMethod.GET, path).compose(request -> request.send()
                    .compose(response -> response.body().map(body -> response.statusCode())))
                    .onComplete(result -> {
                        sent.incrementAndGet();
                        if (result.failed() || result.result() != 200) {
                            failed.incrementAndGet();
                        }
                        get(http, path);
                    });
        }

        @Override
        String summary() {
            return String.format("%,d page requests (%,d failed)", sent.get(), failed.get());
        }
    }

    private static final class SlowReaders extends Attacks {

        private final List<ClientWebSocket> sockets = new ArrayList<>();

        SlowReaders(URI base, int count, int replySize, int perSecond) {
            List<WebSocketClient> clients = new ArrayList<>();
            for (int i = 0; i < (count + 99) / 100; i++) {
                // A small receive buffer, so that what the attacker does not read waits in the server, not in the
                // kernel's buffers of this machine (which would otherwise take megabytes per connection)
                clients.add(vertx.createWebSocketClient(new WebSocketClientOptions()
                        .setLocalAddress("127.0.0." + (i + 2)).setReceiveBufferSize(16 * 1024).setMaxConnections(100)));
            }
            AtomicInteger joined = new AtomicInteger();
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                String id = LiveClient.mount("/echo-back");
                ids.add(id);
                ClientWebSocket ws = clients.get(i / 100).webSocket();
                ws.textMessageHandler(text -> {
                    if (isJoined(text)) {
                        joined.incrementAndGet();
                    }
                });
                ws.closeHandler(ignored -> {
                    if (running.get()) {
                        closedByServer.incrementAndGet();
                    }
                });
                ws.connect(new WebSocketConnectOptions().setHost(base.getHost()).setPort(base.getPort())
                        .setURI("/_live/ws").addHeader("Cookie", LiveClient.BROWSER_COOKIE))
                        .onSuccess(ignored -> ws.writeTextMessage(new JsonObject().put("t", "join").put("v", 1)
                                .put("ref", 0).put("id", id).encode()));
                sockets.add(ws);
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> joined.get() == count);
            long periodMillis = Math.max(1, 1000 / perSecond);
            for (int i = 0; i < count; i++) {
                ClientWebSocket ws = sockets.get(i);
                ws.pause();
                AtomicLong ref = new AtomicLong(1);
                String event = "\",\"handler\":\"fill\",\"args\":[" + replySize + "]}";
                String prefix = "{\"t\":\"event\",\"ref\":";
                String target = ids.get(i);
                vertx.setPeriodic(periodMillis, timer -> {
                    if (!running.get() || ws.isClosed()) {
                        vertx.cancelTimer(timer);
                        return;
                    }
                    ws.writeTextMessage(prefix + ref.getAndIncrement() + ",\"id\":\"" + target + event);
                    sent.incrementAndGet();
                });
            }
        }

        @Override
        String summary() {
            return String.format("%,d events sent; %,d of %,d connections closed by the server for not reading",
                    sent.get(), closedByServer.get(), sockets.size());
        }
    }
}
