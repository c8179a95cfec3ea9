package org.acme;

import java.util.List;

/** What {@link WireBenchmarkIT} measures against: the floor, or the demo with one of the two ways to send changes. */
enum WireTarget {

    FLOOR("floor", "floor", List.of()),
    EDITS("edits", "B (edits)", List.of()),
    HTML("html", "A (html)", List.of("-Dquarkus.live.diff=html"));

    /** Its name in {@code -Dbench.targets}. */
    final String key;
    final String title;
    /** What the demo's node is started with on top of the common arguments. */
    final List<String> jvmArguments;

    WireTarget(String key, String title, List<String> jvmArguments) {
        this.key = key;
        this.title = title;
        this.jvmArguments = jvmArguments;
    }

    static WireTarget of(String key) {
        for (WireTarget target : values()) {
            if (target.key.equals(key)) {
                return target;
            }
        }
        throw new IllegalArgumentException("no target " + key + " (bench.targets takes floor, edits, html)");
    }

    boolean live() {
        return this != FLOOR;
    }
}
