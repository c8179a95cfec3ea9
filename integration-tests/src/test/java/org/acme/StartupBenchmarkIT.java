package org.acme;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The packaged demo as production starts it ({@code java -jar target/quarkus-app/quarkus-run.jar}): the time from the
 * process's start to its first HTTP 200 ({@code GET /counter}, polled every 5 ms), and its resident memory (VmRSS) once
 * started and with 1,000 counters joined over WebSockets. Three starts; prints the figures, asserts nothing about them.
 * Run with {@code bin/benchmark -o -Dit.test=StartupBenchmarkIT -Dtest=none}.
 */
@Tag("benchmark")
class StartupBenchmarkIT {

    private static final int COUNTERS = 1_000;
    private static final List<String> ARGUMENTS = List.of("-Xmx512m",
            "-Dquarkus.live.max-connections-per-address=" + (COUNTERS + 10),
            "-Dquarkus.live.max-pending-joins=" + (COUNTERS + 10));

    @Test
    void startUpTimeAndResidentMemory() throws Exception {
        List<Long> startups = new ArrayList<>();
        for (int run = 1; run <= 3; run++) {
            try (AppNode node = new AppNode("startup-" + run, ARGUMENTS)) {
                long started = System.nanoTime();
                node.launch().awaitServing(Duration.ofMillis(5));
                long millis = (System.nanoTime() - started) / 1_000_000;
                startups.add(millis);
                long startedRss = rssKb(node.pid());
                System.out.printf("[startup] run %d: first 200 after %d ms, RSS %,d KB%n", run, millis, startedRss);
                if (run == 3) {
                    try (WireClients clients = new WireClients()) {
                        List<WireSocket> sockets = clients.browsers(node.port(), "/counter", COUNTERS);
                        long joinedRss = rssKb(node.pid());
                        System.out.printf("[startup] with %,d counters joined: RSS %,d KB (+%,d KB, %,d bytes each)%n",
                                sockets.size(), joinedRss, joinedRss - startedRss,
                                (joinedRss - startedRss) * 1024 / sockets.size());
                        WireClients.closeAll(sockets);
                    }
                }
            }
        }
        System.out.printf("[startup] process start to first HTTP 200: %s ms (JVM %s, %d cores)%n", startups,
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors());
    }

    /** The process's resident memory, as Linux counts it. */
    private static long rssKb(long pid) throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        throw new IllegalStateException("no VmRSS for " + pid);
    }
}
