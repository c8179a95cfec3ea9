package org.acme;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/** {@link WireBenchmarkIT}'s table: Option A beside Option B, each figure also as a ratio to the floor's. */
final class WireReport {

    private static final String ROW = "%-46s %14s %20s %20s   %s%n";
    private static final double[] QUANTILES = { 0.5, 0.99, 0.999 };
    private static final String[] PERCENTILES = { "p50", "p99", "p99.9" };

    private final WireSettings settings;
    private final WireMachine machine;
    private final Map<WireTarget, WireResults> results;

    WireReport(WireSettings settings, WireMachine machine, Map<WireTarget, WireResults> results) {
        this.settings = settings;
        this.machine = machine;
        this.results = results;
    }

    String table() {
        StringBuilder out = new StringBuilder();
        out.append("Wire efficiency and latency: Option A (the whole HTML, quarkus.live.diff=html), Option B (edits,"
                + " the default) and the floor (a bare Vert.x WebSocket server, fixed 13-byte answers)\n");
        out.append(machine.describe()).append('\n');
        bytes(out);
        loads(out);
        return out.toString();
    }

    private void bytes(StringBuilder out) {
        WireResults a = results.get(WireTarget.HTML);
        WireResults b = results.get(WireTarget.EDITS);
        if (!settings.has("bytes") || a == null && b == null) {
            return;
        }
        out.append("\nBytes per update: WebSocket payload, UTF-8, mean of 10 updates after the first change after"
                + " the join\n");
        out.append(String.format("%-34s %10s %10s %10s %7s   %s%n", "update", "A down", "B down", "up", "B/A", "note"));
        int rows = (a != null ? a : b).bytes.size();
        for (int i = 0; i < rows; i++) {
            WireResults.Bytes ofA = a == null ? null : a.bytes.get(i);
            WireResults.Bytes ofB = b == null ? null : b.bytes.get(i);
            WireResults.Bytes any = ofA != null ? ofA : ofB;
            out.append(String.format("%-34s %10s %10s %10s %7s   %s%n", any.update(),
                    ofA == null ? "-" : bytes(ofA.down()), ofB == null ? "-" : bytes(ofB.down()), bytes(any.up()),
                    ofA == null || ofB == null ? "-" : String.format("%.3f", ofB.down() / ofA.down()), any.note()));
        }
        out.append("Goal: a counter click at most 24 bytes down and 32 up. Protocol version 2: [ref, c, seq, handler,"
                + " args] up, [ref, html or edits] down.\n");
    }

    private void loads(StringBuilder out) {
        if (!settings.opensConnections()) {
            return;
        }
        out.append(String.format("%n" + ROW, "round trip / capacity", WireTarget.FLOOR.title, WireTarget.EDITS.title,
                WireTarget.HTML.title, "goal"));
        if (settings.has("latency")) {
            for (int level : settings.levels()) {
                for (int q = 0; q < QUANTILES.length; q++) {
                    double quantile = QUANTILES[q];
                    out.append(String.format(ROW, String.format("%s at %,d connections, ms", PERCENTILES[q], level),
                            figure(WireTarget.FLOOR, level, quantile), figure(WireTarget.EDITS, level, quantile),
                            figure(WireTarget.HTML, level, quantile), latencyGoal(level, quantile)));
                }
            }
        }
        if (settings.has("saturation")) {
            int connections = results.values().stream().mapToInt(r -> r.saturationConnections).max().orElse(0);
            out.append(String.format(ROW, String.format("events/s at saturation, %d conn., %d in flight", connections,
                    settings.window()), scalar(WireTarget.FLOOR, r -> r.eventsPerSecond, "%,.0f"),
                    scalar(WireTarget.EDITS, r -> r.eventsPerSecond, "%,.0f"),
                    scalar(WireTarget.HTML, r -> r.eventsPerSecond, "%,.0f"), ">= 0.55x the floor"));
        }
        if (settings.has("heap")) {
            int connections = results.values().stream().mapToInt(r -> r.heapConnections).max().orElse(0);
            out.append(String.format(ROW, String.format("heap per idle connection at %,d, bytes", connections),
                    scalar(WireTarget.FLOOR, r -> r.heapPerConnection < 0 ? Double.NaN : r.heapPerConnection, "%,.0f"),
                    scalar(WireTarget.EDITS, r -> r.heapPerConnection < 0 ? Double.NaN : r.heapPerConnection,
                            "%,.0f"),
                    scalar(WireTarget.HTML, r -> r.heapPerConnection < 0 ? Double.NaN : r.heapPerConnection, "%,.0f"),
                    "<= 8 KB per idle counter"));
        }
        out.append("(x): the ratio to the floor's figure in the same run. Demo nodes: max-events-per-second raised to"
                + " 1,000,000 (default 100), max-connections and max-connections-per-address to 20,000.\n");
        notes(out);
    }

