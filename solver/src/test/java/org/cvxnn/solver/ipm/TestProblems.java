package org.cvxnn.solver.ipm;

import org.cvxnn.solver.arrangement.PatternSet;
import org.cvxnn.solver.data.Dataset;

import org.cvxnn.linalg.MaskBits;
import org.cvxnn.linalg.Matrix;

import java.lang.foreign.Arena;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/** Seeded random problems for solver tests; patterns sampled here independently of the library's sampler. */
final class TestProblems {
    private TestProblems() { }

    /** Gaussian features, targets from a planted ReLU network plus noise. */
    static Dataset planted(int n, int d, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] x = new double[n * d];
        for (int i = 0; i < x.length; i++) x[i] = gaussian(rng);
        double[] y = new double[n];
        for (int h = 0; h < 3; h++) {
            double[] g = new double[d];
            for (int k = 0; k < d; k++) g[k] = gaussian(rng);
            double a = gaussian(rng);
            for (int i = 0; i < n; i++) {
                double z = 0;
                for (int k = 0; k < d; k++) z += x[i + k * n] * g[k];
                y[i] += Math.max(z, 0) * a;
            }
        }
        for (int i = 0; i < n; i++) y[i] += 0.1 * gaussian(rng);
        return new Dataset(n, d, x, y);
    }

    /** Up to {@code count} distinct nonzero patterns from Gaussian gates, each kept with its gate. */
    static PatternSet sample(Dataset data, int count, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        int n = data.n(), d = data.d(), w = PatternSet.wordsFor(n);
        Map<String, double[]> seen = new LinkedHashMap<>();
        Map<String, long[]> bits = new LinkedHashMap<>();
        for (int t = 0; t < count; t++) {
            double[] g = new double[d];
            for (int k = 0; k < d; k++) g[k] = gaussian(rng);
            long[] p = new long[w];
            boolean any = false;
            for (int i = 0; i < n; i++) {
                double z = 0;
                for (int k = 0; k < d; k++) z += data.get(i, k) * g[k];
                if (z >= 0) {
                    p[i >>> 6] |= 1L << (i & 63);
                    any = true;
                }
            }
            String key = Arrays.toString(p);
            if (any && !seen.containsKey(key)) {
                seen.put(key, g);
                bits.put(key, p);
            }
        }
        long[] words = new long[seen.size() * w];
        double[] gates = new double[seen.size() * d];
        int i = 0;
        for (String key : seen.keySet()) {
            System.arraycopy(bits.get(key), 0, words, i * w, w);
            System.arraycopy(seen.get(key), 0, gates, i * d, d);
            i++;
        }
        return new PatternSet(n, d, words, gates);
    }

    /** The two-layer operator of {@code patterns} on {@code data}, with or without the orthant rows. */
    static TwoLayerOperator twoLayerOperator(Arena arena, Dataset data, PatternSet patterns, boolean constrained) {
        int n = data.n(), d = data.d(), p = patterns.size();
        long[] words = new long[p * patterns.wordsPerPattern()];
        patterns.copyWordsTo(words);
        Matrix gates = Matrix.allocate(arena, d, p);
        for (int i = 0; i < p; i++) gates.column(i).copyFrom(patterns.gate(i));
        return new TwoLayerOperator(arena, Matrix.of(arena, n, d, data.x()), MaskBits.of(arena, n, words), gates, constrained);
    }

    static double gaussian(SplittableRandom rng) {
        double u = rng.nextDouble(), v = rng.nextDouble();
        return Math.sqrt(-2 * Math.log(1 - u)) * Math.cos(2 * Math.PI * v);
    }
}
