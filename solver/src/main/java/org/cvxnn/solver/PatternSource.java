package org.cvxnn.solver;

import org.cvxnn.solver.arrangement.EnumerationSettings;
import org.cvxnn.solver.arrangement.ExactEnumerator;
import org.cvxnn.solver.arrangement.PatternSampler;
import org.cvxnn.solver.arrangement.PatternSet;
import org.cvxnn.solver.data.Dataset;

/**
 * Where the activation patterns {@code D_i} of a convex program come from (formulations §6).
 * With {@link #exact()} the convex optimum is the global optimum of the non-convex problem; with
 * sampled or given patterns it is the optimum over networks whose neurons use those patterns.
 */
public sealed interface PatternSource {

    /** The patterns of {@code design} (the data as the network sees them, bias column included). */
    PatternSet patternsOf(Dataset design);

    /** Whether every pattern of the data is included (the result is then a global optimum). */
    boolean complete();

    /** Patterns of {@code gates} Gaussian gates drawn from {@code seed}; duplicates and zero features dropped. */
    static PatternSource sampled(int gates, long seed) {
        return new Sampled(gates, seed);
    }

    /** Patterns of the given gates (each of the design's width). */
    static PatternSource gates(double[][] gates) {
        return new Given(gates);
    }

    /** All patterns, by exact enumeration with default settings. */
    static PatternSource exact() {
        return new Exact(EnumerationSettings.defaults());
    }

    /** All patterns, by exact enumeration with {@code settings}. */
    static PatternSource exact(EnumerationSettings settings) {
        return new Exact(settings);
    }

    /** @param gates number of Gaussian gates, ≥ 1 @param seed random seed */
    record Sampled(int gates, long seed) implements PatternSource {
        public Sampled {
            if (gates < 1) throw new IllegalArgumentException("the number of sampled gates must be >= 1, got " + gates);
        }

        @Override
        public PatternSet patternsOf(Dataset design) {
            return PatternSampler.sample(design, gates, seed).patterns();
        }

        @Override
        public boolean complete() {
            return false;
        }
    }

    /** @param gates the gates, one row each */
    record Given(double[][] gates) implements PatternSource {
        public Given {
            gates = gates.clone();
        }

        @Override
        public PatternSet patternsOf(Dataset design) {
            return PatternSampler.fromGates(design, gates);
        }

        @Override
        public boolean complete() {
            return false;
        }
    }

    /** @param settings enumeration settings (limit, tolerance, method) */
    record Exact(EnumerationSettings settings) implements PatternSource {
        @Override
        public PatternSet patternsOf(Dataset design) {
            return new ExactEnumerator(settings).enumerate(design);
        }

        @Override
        public boolean complete() {
            return true;
        }
    }
}
