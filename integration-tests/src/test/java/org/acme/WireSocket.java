package org.acme;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.http.ClientWebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * One WebSocket of {@link WireBenchmarkIT}: a browser joined to one component of the demo, or a connection to the
 * {@link FloorServer}. It speaks protocol version 2 as the browser runtime does (events {@code [ref, c, seq, handler,
 * args]}, answers {@code [ref, html or edits]}, renders {@code [0, c, html or edits]}),
 * matches each answer to the oldest event not yet answered (the server answers a component's events in order; the
 * floor answers every message), counts payload bytes both ways and, for the demo, keeps the component's HTML as the
 * browser does, applying edits ({@link HtmlCopies}).
 */
final class WireSocket {

    /** An event sent and not answered yet. */
    private record Pending(long sentAt, Promise<String> answer) {
    }

    private final String id;
    private final boolean live;
    private final HtmlCopies copies = new HtmlCopies();
    private final Queue<Pending> inFlight = new ConcurrentLinkedQueue<>();
    private final AtomicLong refs = new AtomicLong(1);
    private long seq;
    /** The component's number on the connection, from the join's answer. */
    private volatile int number;
    private ClientWebSocket socket;
    private volatile boolean joined;
    /** Where round trips go; null records none. */
    private volatile Latencies latencies;
    final AtomicLong bytesUp = new AtomicLong();
    final AtomicLong bytesDown = new AtomicLong();
    final AtomicLong errors = new AtomicLong();
    /** The component's HTML as the browser would show it, after the last message that changed it. */
    volatile String html;
    volatile String lastError;

    /** A browser for component {@code id} of the demo ({@code live}), or a connection to the floor. */
    WireSocket(String id, boolean live) {
        this.id = id;
        this.live = live;
    }

    /** Connects; completes once the component is joined (the demo) or the socket is open (the floor). */
    Future<WireSocket> connect(WebSocketClient client, int port) {
        Promise<WireSocket> ready = Promise.promise();
        socket = client.webSocket();
        socket.textMessageHandler(text -> received(text, ready));
        socket.closeHandler(ignored -> ready.tryFail("closed with " + socket.closeStatusCode() + " "
                + socket.closeReason()));
        Future<?> open = socket.connect(new WebSocketConnectOptions().setHost("127.0.0.1").setPort(port)
                .setURI("/_live/ws").addHeader("Cookie", LiveClient.BROWSER_COOKIE));
        if (!live) {
            return open.map(ignored -> {
                joined = true;
                return this;
            });
        }
        return open.compose(ignored -> ready.future());
    }

    void recordInto(Latencies latencies) {
        this.latencies = latencies;
    }

    /** Sends an event; the future completes with the answer's text (for the floor, its fixed frame). */
    synchronized Future<String> call(String handler, Object... args) {
        long ref = refs.incrementAndGet();
        String text = new JsonArray().add(ref).add(number).add(++seq).add(handler)
                .add(new JsonArray(java.util.Arrays.asList(args))).encode();
        Promise<String> answer = Promise.promise();
        bytesUp.addAndGet(utf8Length(text));
        inFlight.add(new Pending(System.nanoTime(), answer));
        socket.writeTextMessage(text);
        return answer.future();
    }

    boolean idle() {
        return inFlight.isEmpty();
    }

    Future<Void> close() {
        return socket.close();
    }

    private void received(String text, Promise<WireSocket> ready) {
        long now = System.nanoTime();
        bytesDown.addAndGet(utf8Length(text));
        if (!live) {
            answered(now, text);
            return;
        }
        JsonObject message = copies.read(text.startsWith("[")
                // This socket has one component: every answer and render is about it
                ? HtmlCopies.asObject(new JsonArray(text), id)
                : new JsonObject(text));
        String type = message.getString("t");
        if (message.getString("html") != null) {
            html = message.getString("html");
        }
        if (!joined) {
            if ("hello".equals(type)) {
                socket.writeTextMessage(new JsonObject().put("t", "join").put("v", 2).put("ref", 1).put("id", id)
                        .encode());
            } else if ("ok".equals(type) && message.getLong("ref", -1L) == 1) {
                number = message.getInteger("c");
                joined = true;
                ready.tryComplete(this);
            } else {
                ready.tryFail("the join was answered " + text);
            }
        } else if (message.getValue("ref") != null && ("ok".equals(type) || "error".equals(type))) {
            if ("error".equals(type)) {
                errors.incrementAndGet();
                lastError = text;
            }
            answered(now, text);
        }
    }

    private void answered(long now, String text) {
        Pending pending = inFlight.poll();
        if (pending == null) {
            return;
        }
        Latencies sink = latencies;
        if (sink != null) {
            sink.record(pending.sentAt(), now);
        }
        pending.answer().complete(text);
    }

    /** The payload's length in UTF-8 without encoding it: counted for every frame, so kept cheap. */
    static int utf8Length(String text) {
        int bytes = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                bytes += 1;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }
}
