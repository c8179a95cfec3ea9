package org.acme;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;

/**
 * The browsers' side of {@link WireBenchmarkIT}: one Vert.x for every WebSocket and page. A browser of the demo loads
 * its page (GET, with the test browser's cookie), reads the component's id and joins it; a connection to the floor just
 * opens. Sockets are opened {@value #BATCH} at a time; one not ready within {@value #STUCK_SECONDS} s is closed and
 * opened again, and counted.
 */
final class WireClients implements AutoCloseable {

    static final int BATCH = 100;
    private static final long STUCK_SECONDS = 15;

    private final Vertx vertx = Vertx.vertx();
    // Vert.x opens at most 50 WebSockets to one server unless told otherwise; frames of whole large pages pass 64 KB
    private final WebSocketClient sockets = vertx.createWebSocketClient(new WebSocketClientOptions()
            .setMaxConnections(20_000).setMaxFrameSize(16 << 20).setMaxMessageSize(16 << 20));
    private final HttpClient pages = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true),
            new PoolOptions().setHttp1MaxSize(BATCH));
    private final SecureRandom random = new SecureRandom();
    /** Sockets given up and opened again. */
    final AtomicInteger reopened = new AtomicInteger();

    /** {@code count} browsers of the demo's page {@code path} on {@code port}, each joined to its own component. */
    List<WireSocket> browsers(int port, String path, int count) throws Exception {
        return open(count, () -> openLive(port, path));
    }

    /** {@code count} connections to the floor server on {@code port}. */
    List<WireSocket> floor(int port, int count) throws Exception {
        return open(count, () -> new WireSocket(standInId(), false).connect(sockets, port));
    }

    private List<WireSocket> open(int count, java.util.function.Supplier<Future<WireSocket>> one) throws Exception {
        List<WireSocket> opened = new ArrayList<>(count);
        while (opened.size() < count) {
            List<Future<WireSocket>> batch = new ArrayList<>();
            for (int i = Math.min(BATCH, count - opened.size()); i > 0; i--) {
                batch.add(withRetries(one, 3));
            }
            Future.all(batch).toCompletionStage().toCompletableFuture().get(5 * STUCK_SECONDS, TimeUnit.SECONDS);
            batch.forEach(socket -> opened.add(socket.result()));
        }
        return opened;
    }

    private Future<WireSocket> withRetries(java.util.function.Supplier<Future<WireSocket>> one, int attempts) {
        Promise<WireSocket> result = Promise.promise();
        Future<WireSocket> attempt = one.get();
        long timer = vertx.setTimer(TimeUnit.SECONDS.toMillis(STUCK_SECONDS),
                ignored -> result.tryFail(new TimeoutException("not ready within " + STUCK_SECONDS + " s")));
        attempt.onComplete(outcome -> {
            vertx.cancelTimer(timer);
            if (outcome.failed()) {
                result.tryFail(outcome.cause());
            } else if (!result.tryComplete(outcome.result())) {
                // Ready after the timeout: this one was given up already
                outcome.result().close();
            }
        });
        return result.future().recover(failure -> {
            if (attempts <= 1) {
                return Future.failedFuture(failure);
            }
            reopened.incrementAndGet();
            return withRetries(one, attempts - 1);
        });
    }

    private Future<WireSocket> openLive(int port, String path) {
        return pages.request(new RequestOptions().setMethod(HttpMethod.GET).setHost("127.0.0.1").setPort(port)
                .setURI(path).putHeader("Cookie", LiveClient.BROWSER_COOKIE))
                .compose(request -> request.send())
                .compose(response -> response.statusCode() == 200 ? response.body()
                        : Future.failedFuture("GET " + path + " answered " + response.statusCode()))
                .compose(body -> new WireSocket(LiveClient.componentIds(body.toString()).get(0), true)
                        .connect(sockets, port));
    }

    /** An id as long as a component's (128 bits, URL-safe base64), so events to the floor are as long. */
    private String standInId() {
        byte[] bits = new byte[16];
        random.nextBytes(bits);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bits);
    }

    static void closeAll(List<WireSocket> sockets) throws Exception {
        Future.join(sockets.stream().map(WireSocket::close).toList()).toCompletionStage().toCompletableFuture()
                .get(60, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    }
}
