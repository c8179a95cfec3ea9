package org.acme;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Two real nodes of the packaged demo, clustered on loopback through Vert.x and Hazelcast ({@link ClusterNodes}): they
 * form one cluster, an event-bus message published on one reaches the other, clustered locks and async maps are shared,
 * and when one node is killed the other keeps serving and drops it from the cluster. What each node sees is read
 * through the demo's {@code /cluster-probe} resource. One cluster for the class; the node is killed last.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {

    private static final Pattern MEMBER_REMOVED = Pattern.compile("Removing Member \\[127\\.0\\.0\\.1]:\\d+");

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
    void whenANodeIsKilledTheOtherKeepsServingAndDropsItWithinTenSeconds() throws IOException {
        long killed = System.nanoTime();
        b.kill();
        assertEquals(200, a.get("/counter").statusCode());

        await("A's Hazelcast removing the killed member").atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> MEMBER_REMOVED.matcher(a.logText()).find() && ClusterNodes.members(a) == 1);
        System.out.printf("ClusterIT: the killed node was removed %d ms after the kill%n",
                Duration.ofNanos(System.nanoTime() - killed).toMillis());

        assertEquals(200, a.get("/counter").statusCode());
        String key = "after-" + UUID.randomUUID();
        assertEquals(204, a.put("/cluster-probe/map/" + key, "still shared").statusCode());
        assertEquals("still shared", a.get("/cluster-probe/map/" + key).body());
    }

    private static List<String> lines(String body) {
        return body.lines().toList();
    }
}
