package org.cvxnn.solver.ipm;

import java.util.LinkedHashMap;
import java.util.Map;

/** Accumulates wall time per named phase of a solve (one phase open at a time). */
final class PhaseTimer {
    private final Map<String, Long> nanos = new LinkedHashMap<>();
    private String open;
    private long since;

    void start(String phase) {
        open = phase;
        since = System.nanoTime();
    }

    void stop() {
        nanos.merge(open, System.nanoTime() - since, Long::sum);
        open = null;
    }

    /** Seconds per phase, in first-use order. */
    Map<String, Double> seconds() {
        Map<String, Double> out = new LinkedHashMap<>();
        nanos.forEach((k, v) -> out.put(k, v * 1e-9));
        return out;
    }
}