    /** Timed events, errors and what could not be measured, per target. */
    private void notes(StringBuilder out) {
        for (Map.Entry<WireTarget, WireResults> entry : results.entrySet()) {
            WireResults r = entry.getValue();
            List<String> notes = new ArrayList<>();
            r.latency.forEach((level, paced) -> notes.add(String.format("%,d conn.: %,d timed of %,d sent%s%s", level,
                    paced.percentiles().count(), paced.sent(),
                    paced.errors() > 0 ? ", " + paced.errors() + " errors" : "",
                    paced.unanswered() > 0 ? ", " + paced.unanswered() + " unanswered" : "")));
            r.failures.forEach((level, failure) -> notes.add(String.format("%,d conn.: not measured, %s", level,
                    failure)));
            if (r.saturationRoundTrips != null) {
                notes.add(String.format("at saturation p50 %.2f ms, p99 %.2f ms", r.saturationRoundTrips.ms(0.5),
                        r.saturationRoundTrips.ms(0.99)));
            }
            if (r.heapBaseline >= 0) {
                notes.add(String.format("heap with no connection %,d MB", r.heapBaseline >> 20));
            }
            if (r.reopened > 0) {
                notes.add(r.reopened + " sockets not ready within 15 s, opened again");
            }
            out.append(String.format("%s: %s%n", entry.getKey().title, String.join("; ", notes)));
        }
    }

    private String figure(WireTarget target, int level, double quantile) {
        WireResults r = results.get(target);
        WireResults floor = results.get(WireTarget.FLOOR);
        if (r == null || !r.latency.containsKey(level)) {
            return "-";
        }
        double ms = r.latency.get(level).percentiles().ms(quantile);
        if (target == WireTarget.FLOOR || floor == null || !floor.latency.containsKey(level)) {
            return String.format("%.2f", ms);
        }
        return String.format("%.2f (%.1fx)", ms, ms / floor.latency.get(level).percentiles().ms(quantile));
    }

    private String scalar(WireTarget target, ToDoubleFunction<WireResults> value, String format) {
        WireResults r = results.get(target);
        WireResults floor = results.get(WireTarget.FLOOR);
        if (r == null || Double.isNaN(value.applyAsDouble(r))) {
            return "-";
        }
        double figure = value.applyAsDouble(r);
        String text = String.format(format, figure);
        if (target == WireTarget.FLOOR || floor == null || Double.isNaN(value.applyAsDouble(floor))) {
            return text;
        }
        return String.format("%s (%.2fx)", text, figure / value.applyAsDouble(floor));
    }

    private static String latencyGoal(int level, double quantile) {
        if (quantile != 0.99) {
            return "";
        }
        return level == 1_000 ? "<= 2 ms" : level == 10_000 ? "<= 10 ms" : "";
    }

    private static String bytes(double value) {
        return value == Math.rint(value) ? String.format("%,.0f", value) : String.format("%,.1f", value);
    }
}
