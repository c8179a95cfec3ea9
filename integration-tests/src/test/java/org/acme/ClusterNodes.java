package org.acme;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A cluster of demo nodes on loopback: N processes of the packaged demo ({@link AppNode}), each on a free HTTP port,
 * started with {@code quarkus.vertx.cluster.clustered=true} so that Vert.x joins them through Hazelcast.
 * <p>
 * The nodes read the demo's {@code cluster.xml} (loopback only, ports 5701-5710), copied under a cluster name of
 * their own to {@code target/cluster-it/}, so that clusters of builds running side by side on one machine never merge.
 * {@link #start} returns once every node serves HTTP and sees all the others as members, as told by the demo's
 * {@code /cluster-probe/members}.
 *
 * <pre>
 * try (ClusterNodes cluster = ClusterNodes.start("my-it", 2)) {
 *     AppNode a = cluster.node(0), b = cluster.node(1);
 *     a.post("/cluster-probe/messages", "hello");   // any HTTP against either node
 *     b.kill();                                     // a crash; or b.stop() for a graceful leave
 *     cluster.awaitMembers(a, 1, Duration.ofSeconds(10));
 * }
 * </pre>
 *
 * Logs: {@code target/<name>-<i>.log}, node i counted from 0.
 */
final class ClusterNodes implements AutoCloseable {

    static final Path DEMO_CLUSTER_XML = Path.of("target", "classes", "cluster.xml");
    static final String DEMO_CLUSTER_NAME = "<cluster-name>quarkus-live-demo</cluster-name>";

    private static final AtomicInteger CLUSTERS = new AtomicInteger();

    private final String clusterName;
    private final List<AppNode> nodes = new ArrayList<>();
    private Duration formedIn;

    private ClusterNodes(String name, int count, List<String> jvmArguments) {
        clusterName = "quarkus-live-it-" + ProcessHandle.current().pid() + "-" + CLUSTERS.incrementAndGet();
        Path config = clusterConfig(clusterName);
        List<String> arguments = new ArrayList<>(List.of(
                "-Dquarkus.vertx.cluster.clustered=true",
                "-Dquarkus.vertx.cluster.host=127.0.0.1",
                "-Dvertx.hazelcast.config=" + config.toAbsolutePath()));
        arguments.addAll(jvmArguments);
        for (int i = 0; i < count; i++) {
            nodes.add(new AppNode(name + "-" + i, arguments));
        }
    }

    /** Starts {@code count} clustered nodes at once and waits until each serves HTTP and sees {@code count} members. */
    static ClusterNodes start(String name, int count) {
        return start(name, count, List.of());
    }

    /** The same, with more JVM arguments for every node ({@code -Dname=value}, ...). */
    static ClusterNodes start(String name, int count, List<String> jvmArguments) {
        ClusterNodes cluster = new ClusterNodes(name, count, jvmArguments);
        long started = System.nanoTime();
        try {
            cluster.nodes.forEach(AppNode::launch);
            cluster.nodes.forEach(AppNode::awaitServing);
            cluster.nodes.forEach(node -> cluster.awaitMembers(node, count, AppNode.START_TIMEOUT));
        } catch (RuntimeException | Error e) {
            cluster.close();
            throw e;
        }
        cluster.formedIn = Duration.ofNanos(System.nanoTime() - started);
        return cluster;
    }

    AppNode node(int index) {
        return nodes.get(index);
    }

    List<AppNode> nodes() {
        return List.copyOf(nodes);
    }

    String clusterName() {
        return clusterName;
    }

    /** From the launch of the processes until every node served HTTP and saw all members. */
    Duration formedIn() {
        return formedIn;
    }

    /** The members of the cluster as the node sees them (0: not clustered); -1 when it does not answer. */
    static int members(AppNode node) {
        try {
            var response = node.get("/cluster-probe/members");
            return response.statusCode() == 200 ? Integer.parseInt(response.body().trim()) : -1;
        } catch (IOException e) {
            return -1;
        }
    }

    /** Waits until the node sees exactly {@code expected} members. */
    void awaitMembers(AppNode node, int expected, Duration timeout) {
        await("%s seeing %d members".formatted(node, expected)).atMost(timeout).pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    if (!node.isAlive()) {
                        throw new AssertionError(node + " ended; its log:\n" + node.logText());
                    }
                    return members(node) == expected;
                });
    }

    /** Stops every node still running, gracefully, the last one first. */
    @Override
    public void close() {
        for (int i = nodes.size() - 1; i >= 0; i--) {
            nodes.get(i).stop();
        }
    }

    /** The demo's cluster.xml under another cluster name, written to target/cluster-it/. */
    private static Path clusterConfig(String clusterName) {
        try {
            String xml = Files.readString(DEMO_CLUSTER_XML, StandardCharsets.UTF_8);
            assertTrue(xml.contains(DEMO_CLUSTER_NAME), DEMO_CLUSTER_XML + " names its cluster " + DEMO_CLUSTER_NAME);
            Path config = Path.of("target", "cluster-it", clusterName + ".xml");
            Files.createDirectories(config.getParent());
            Files.writeString(config,
                    xml.replace(DEMO_CLUSTER_NAME, "<cluster-name>" + clusterName + "</cluster-name>"),
                    StandardCharsets.UTF_8);
            return config;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
