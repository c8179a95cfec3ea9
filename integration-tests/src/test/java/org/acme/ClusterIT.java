package org.acme;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;

/**
 * Two real nodes of the packaged demo, clustered on loopback through Vert.x and Hazelcast ({@link ClusterNodes}): they
 * form one cluster, an event-bus message published on one reaches the other, clustered locks and async maps are shared,
 * and when one node is killed the other keeps serving and drops it from the cluster. What each node sees is read
 * through the demo's {@code /cluster-probe} resource. One cluster for the class; the node is killed last.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {

    private static final Pattern ENTRY = Pattern.compile("<li>([^<]*)</li>");

    static ClusterNodes cluster;
    static AppNode a;
    static AppNode b;

    @BeforeAll
    static void startCluster() {
        cluster = ClusterNodes.start("cluster-it", 2);
        a = cluster.node(0);
        b = cluster.node(1);
        System.out.printf("ClusterIT: 2 nodes serving and clustered %d ms after launch%n", cluster.formedIn().toMillis());
    }

    @AfterAll
    static void stopCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    @Order(1)
    void theTwoNodesFormOneCluster() {
        assertEquals(2, ClusterNodes.members(a));
        assertEquals(2, ClusterNodes.members(b));
        for (AppNode node : List.of(a, b)) {
            String log = node.logText();
            assertTrue(log.contains("Members {size:2"), node + " logged the cluster of two");
            assertTrue(log.contains("[" + cluster.clusterName() + "]"), node + " is in the cluster of this test");
        }
    }

    @Test
    @Order(2)
    void aMessagePublishedOnOneNodeReachesTheOther() throws IOException {
        // Subscriptions spread through the cluster asynchronously: publish until the first message arrives
        AtomicInteger sent = new AtomicInteger();
        await("a message from A received on B").atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    a.post("/cluster-probe/messages", "warm-up " + sent.incrementAndGet());
                    return b.get("/cluster-probe/messages").body().contains("warm-up ");
                });

        String fromA = "from A " + UUID.randomUUID();
        assertEquals(204, a.post("/cluster-probe/messages", fromA).statusCode());
        await().atMost(Duration.ofSeconds(5)).until(() -> lines(b.get("/cluster-probe/messages").body()).contains(fromA));
        await().atMost(Duration.ofSeconds(5)).until(() -> lines(a.get("/cluster-probe/messages").body()).contains(fromA));

        String fromB = "from B " + UUID.randomUUID();
        assertEquals(204, b.post("/cluster-probe/messages", fromB).statusCode());
        await().atMost(Duration.ofSeconds(5)).until(() -> lines(a.get("/cluster-probe/messages").body()).contains(fromB));
    }

    @Test
    @Order(3)
    void anAsyncMapIsSharedByBothNodes() throws IOException {
        String key = "key-" + UUID.randomUUID();
        assertEquals(404, b.get("/cluster-probe/map/" + key).statusCode());

        assertEquals(204, a.put("/cluster-probe/map/" + key, "written on A").statusCode());
        var read = b.get("/cluster-probe/map/" + key);
        assertEquals(200, read.statusCode());
        assertEquals("written on A", read.body());

        assertEquals(204, b.put("/cluster-probe/map/" + key, "written on B").statusCode());
        assertEquals("written on B", a.get("/cluster-probe/map/" + key).body());
    }

    @Test
    @Order(4)
    void aLockTakenOnOneNodeIsHeldForTheOther() throws IOException {
        String lock = "/cluster-probe/locks/lock-" + UUID.randomUUID();
        assertEquals(200, a.post(lock + "?timeout=5000", null).statusCode(), "A takes the free lock");
        assertEquals(409, b.post(lock + "?timeout=500", null).statusCode(), "B cannot while A holds it");

        assertEquals(204, a.delete(lock).statusCode());
        assertEquals(200, b.post(lock + "?timeout=5000", null).statusCode(), "B takes it once A released it");
        assertEquals(409, a.post(lock + "?timeout=500", null).statusCode(), "now A cannot");
        assertEquals(204, b.delete(lock).statusCode());
        assertEquals(404, b.delete(lock).statusCode(), "B holds it no more");
    }

    @Test
    @Order(5)
    void aSharedChangeOnOneNodeReachesTheBrowsersOfTheOtherWithinTwoSeconds() throws Exception {
        String onA = a.mount("/shared-list");
        String onB = b.mount("/shared-list");
        try (LiveClient alice = LiveClient.connect(a.uri("/")); LiveClient bob = LiveClient.connect(b.uri("/"))) {
            alice.join(onA);
            bob.join(onB);
            // Event-bus subscriptions spread through the cluster asynchronously: the first change may take longer
            alice.event(onA, "append", "warm-up from A");
            bob.awaitRender(onB, html -> html.contains("warm-up from A"));

            long sent = System.nanoTime();
            alice.event(onA, "append", "hello from A");
            await().atMost(Duration.ofSeconds(2)).until(() -> String.valueOf(bob.latestHtml(onB)).contains("hello from A"));
            long arrived = System.nanoTime();
            JsonObject back = bob.event(onB, "append", "hello from B");
            assertTrue(back.getString("html").contains("hello from A"), "B's handler saw A's change: " + back);
            await().atMost(Duration.ofSeconds(2)).until(() -> String.valueOf(alice.latestHtml(onA)).contains("hello from B"));
            System.out.printf("ClusterIT: a shared change on A reached a browser on B in %d ms%n",
                    Duration.ofNanos(arrived - sent).toMillis());
        }
    }

    @Test
    @Order(6)
    void aPageRenderedByOneNodeIsJoinedOnTheOther() throws Exception {
        String renderedByA = a.mount("/shared-list");
        try (LiveClient client = LiveClient.connect(b.uri("/"))) {
            JsonObject joined = client.join(renderedByA, claimOf(a, renderedByA));
            assertEquals("ok", joined.getString("t"), "no sticky sessions needed: " + joined.encode());
            JsonObject appended = client.event(renderedByA, "append", "joined on B");
            assertTrue(appended.getString("html").contains("joined on B"), appended.encode());
        }
        // The claim is bound to the browser that loaded the page
        String another = a.mount("/shared-list");
        try (LiveClient stranger = LiveClient.connect(b.uri("/"), Map.of("Cookie", "live-browser=someone-else-0123456789"))) {
            ProtocolTest.assertError(stranger.join(another, claimOf(a, another)), "unknown-component");
        }
    }

    @Test
    @Order(6)
    void aPageWithChildComponentsRenderedByOneNodeIsJoinedOnTheOther() throws Exception {
        List<String> ids = LiveClient.componentIds(a.page("/tally-rows"));
        assertEquals(4, ids.size(), "the rows' parent and a tally per row: " + ids);
        String parent = ids.get(0);
        try (LiveClient client = LiveClient.connect(b.uri("/"))) {
            JsonObject joined = client.join(parent, claimOf(a, parent));
            assertEquals("ok", joined.getString("t"), joined.encode());
            // The claim named the children: B mounted them with A's ids, so the browser's joins find them
            for (String child : ids.subList(1, 4)) {
                JsonObject childJoined = client.join(child);
                assertEquals("ok", childJoined.getString("t"), "child " + child + ": " + childJoined.encode());
            }
            JsonObject incremented = client.event(ids.get(2), "increment");
            assertTrue(incremented.getString("html").contains(">3</output>"), incremented.encode());
            // The parent's render on B keeps the children it was given, by key: rows 2 and 3 stay, with their state
            JsonObject removed = client.event(parent, "removeFirst");
            String html = removed.getString("html");
            assertTrue(!html.contains(ids.get(1)) && html.contains(ids.get(2)) && html.contains(ids.get(3)), html);
            assertTrue(html.contains(">3</output>"), html);
        }
    }

    @Test
    @Order(6)
    void aFormPostedWithoutJavaScriptToTheOtherNodeRunsThere() throws Exception {
        String cookie = LiveClient.newAttackerCookie();
        String page = new NoScriptHttp(a.uri("/")).get("/signup", cookie).body();
        // The nodes agreed on the key of the forms' tokens: B accepts A's page, mounts its component and runs the post
        String landed = new NoScriptHttp(b.uri("/")).postAndFollow(NoScriptHttp.first(NoScriptHttp.FORM_ACTION, page),
                Map.of("name", "Ada", "email", "ada@example.com", "age", "36", "plan", "PRO", "terms", "on"), cookie,
                "/signup");
        assertTrue(landed.contains("Welcome, Ada!"), landed);
    }

    /** The page's claim for the component, as a browser finds it in {@code data-live-mount}. */
    private static String claimOf(AppNode node, String id) {
        String claim = node.lastClaims.get(id);
        assertTrue(claim != null && !claim.isEmpty(), "a clustered node's page carries a claim for " + id);
        return claim;
    }

    @Test
    @Order(7)
    void presenceListsAgreeOnBothNodes() throws Exception {
        String lobbyA = a.mount("/lobby");
        String lobbyB = b.mount("/lobby");
        try (LiveClient ada = LiveClient.connect(a.uri("/")); LiveClient bob = LiveClient.connect(b.uri("/"))) {
            ada.join(lobbyA);
            bob.join(lobbyB);
            ada.event(lobbyA, "enter", "ada");
            bob.event(lobbyB, "enter", "bob");
            String both = "<li>ada</li><li>bob</li>";
            await().atMost(Duration.ofSeconds(5)).until(() -> String.valueOf(ada.latestHtml(lobbyA)).contains(both)
                    && String.valueOf(bob.latestHtml(lobbyB)).contains(both));
            bob.event(lobbyB, "leave");
            await().atMost(Duration.ofSeconds(5)).until(() -> {
                String html = String.valueOf(ada.latestHtml(lobbyA));
                return html.contains("<li>ada</li>") && !html.contains("<li>bob</li>");
            });
        }
    }

    @Test
    @Order(8)
    void fiftyClientsOnEachNodeAppendingAtOnceLoseNothing() throws Exception {
        int perNode = 50;
        int appends = 20;
        List<String> before = entries(a, "/shared-list");
        Vertx vertx = Vertx.vertx();
        try {
            List<CompletableFuture<Void>> runs = new ArrayList<>();
            for (AppNode node : List.of(a, b)) {
                for (int i = 0; i < perNode; i++) {
                    String id = node.mount("/shared-list");
                    String prefix = node.name() + "-" + i + "-";
                    runs.add(RawLiveClient.connect(vertx, node.port())
                            .thenCompose(client -> client.join(id).thenCompose(ignored -> appendAll(client, id, prefix,
                                    appends)).whenComplete((ignored, failure) -> client.close())));
                }
            }
            CompletableFuture.allOf(runs.toArray(CompletableFuture[]::new)).get(180, TimeUnit.SECONDS);
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
        List<String> onA = entries(a, "/shared-list");
        List<String> onB = entries(b, "/shared-list");
        assertEquals(before.size() + 2 * perNode * appends, onA.size(), "every append kept");
        assertEquals(onA.size(), new HashSet<>(onA).size(), "none twice");
        assertEquals(onA, onB, "both nodes end with the same list, in the same order");
    }

    /** Sends the appends one after another, each once the previous one was answered. */
    private static CompletableFuture<Void> appendAll(RawLiveClient client, String id, String prefix, int count) {
        CompletableFuture<Void> chain = CompletableFuture.completedFuture(null);
        for (int j = 0; j < count; j++) {
            String entry = prefix + j;
            chain = chain.thenCompose(ignored -> client.event(id, "append", entry)).thenAccept(answer -> {
                if (!"ok".equals(answer.getString("t"))) {
                    throw new AssertionError("append refused: " + answer.encode());
                }
            });
        }
        return chain;
    }

    /** The entries a fresh component of the page shows on that node. */
    private static List<String> entries(AppNode node, String path) throws Exception {
        String id = node.mount(path);
        try (LiveClient client = LiveClient.connect(node.uri("/"))) {
            client.join(id);
            JsonObject answer = client.event(id, "append", "probe-" + UUID.randomUUID());
            List<String> entries = new ArrayList<>();
            Matcher matcher = ENTRY.matcher(answer.getString("html"));
            while (matcher.find()) {
                if (!matcher.group(1).startsWith("probe-")) {
                    entries.add(matcher.group(1));
                }
            }
            return entries;
        }
    }

    @Test
    @Order(10)
    void whenANodeIsKilledTheOtherKeepsServingAndDropsItWithinTenSeconds() throws Exception {
        String lobbyA = a.mount("/lobby");
        String lobbyB = b.mount("/lobby");
        LiveClient carol = LiveClient.connect(b.uri("/"));
        LiveClient dave = LiveClient.connect(a.uri("/"));
        carol.join(lobbyB);
        dave.join(lobbyA);
        carol.event(lobbyB, "enter", "carol");
        dave.event(lobbyA, "enter", "dave");
        await().atMost(Duration.ofSeconds(5)).until(() -> String.valueOf(dave.latestHtml(lobbyA))
                .contains("<li>carol</li><li>dave</li>"));

        // B dies holding a lock, as a node may in the middle of a shared update
        String heldByB = "/cluster-probe/locks/held-by-the-dead-" + UUID.randomUUID();
        assertEquals(200, b.post(heldByB + "?timeout=5000", null).statusCode());

        long killed = System.nanoTime();
        b.kill();
        assertEquals(200, a.get("/counter").statusCode());

        await("A's Hazelcast removing the killed member").atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> ClusterNodes.members(a) == 1);
        // Whether the killed node was the cluster's master or not, the survivor ends up alone
        assertTrue(a.logText().contains("Members {size:1"), "A's Hazelcast logged the cluster of one");
        System.out.printf("ClusterIT: the killed node was removed %d ms after the kill%n",
                Duration.ofNanos(System.nanoTime() - killed).toMillis());

        assertEquals(200, a.get("/counter").statusCode());
        String key = "after-" + UUID.randomUUID();
        assertEquals(204, a.put("/cluster-probe/map/" + key, "still shared").statusCode());
        assertEquals("still shared", a.get("/cluster-probe/map/" + key).body());

        // The dead node's users leave the survivor's presence lists
        await("carol, on the killed node, leaving the list").atMost(Duration.ofSeconds(10)).until(() -> {
            String html = String.valueOf(dave.latestHtml(lobbyA));
            return !html.contains("<li>carol</li>") && html.contains("<li>dave</li>");
        });
        System.out.printf("ClusterIT: the killed node's users left the presence list %d ms after the kill%n",
                Duration.ofNanos(System.nanoTime() - killed).toMillis());

        // The lock the dead node held is free again: shared updates of its key go on
        await("the dead node's lock released").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                .until(() -> a.post(heldByB + "?timeout=1000", null).statusCode() == 200);
        System.out.printf("ClusterIT: the lock the killed node held was free %d ms after the kill%n",
                Duration.ofNanos(System.nanoTime() - killed).toMillis());

        // The survivor's browsers keep working, shared updates included
        String onA = a.mount("/shared-list");
        try (LiveClient alice = LiveClient.connect(a.uri("/"))) {
            alice.join(onA);
            JsonObject appended = alice.event(onA, "append", "after the kill");
            assertTrue(appended.getString("html").contains("after the kill"), appended.encode());
        }
        dave.close();
        carol.close();
    }

    private static List<String> lines(String body) {
        return body.lines().toList();
    }
}
