package org.acme;

import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;

/**
 * A protocol client over the Server-Sent Events carrier, for tests: reads the stream's events as a browser's
 * EventSource would, and POSTs messages to the connection, as the test browser unless told otherwise.
 */
final class SseClient implements AutoCloseable {

    /** One event of the stream: its type ({@code message} unless it named one) and its data. */
    record Event(String type, String data) {
    }

    private final Vertx vertx = Vertx.vertx();
    private final HttpClient http = vertx.createHttpClient();
    private final URI base;
    private final List<Event> events = new CopyOnWriteArrayList<>();
    /** The protocol messages, with the whole HTML under {@code html} where they carried edits of it. */
    private final List<JsonObject> messages = new CopyOnWriteArrayList<>();
    private final HtmlCopies copies = new HtmlCopies();
    private final AtomicLong refs = new AtomicLong(1);
    private final StringBuilder pending = new StringBuilder();
    private volatile boolean ended;
    /** The stream's response. */
    final HttpClientResponse response;

    private SseClient(URI base, Map<String, String> headers) throws Exception {
        this.base = base;
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.GET).setHost(base.getHost())
                .setPort(base.getPort()).setURI("/_live/sse").addHeader("Accept", "text/event-stream");
        if (headers.keySet().stream().noneMatch("Cookie"::equalsIgnoreCase)) {
            options.addHeader("Cookie", LiveClient.BROWSER_COOKIE);
        }
        headers.forEach(options::addHeader);
        try {
            response = http.request(options).compose(request -> request.send().onSuccess(answer -> {
                answer.handler(this::read);
                answer.endHandler(ignored -> ended = true);
                answer.exceptionHandler(ignored -> ended = true);
            })).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            vertx.close();
            throw e;
        }
    }

    /** Opens the stream as the test browser. */
    static SseClient open(URI base) throws Exception {
        return new SseClient(base, Map.of());
    }

    /** Opens the stream with these request headers (a {@code Cookie} replaces the test browser's). */
    static SseClient open(URI base, Map<String, String> headers) throws Exception {
        return new SseClient(base, headers);
    }

    /** Parses events as they arrive, across chunk boundaries (the SSE format, lines ending in {@code \n}). */
    private synchronized void read(Buffer chunk) {
        pending.append(chunk.toString());
        int end;
        while ((end = pending.indexOf("\n\n")) >= 0) {
            String block = pending.substring(0, end);
            pending.delete(0, end + 2);
            String type = "message";
            StringBuilder data = null;
            for (String line : block.split("\n", -1)) {
                if (line.startsWith(":")) {
                    // A comment, which EventSource ignores
                    continue;
                }
                if (line.startsWith("event: ")) {
                    type = line.substring(7);
                } else if (line.startsWith("data: ")) {
                    data = data == null ? new StringBuilder(line.substring(6)) : data.append('\n').append(line.substring(6));
                } else {
                    throw new IllegalStateException("Not a line of the SSE format the server writes: " + line);
                }
            }
            if (data != null) {
                events.add(new Event(type, data.toString()));
                if (type.equals("message")) {
                    messages.add(copies.read(new JsonObject(data.toString())));
                }
            }
        }
    }

    /** The connection id: the data of the stream's first event, {@code event: connection}. */
    String connectionId() {
        Event first = awaitEvent(0);
        if (!"connection".equals(first.type())) {
            throw new IllegalStateException("The stream did not start with its connection id: " + first);
        }
        return first.data();
    }

    /**
     * The protocol messages received so far, in order (protocol 1: the tests join with {@code "v":1}); one that carried
     * edits has the edited HTML under {@code html}, as a browser would show it.
     */
    List<JsonObject> messages() {
        return List.copyOf(messages);
    }

    List<Event> events() {
        return List.copyOf(events);
    }

    boolean ended() {
        return ended;
    }

    Event awaitEvent(int index) {
        await().atMost(Duration.ofSeconds(10)).until(() -> events.size() > index);
        return events.get(index);
    }

    /** Waits for the first message that matches. */
    JsonObject awaitMessage(Predicate<JsonObject> predicate) {
        await().atMost(Duration.ofSeconds(10)).until(() -> messages().stream().anyMatch(predicate));
        return messages().stream().filter(predicate).findFirst().orElseThrow();
    }

    /** Waits for the answer that carries the ref. */
    JsonObject answerTo(long ref) {
        return awaitMessage(message -> Long.valueOf(ref).equals(message.getLong("ref")));
    }

    long nextRef() {
        return refs.getAndIncrement();
    }

    /** POSTs a message to the stream's connection as the test browser; returns the status. */
    int post(String body) throws Exception {
        return post(connectionId(), body, Map.of());
    }

    /** POSTs a body to a connection id with these headers (a {@code Cookie} replaces the test browser's). */
    int post(String connectionId, String body, Map<String, String> headers) throws Exception {
        return send(connectionId, body, headers).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    /** As {@link #post(String, String, Map)}, without waiting: the status once it comes. */
    Future<Integer> send(String connectionId, String body, Map<String, String> headers) {
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.POST).setHost(base.getHost())
                .setPort(base.getPort()).setURI("/_live/sse/" + connectionId)
                .addHeader("Content-Type", "text/plain;charset=UTF-8");
        if (headers.keySet().stream().noneMatch("Cookie"::equalsIgnoreCase)) {
            options.addHeader("Cookie", LiveClient.BROWSER_COOKIE);
        }
        headers.forEach(options::addHeader);
        return http.request(options).compose(request -> request.send(body)).map(HttpClientResponse::statusCode);
    }

    /** POSTs a join of the component in protocol 1 and returns its answer. */
    JsonObject join(String id) throws Exception {
        long ref = nextRef();
        int status = post(new JsonObject().put("t", "join").put("v", 1).put("ref", ref).put("id", id).encode());
        if (status != 204) {
            throw new IllegalStateException("The join was answered " + status);
        }
        return answerTo(ref);
    }

    /** The text of an event of the component, with the next ref. */
    String event(String id, String handler) {
        return new JsonObject().put("t", "event").put("ref", nextRef()).put("id", id).put("handler", handler)
                .put("args", new io.vertx.core.json.JsonArray()).encode();
    }

    @Override
    public void close() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
}
