package org.acme;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** What {@link WireBenchmarkIT} measured against one {@link WireTarget}; a part not measured stays empty. */
final class WireResults {

    /** Bytes of one update in the steady state, means over the measured updates. */
    record Bytes(String update, double down, double up, String note) {
    }

    final List<Bytes> bytes = new ArrayList<>();
    /** Per number of connections, the paced run's round trips. */
    final Map<Integer, WireLoads.Paced> latency = new TreeMap<>();
    /** Per number of connections, why it could not be measured. */
    final Map<Integer, String> failures = new TreeMap<>();
    double eventsPerSecond = Double.NaN;
    /** The round trips at saturation. */
    Latencies.Percentiles saturationRoundTrips;
    int saturationConnections;
    /** Heap per idle connection, in bytes, at {@link #heapConnections}; negative when not measured. */
    long heapPerConnection = -1;
    int heapConnections;
    long heapBaseline = -1;
    int reopened;
}
