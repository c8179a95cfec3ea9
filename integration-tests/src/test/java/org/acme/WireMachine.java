package org.acme;

import java.lang.management.ManagementFactory;

/** The conditions of a run, printed with {@link WireBenchmarkIT}'s table: its numbers mean little without them. */
record WireMachine(int cores, String jdk, String os, long memory, long clientMaxHeap, double loadBefore,
        double loadAfter) {

    static WireMachine now() {
        return new WireMachine(Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"),
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                        + System.getProperty("os.arch"),
                totalMemory(), Runtime.getRuntime().maxMemory(), load(), Double.NaN);
    }

    WireMachine withLoadAfter() {
        return new WireMachine(cores, jdk, os, memory, clientMaxHeap, loadBefore, load());
    }

    private static double load() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static long totalMemory() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getTotalMemorySize()
                : -1;
    }

    String describe() {
        return String.format("Machine: %d cores, %.1f GB, %s; %s. Load average (1 min) %.2f before, %.2f after.%n"
                + "Nodes (demo, floor): %s; clients: this JVM (max heap %d MB), one Vert.x, 127.0.0.1.",
                cores, memory / 1e9, os, jdk, loadBefore, loadAfter, String.join(" ", WireBenchmarkIT.HEAP),
                clientMaxHeap >> 20);
    }
}
