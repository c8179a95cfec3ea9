package org.acme;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * What Quarkus Live costs on the wire and in time, compared three ways: Option A, the whole HTML on every change
 * ({@code -Dquarkus.live.diff=html}); Option B, the default ({@code quarkus.live.diff=edits}: the whole HTML once per
 * join, then edits {@code d} of the browser's copy); and a floor, a bare Vert.x WebSocket server answering every message
 * with a fixed 13-byte frame ({@link FloorServer}). The demo runs packaged, as a process of its own ({@link AppNode}),
 * once per option; the floor too ({@link FloorNode}). The browsers are WebSockets of this JVM over 127.0.0.1
 * ({@link WireClients}): each loads its page with the test browser's cookie, joins the component and sends events as
 * the browser runtime does, keeping the component's HTML as the runtime does.
 * <ol>
 * <li>{@code bytes}: WebSocket payload bytes (UTF-8) of one update, up (the event) and down (its answer), in the steady
 * state, not the first change after a join: a counter click, toggling one of 100 todos, one more chat message (the
 * room keeps {@link #CHAT_ROOM} messages, so the list stays at that size), one cell of the 1,000-row {@link BigTable}.</li>
 * <li>{@code latency}: the round trip, event sent to answer received, p50/p99/p99.9, with N connections each clicking
 * its own counter once a second (sends spread evenly over the second), timed after a warm-up.</li>
 * <li>{@code saturation}: answers per second with 100 connections each sending its next event as soon as the answer
 * comes (one in flight each), after the first level's latency.</li>
 * <li>{@code heap}: the node's used heap after full collections with the largest level's connections idle, minus the
 * heap before any was opened, per connection.</li>
 * </ol>
 * Every figure of the demo is also printed as a ratio to the floor's in the same run, since the numbers depend on the
 * machine and on what else it runs. The demo's nodes run with {@code max-connections}, {@code
 * max-connections-per-address} at 20,000 and {@code max-events-per-second} at 1,000,000, so that the saturation run is
 * not cut by the per-connection rate limit (100 by default) and 10,000 browsers may come from one address.
 * <p>
 * System properties (pass them to {@code bin/benchmark} as {@code -D...}):
 * <ul>
 * <li>{@code bench.parts}: any of {@code bytes,latency,saturation,heap} (default all);</li>
 * <li>{@code bench.levels}: the numbers of connections of the latency runs (default {@code 100,1000,10000});</li>
 * <li>{@code bench.targets}: any of {@code floor,edits,html}, measured in that order (default all, in that order);</li>
 * <li>{@code bench.warmup}, {@code bench.seconds}, {@code bench.saturation-seconds}: seconds of warm-up (default 5),
 * of each timed latency run (20) and of the saturation run (10);</li>
 * <li>{@code bench.saturation-connections} (100) and {@code bench.window}, events in flight per connection (1);</li>
 * <li>{@code bench.profile}: {@code true} records each demo node in {@code target/wire-<target>.jfr} (JFR, profile
 * settings), written when the node stops.</li>
 * <li>{@code bench.histogram}: {@code true} writes the live objects by class of each node, after the heap part, to
 * {@code target/wire-<pid>-histogram.txt}.</li>
 * </ul>
 * A quick run: {@code bin/benchmark -o -Dit.test=WireBenchmarkIT -Dtest=none -Dbench.levels=100,1000 -Dbench.seconds=5}.
 * Prints a table and writes {@code target/wire-latency.svg} (p99 per level, bars); asserts nothing about time.
 */
@Tag("benchmark")
class WireBenchmarkIT {

    /** The messages in the chat room of the bytes part, each dropping the oldest once the room is full. */
    static final int CHAT_ROOM = 1_000;
    /** The same heap and collector for the demo and the floor, printed with the table. */
    static final List<String> HEAP = List.of("-Xmx2g", "-XX:+UseG1GC");
    private static final List<String> MANY_BROWSERS = List.of(
            "-Dquarkus.live.max-connections=20000",
            "-Dquarkus.live.max-connections-per-address=20000",
            "-Dquarkus.live.max-pending-joins=20000",
            "-Dquarkus.live.max-events-per-second=1000000",
            // The chat room of the bytes part holds 1,000 messages, as the list does
            "-D" + Chat.KEPT_SETTING + "=" + CHAT_ROOM);
    /** Steady-state updates measured per case, after the ones that set it up. */
    private static final int UPDATES = 10;

    @Test
    void wireEfficiencyAndLatency() throws Exception {
        WireSettings settings = WireSettings.fromSystemProperties();
        WireMachine machine = WireMachine.now();
        Map<WireTarget, WireResults> results = new EnumMap<>(WireTarget.class);
        // In the order given: what runs first meets a client JVM whose code is not compiled yet
        for (String key : settings.targets()) {
            WireTarget target = WireTarget.of(key);
            System.out.printf("%n[wire] measuring %s%n", target.title);
            results.put(target, target.live() ? live(target, settings) : floor(settings));
        }
        String table = new WireReport(settings, machine.withLoadAfter(), results).table();
        System.out.println();
        System.out.println(table);
        Files.writeString(Path.of("target", "wire-benchmark.txt"), table);
        Files.writeString(Path.of("target", "wire-latency.svg"), new WireChart(settings.levels(), results).svg());
    }

    private static WireResults live(WireTarget target, WireSettings settings) throws Exception {
        WireResults results = new WireResults();
        List<String> arguments = new ArrayList<>(HEAP);
        arguments.addAll(MANY_BROWSERS);
        arguments.addAll(target.jvmArguments);
        if (Boolean.getBoolean("bench.profile")) {
            arguments.add("-XX:StartFlightRecording=dumponexit=true,settings=profile,filename="
                    + Path.of("target", "wire-" + target.key + ".jfr"));
        }
        try (AppNode node = new AppNode("wire-" + target.key, arguments); WireClients clients = new WireClients()) {
            node.start();
            if (settings.has("bytes")) {
                bytes(node.port(), clients, results);
            }
            loads(settings, results, node.pid(), count -> clients.browsers(node.port(), "/counter", count));
            results.reopened = clients.reopened.get();
        }
        return results;
    }

    private static WireResults floor(WireSettings settings) throws Exception {
        WireResults results = new WireResults();
        try (FloorNode node = new FloorNode(HEAP); WireClients clients = new WireClients()) {
            loads(settings, results, node.pid(), count -> clients.floor(node.port(), count));
            results.reopened = clients.reopened.get();
        }
        return results;
    }

    /** Opens the connections of each level in turn, and measures latency, saturation and heap on them. */
    private static void loads(WireSettings settings, WireResults results, long pid, Opener opener) throws Exception {
        if (!settings.opensConnections()) {
            return;
        }
        if (settings.has("heap")) {
            results.heapBaseline = NodeHeap.afterGc(pid);
        }
        List<WireSocket> sockets = new ArrayList<>();
        try {
            for (int level : settings.levels()) {
                long opening = System.nanoTime();
                try {
                    sockets.addAll(opener.open(level - sockets.size()));
                } catch (Exception e) {
                    String failure = "opened " + sockets.size() + " of " + level + ": " + e;
                    System.out.printf("[wire] %s%n", failure);
                    results.failures.put(level, failure);
                    break;
                }
                System.out.printf("[wire] %,d connections open (%.0f s)%n", sockets.size(),
                        (System.nanoTime() - opening) / 1e9);
                if (settings.has("latency")) {
                    WireLoads.Paced paced = WireLoads.paced(sockets, settings.warmUp(), settings.measured());
                    results.latency.put(level, paced);
                    System.out.printf("[wire] %,d connections: p50 %.2f ms, p99 %.2f ms, p99.9 %.2f ms (%,d timed)%n",
                            level, paced.percentiles().ms(0.5), paced.percentiles().ms(0.99),
                            paced.percentiles().ms(0.999), paced.percentiles().count());
                }
                if (settings.has("saturation") && level == settings.levels().get(0)) {
                    List<WireSocket> busy = WireLoads.first(sockets, settings.saturationConnections());
                    results.saturationConnections = busy.size();
                    WireLoads.Saturated saturated = WireLoads.saturated(busy, settings.window(), settings.warmUp(),
                            settings.saturation());
                    results.eventsPerSecond = saturated.perSecond();
                    results.saturationRoundTrips = saturated.percentiles();
                    System.out.printf("[wire] saturation: %,.0f events/s, round trip p50 %.2f ms%n",
                            results.eventsPerSecond, saturated.percentiles().ms(0.5));
                }
            }
            if (settings.has("heap") && !sockets.isEmpty()) {
                long heap = NodeHeap.afterGc(pid);
                if (Boolean.getBoolean("bench.histogram")) {
                    // What the heap per connection is made of: the live objects by class
                    NodeHeap.histogram(pid, Path.of("target", "wire-" + pid + "-histogram.txt"));
                }
                results.heapConnections = sockets.size();
                results.heapPerConnection = (heap - results.heapBaseline) / sockets.size();
            }
        } finally {
            WireClients.closeAll(sockets);
        }
    }

    /** The four updates of the bytes part, each on a browser of its own. */
    private static void bytes(int port, WireClients clients, WireResults results) throws Exception {
        WireSocket counter = clients.browsers(port, "/counter", 1).get(0);
        measure(counter, "increment");
        Sample clicks = steady(counter, "increment");
        check(counter, html -> html.contains("Count: " + (UPDATES + 1)), "the counter shows every click");
        results.bytes.add(new WireResults.Bytes("(a) counter click", clicks.down(), clicks.up(), ""));

        WireSocket todos = clients.browsers(port, "/todos", 1).get(0);
        for (int i = 1; i <= 100; i++) {
            measure(todos, "add", "Todo number " + i);
        }
        Sample toggles = steady(todos, "toggle", 50);
        check(todos, html -> html.contains("Todo number 100") && html.contains("100 left"),
                "the todo list shows 100 items, none done after an even number of toggles");
        results.bytes.add(new WireResults.Bytes("(b) toggle 1 of 100 todos", toggles.down(), toggles.up(), ""));

        WireSocket chat = clients.browsers(port, "/chat", 1).get(0);
        measure(chat, "enter", "bench");
        for (int i = 1; i <= CHAT_ROOM; i++) {
            measure(chat, "send", "Message number " + i + " of the benchmark");
        }
        Sample messages = steady(chat, "send", "One more message of the benchmark");
        check(chat, html -> html.contains("One more message") && !html.contains("Message number 1 of"),
                "the chat shows the newest message and dropped the oldest");
        results.bytes.add(new WireResults.Bytes("(c) 1 more chat message", messages.down(), messages.up(),
                "a room of " + CHAT_ROOM + " messages (demo.chat.kept)"));

        WireSocket table = clients.browsers(port, "/big-table", 1).get(0);
        measure(table, "bump", 500);
        Sample bumps = steady(table, "bump", 500);
        // The button's attributes after its call (the form a page without JavaScript posts) may vary
        Pattern bumped = Pattern.compile("bump\\(500\\)\"[^>]*>" + (UPDATES + 1) + "</button>");
        check(table, html -> bumped.matcher(html).find(), "the table shows every bump");
        results.bytes.add(new WireResults.Bytes("(d) 1 cell of a 1,000-row table", bumps.down(), bumps.up(), ""));
        WireClients.closeAll(List.of(counter, todos, chat, table));
    }

    /** The means of {@value #UPDATES} updates. */
    private static Sample steady(WireSocket socket, String handler, Object... args) throws Exception {
        long down = 0;
        long up = 0;
        for (int i = 0; i < UPDATES; i++) {
            Sample one = measure(socket, handler, args);
            down += one.down;
            up += one.up;
        }
        return new Sample((double) down / UPDATES, (double) up / UPDATES);
    }

    /** One event and its answer: the bytes each way, counted from the sending until the answer came. */
    private static Sample measure(WireSocket socket, String handler, Object... args) throws Exception {
        long up = socket.bytesUp.get();
        long down = socket.bytesDown.get();
        String answer = socket.call(handler, args).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        if (answer.startsWith("{\"t\":\"error\"")) {
            throw new AssertionError(handler + " was answered " + answer);
        }
        return new Sample(socket.bytesDown.get() - down, socket.bytesUp.get() - up);
    }

    private static void check(WireSocket socket, Predicate<String> html, String what) {
        if (socket.html == null || !html.test(socket.html)) {
            throw new AssertionError("expected " + what + "; the browser's copy: " + socket.html);
        }
    }

    private record Sample(double down, double up) {
    }

    @FunctionalInterface
    private interface Opener {
        List<WireSocket> open(int count) throws Exception;
    }
}
