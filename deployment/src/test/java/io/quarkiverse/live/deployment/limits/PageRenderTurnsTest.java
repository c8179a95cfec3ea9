package io.quarkiverse.live.deployment.limits;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.live.Live;
import io.quarkus.test.QuarkusUnitTest;
import io.quarkus.test.common.http.TestHTTPResource;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;

/**
 * One client address has at most {@code max-page-renders-per-address} pages rendering at once; its further loads
 * wait their turn, up to {@code max-waiting-page-loads-per-address}, and past that are refused with 503. Another
 * address is served meanwhile.
 */
public class PageRenderTurnsTest {

    static final CountDownLatch OPEN = new CountDownLatch(1);
    static final AtomicInteger STARTED = new AtomicInteger();

    @RegisterExtension
    static final QuarkusUnitTest test = new QuarkusUnitTest()
            .withApplicationRoot(root -> root.addClasses(GatedPage.class, PlainPage.class)
                    .addAsResource(new StringAsset("<p>{gate}</p>"), "templates/GatedPage.html")
                    .addAsResource(new StringAsset("<p>plain</p>"), "templates/PlainPage.html")
                    .addAsResource(new StringAsset("quarkus.live.max-page-renders-per-address=2\n"
                            + "quarkus.live.max-waiting-page-loads-per-address=3\n"), "application.properties"));

    static final Vertx VERTX = Vertx.vertx();

    @TestHTTPResource("/")
    URL base;

    @AfterAll
    static void close() {
        OPEN.countDown();
        VERTX.close();
    }

    @Test
    void anAddressRendersItsShareAtOnceAndItsOtherLoadsWaitTheirTurn() throws Exception {
        HttpClient client = client("127.0.0.1");
        List<Integer> statuses = new CopyOnWriteArrayList<>();
        for (int i = 0; i < 6; i++) {
            get(client, "/gated").onSuccess(response -> statuses.add(response.statusCode()));
        }
        // Two render, three wait, the sixth finds the line full
        await().atMost(Duration.ofSeconds(10)).until(() -> statuses.contains(503) && STARTED.get() == 2);
        assertEquals(List.of(503), statuses, "only the load past the line is answered while the renders wait");
        HttpClientResponse full = get(client, "/plain").toCompletionStage().toCompletableFuture().get(10,
                TimeUnit.SECONDS);
        assertEquals(503, full.statusCode(), "any page of that address waits in the same line");
        assertEquals("1", full.getHeader("Retry-After"));

        // Another address does not wait behind them
        HttpClientResponse other = get(client("127.0.0.2"), "/plain").toCompletionStage().toCompletableFuture()
                .get(10, TimeUnit.SECONDS);
        assertEquals(200, other.statusCode());
        assertEquals(2, STARTED.get(), "no waiting load started while both renders of its address ran");

        OPEN.countDown();
        await().atMost(Duration.ofSeconds(10)).until(() -> statuses.size() == 6);
        assertEquals(5, statuses.stream().filter(status -> status == 200).count(), statuses.toString());
        assertEquals(5, STARTED.get());
    }

    private HttpClient client(String localAddress) {
        return VERTX.createHttpClient(new HttpClientOptions().setDefaultHost("127.0.0.1")
                .setDefaultPort(base.getPort()).setLocalAddress(localAddress).setMaxPoolSize(10));
    }

    private static Future<HttpClientResponse> get(HttpClient client, String path) {
        return client.request(HttpMethod.GET, path).compose(request -> request.send()
                .compose(response -> response.body().map(body -> response)));
    }

    @Live(path = "/gated")
    public static class GatedPage {

        public String gate() throws InterruptedException {
            STARTED.incrementAndGet();
            OPEN.await(30, TimeUnit.SECONDS);
            return "open";
        }
    }

    @Live(path = "/plain")
    public static class PlainPage {
    }
}
