package org.acme;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkiverse.live.SharedState;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;

/**
 * {@code @Shared} fields over real WebSockets on one node: a handler's change reaches every other browser declaring the
 * key, whatever its component class; a failing handler publishes nothing; concurrent appends lose nothing; code
 * outside components changes shared values through {@link SharedState}.
 */
@QuarkusTest
class SharedStateTest {

    private static final Pattern ENTRY = Pattern.compile("<li>([^<]*)</li>");

    @TestHTTPResource("/")
    URI base;

    @Inject
    SharedState shared;

    private static List<String> entries(String html) {
        List<String> entries = new ArrayList<>();
        if (html == null) {
            return entries;
        }
        Matcher matcher = ENTRY.matcher(html);
        while (matcher.find()) {
            entries.add(matcher.group(1));
        }
        return entries;
    }

    @Test
    void aHandlersChangeReachesEveryBrowserDeclaringTheKey() throws Exception {
        String a = LiveClient.mount("/shared-list");
        String b = LiveClient.mount("/shared-list");
        String size = LiveClient.mount("/shared-list-size");
        try (LiveClient alice = LiveClient.connect(base); LiveClient bob = LiveClient.connect(base);
                LiveClient watcher = LiveClient.connect(base)) {
            alice.join(a);
            bob.join(b);
            watcher.join(size);
            int sizeBefore = shared.<List<String>> get("test-list").size();

            JsonObject answer = alice.event(a, "append", "first from alice");
            assertTrue(entries(answer.getString("html")).contains("first from alice"), answer.encode());
            String pushed = bob.awaitRender(b, html -> html.contains("first from alice"));
            assertEquals(entries(answer.getString("html")), entries(pushed), "both browsers show the same list");
            watcher.awaitRender(size, html -> html.contains("class=\"size\">" + (sizeBefore + 1) + "<"));
        }
    }

    @Test
    void aHandlerThatThrowsHalfWayPublishesNothing() throws Exception {
        String a = LiveClient.mount("/shared-list");
        String b = LiveClient.mount("/shared-list");
        try (LiveClient alice = LiveClient.connect(base); LiveClient bob = LiveClient.connect(base)) {
            alice.join(a);
            bob.join(b);
            JsonObject failed = alice.event(a, "appendThenFail", "never shared");
            assertEquals("error", failed.getString("t"), failed.encode());
            assertEquals("handler-failed", failed.getString("code"));

            alice.event(a, "append", "after the failure");
            String pushed = bob.awaitRender(b, html -> html.contains("after the failure"));
            assertFalse(pushed.contains("never shared"), "the half-made change was not published: " + pushed);
            JsonObject again = alice.event(a, "append", "and again");
            assertFalse(again.getString("html").contains("never shared"),
                    "the failing browser's own copy went back too: " + again.encode());
        }
    }

    @Test
    void concurrentAppendsLoseNothing() throws Exception {
        int clients = 10;
        int appends = 20;
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            ids.add(LiveClient.mount("/shared-list"));
        }
        int before = shared.<List<String>> get("test-list").size();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<LiveClient> connected = new ArrayList<>();
        try {
            for (String id : ids) {
                LiveClient client = LiveClient.connect(base);
                connected.add(client);
                client.join(id);
            }
            List<Future<?>> runs = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                LiveClient client = connected.get(i);
                String id = ids.get(i);
                int number = i;
                runs.add(pool.submit(() -> {
                    for (int j = 0; j < appends; j++) {
                        JsonObject answer = client.event(id, "append", "c" + number + "-" + j);
                        assertEquals("ok", answer.getString("t"), answer.encode());
                    }
                }));
            }
            for (Future<?> run : runs) {
                run.get(60, TimeUnit.SECONDS);
            }
            List<String> all = shared.get("test-list");
            assertEquals(before + clients * appends, all.size(), "every append kept");
            assertEquals(all.size(), new HashSet<>(all).size(), "none twice");
            // Every browser ends with the same list, in the same order
            for (int i = 0; i < clients; i++) {
                JsonObject last = connected.get(i).event(ids.get(i), "append", "last-" + i);
                assertEquals("ok", last.getString("t"));
            }
            List<String> finalList = shared.get("test-list");
            for (int i = 0; i < clients; i++) {
                LiveClient client = connected.get(i);
                String id = ids.get(i);
                await().atMost(Duration.ofSeconds(10)).until(() -> finalList.equals(entries(client.latestHtml(id))));
            }
        } finally {
            pool.shutdownNow();
            for (LiveClient client : connected) {
                client.close();
            }
        }
    }

    @Test
    void codeOutsideComponentsChangesSharedValues() throws Exception {
        String a = LiveClient.mount("/shared-list");
        try (LiveClient alice = LiveClient.connect(base)) {
            alice.join(a);
            List<String> copy = shared.get("test-list");
            copy.add("only in my copy");
            List<String> after = shared.<List<String>> update("test-list", list -> {
                list.add("from a scheduled job");
                return list;
            }).toCompletableFuture().get(10, TimeUnit.SECONDS);
            assertTrue(after.contains("from a scheduled job"));
            String pushed = alice.awaitRender(a, html -> html.contains("from a scheduled job"));
            assertFalse(pushed.contains("only in my copy"), "get() returns a copy");

            java.util.concurrent.ExecutionException wrongType = assertThrows(
                    java.util.concurrent.ExecutionException.class,
                    () -> shared.set("test-list", "not a list").toCompletableFuture().get(10, TimeUnit.SECONDS));
            assertTrue(wrongType.getCause().getMessage().contains("SharedList.entries"), wrongType.getMessage());
            assertEquals(after, shared.get("test-list"), "a value of the wrong type changed nothing");

            shared.broadcast("test-list");
            IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                    () -> shared.get("no-such-key"));
            assertTrue(unknown.getMessage().contains("test-list"), unknown.getMessage());
        }
    }

    @Test
    void aComponentSeesItsRequestAndPushesToItself() throws Exception {
        String html = io.restassured.RestAssured.given().cookie("live-browser", LiveClient.BROWSER)
                .header("User-Agent", "LobbyTest/1.0").get("/lobby?name=ada").then().statusCode(200).extract()
                .asString();
        String id = LiveClient.componentIds(html).get(0);
        try (LiveClient client = LiveClient.connect(base)) {
            JsonObject joined = client.join(id);
            String shown = joined.getString("html") != null ? joined.getString("html") : html;
            assertTrue(shown.contains("class=\"from-url\">ada<"), shown);
            assertTrue(shown.contains("class=\"agent\">LobbyTest/1.0<"), shown);
            assertTrue(shown.contains("class=\"connection\">" + id + "<"), shown);
            client.event(id, "tickLater");
            client.awaitRender(id, page -> page.contains("class=\"ticks\">1<"));
        }
    }

    @Test
    void presenceListsWhoIsHereAndDropsAClosedTab() throws Exception {
        String a = LiveClient.mount("/lobby");
        String b = LiveClient.mount("/lobby");
        LiveClient ada = LiveClient.connect(base);
        try (LiveClient bob = LiveClient.connect(base)) {
            ada.join(a);
            bob.join(b);
            ada.event(a, "enter", "ada");
            bob.awaitRender(b, html -> html.contains("<li>ada</li>"));
            JsonObject both = bob.event(b, "enter", "bob");
            assertTrue(both.getString("html").contains("<li>ada</li><li>bob</li>"), both.encode());

            ada.close();
            bob.awaitRender(b, html -> !html.contains("<li>ada</li>") && html.contains("<li>bob</li>"));
        } finally {
            ada.close();
        }
    }
}
