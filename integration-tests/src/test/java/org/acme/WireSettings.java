package org.acme;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** What a run of {@link WireBenchmarkIT} measures, from system properties (see its javadoc). */
record WireSettings(Set<String> parts, List<Integer> levels, List<String> targets, Duration warmUp, Duration measured,
        Duration saturation, int saturationConnections, int window) {

    static final String PARTS = "bytes,latency,saturation,heap";
    static final String TARGETS = "floor,edits,html";

    static WireSettings fromSystemProperties() {
        return new WireSettings(names(System.getProperty("bench.parts", PARTS)),
                Arrays.stream(System.getProperty("bench.levels", "100,1000,10000").split(","))
                        .map(String::strip).filter(level -> !level.isEmpty()).map(Integer::valueOf).sorted().toList(),
                List.copyOf(new java.util.LinkedHashSet<>(Arrays.stream(System.getProperty("bench.targets", TARGETS)
                        .split(",")).map(String::strip).filter(name -> !name.isEmpty()).toList())),
                Duration.ofSeconds(Long.getLong("bench.warmup", 5)),
                Duration.ofSeconds(Long.getLong("bench.seconds", 20)),
                Duration.ofSeconds(Long.getLong("bench.saturation-seconds", 10)),
                Integer.getInteger("bench.saturation-connections", 100),
                Integer.getInteger("bench.window", 1));
    }

    private static Set<String> names(String list) {
        return Arrays.stream(list.split(",")).map(String::strip).filter(name -> !name.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }

    boolean has(String part) {
        return parts.contains(part);
    }

    /** Connections are opened for latency, saturation (the first level) and heap (the last level). */
    boolean opensConnections() {
        return !levels.isEmpty() && (has("latency") || has("saturation") || has("heap"));
    }

    int largest() {
        return levels.get(levels.size() - 1);
    }
}
