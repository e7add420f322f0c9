package org.cvxnn.solver.combo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.cvxnn.solver.arrangement.ExactEnumerator;
import org.cvxnn.solver.arrangement.PatternSet;
import org.cvxnn.solver.data.Dataset;
import org.cvxnn.solver.lp.MarginLp;

/**
 * Independent reference for the combo tests: a canonical combo of a point {@code (W1, w2)} on tiny
 * data, packed into one {@code long} (n ≤ 12, m1 ≤ 3), written from formulations §3.4/§3.7 without
 * the code under test, plus data generators and brute-force combo collections.
 */
final class Combos {
    private Combos() {}

    /** n Gaussian samples of d features. */
    static Dataset gaussian(int n, int d, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[][] rows = new double[n][d];
        for (double[] row : rows) for (int j = 0; j < d; j++) row[j] = rnd.nextGaussian();
        return Dataset.ofRows(rows, new double[n]);
    }

    /**
     * The canonical key of the point, or −1 if it has a dead neuron (D_1j X = 0) or a zero feature
     * (D_2 D_1j X = 0 for all j). Layout: the neurons, each {@code (negative << n) | mask} in n+1
     * bits, sorted ascending (positive first, then by mask), then D_2 in the low n bits.
     */
    static long key(Dataset data, double[] w1, double[] w2) {
        int n = data.n(), d = data.d(), m1 = w2.length;
        assertTrue(n <= 12 && m1 <= 3, "reference keys need n <= 12, m1 <= 3");
        long[] neurons = new long[m1];
        double[] z = new double[n];
        boolean[] positiveActive = new boolean[n];
        for (int j = 0; j < m1; j++) {
            long mask = 0;
            boolean live = false;
            for (int i = 0; i < n; i++) {
                double a = 0;
                boolean zeroRow = true;
                for (int k = 0; k < d; k++) {
                    a += data.get(i, k) * w1[j * d + k];
                    zeroRow &= data.get(i, k) == 0;
                }
                if (a < 0) continue;
                mask |= 1L << i;
                live |= !zeroRow;
                z[i] += w2[j] * a;
                positiveActive[i] |= w2[j] >= 0;
            }
            if (!live) return -1;
            neurons[j] = (w2[j] >= 0 ? 0 : 1L << n) | mask;
        }
        long second = 0;
        for (int i = 0; i < n; i++) {
            boolean zeroRow = true;
            for (int k = 0; k < d; k++) zeroRow &= data.get(i, k) == 0;
            if (!zeroRow && positiveActive[i] && z[i] >= 0) second |= 1L << i;
        }
        if (second == 0) return -1;
        Arrays.sort(neurons);
        long key = 0;
        for (long v : neurons) key = (key << (n + 1)) | v;
        return (key << n) | second;
    }

    /** The key of combo c of the set, from its public accessors, in the layout of {@link #key}. */
    static long key(ComboSet set, int c) {
        int n = set.n();
        long key = 0;
        for (int j = 0; j < set.m1(); j++) {
            long v = set.sign(c, j) < 0 ? 1L << n : 0;
            for (int i = 0; i < n; i++) if (set.firstActive(c, j, i)) v |= 1L << i;
            key = (key << (n + 1)) | v;
        }
        long second = 0;
        for (int i = 0; i < n; i++) if (set.secondActive(c, i)) second |= 1L << i;
        return (key << n) | second;
    }

    /** The keys of all combos, in order; fails if two are equal. */
    static Set<Long> keys(ComboSet set) {
        Set<Long> out = new LinkedHashSet<>();
        for (int c = 0; c < set.size(); c++) assertTrue(out.add(key(set, c)), "combo " + c + " is a duplicate");
        return out;
    }

    /** Equal key sets; on failure the message gives the sizes and a few keys on each side only. */
    static void assertSameCombos(Set<Long> expected, Set<Long> actual, String what) {
        Set<Long> missing = new LinkedHashSet<>(expected), extra = new LinkedHashSet<>(actual);
        missing.removeAll(actual);
        extra.removeAll(expected);
        assertTrue(missing.isEmpty() && extra.isEmpty(), what + ": expected " + expected.size() + " combos, got " + actual.size()
                + "; missing " + missing.size() + " " + missing.stream().limit(5).toList()
                + ", extra " + extra.size() + " " + extra.stream().limit(5).toList());
    }

    /** Every combo's stored generating point reproduces it exactly (masks, signs, canonical D_2). */
    static void assertPointsGenerate(Dataset data, ComboSet set) {
        assertEquals(data.n(), set.n());
        assertEquals(data.d(), set.d());
        for (int c = 0; c < set.size(); c++) {
            long expected = key(set, c);
            assertEquals(expected, key(data, set.firstLayerWeights(c), set.secondLayerWeights(c)),
                    "generating point of combo " + c + " gives another combo");
        }
    }

    /** Keys of {@code count} Gaussian points (W1, w2) of one seeded stream. */
    static Set<Long> sampledKeys(Dataset data, int m1, int count, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] w1 = new double[data.d() * m1];
        double[] w2 = new double[m1];
        Set<Long> out = new LinkedHashSet<>();
        for (int t = 0; t < count; t++) {
            for (int k = 0; k < w1.length; k++) w1[k] = rnd.nextGaussian();
            for (int j = 0; j < m1; j++) w2[j] = rnd.nextGaussian();
            long key = key(data, w1, w2);
            if (key >= 0) out.add(key);
        }
        return out;
    }

    /**
     * Brute force for two-column data (rank 2) and m1 = 2: first-layer directions on a grid of
     * {@code perArc} angles inside every arc between consecutive critical angles
     * {@code φ_i ± π/2}, all four sign pairs, and for each pair of directions every ordering of the
     * critical ratios {@code |w_22| / |w_21|} at which a mixed row changes sign (exact in the ratio).
     */
    static Set<Long> angularGridKeys(Dataset data, int perArc) {
        assertEquals(2, data.d());
        int n = data.n();
        double[] critical = new double[2 * n];
        for (int i = 0; i < n; i++) {
            double phi = Math.atan2(data.get(i, 1), data.get(i, 0));
            critical[2 * i] = normalise(phi + Math.PI / 2);
            critical[2 * i + 1] = normalise(phi - Math.PI / 2);
        }
        Arrays.sort(critical);
        double[] angles = new double[2 * n * perArc];
        for (int a = 0; a < 2 * n; a++) {
            double lo = critical[a], hi = a + 1 < 2 * n ? critical[a + 1] : critical[0] + 2 * Math.PI;
            for (int s = 0; s < perArc; s++) angles[a * perArc + s] = lo + (hi - lo) * (s + 0.5) / perArc;
        }
        Set<Long> out = new LinkedHashSet<>();
        double[] w1 = new double[4];
        for (double t1 : angles) {
            for (double t2 : angles) {
                w1[0] = Math.cos(t1);
                w1[1] = Math.sin(t1);
                w1[2] = Math.cos(t2);
                w1[3] = Math.sin(t2);
                addRatioSweep(data, w1, out);
            }
        }
        return out;
    }

    /**
     * The m1 = 2 recipe of formulations §3.7, written independently of the enumerator: every
     * unordered (+,+) pair of first-layer patterns with D_2 = union; for every ordered (+,−) pair
     * (a, b) the candidate restrictions to U = S_a ∩ S_b of the patterns and of their complements
     * (the negated cells), each kept iff a max-margin LP finds (u1, u2) strictly inside cell a ×
     * cell b with those strict signs of x_iᵀ(u1 − u2) on U.
     */
    static Set<Long> candidateKeys(Dataset data) {
        int n = data.n(), d = data.d();
        PatternSet cells = new ExactEnumerator().enumerate(data);
        int p = cells.size();
        long[] masks = new long[p];
        for (int c = 0; c < p; c++) masks[c] = cells.patternWords(c)[0];
        long nonzero = 0;
        for (int i = 0; i < n; i++) for (int k = 0; k < d; k++) if (data.get(i, k) != 0) nonzero |= 1L << i;
        Set<Long> out = new LinkedHashSet<>();
        for (int a = 0; a < p; a++) {
            for (int b = 0; b < p; b++) {
                long lo = Math.min(masks[a], masks[b]), hi = Math.max(masks[a], masks[b]);
                out.add(((lo << (n + 1) | hi) << n) | ((masks[a] | masks[b]) & nonzero));
                long u = masks[a] & masks[b] & nonzero;
                Set<Long> candidates = new LinkedHashSet<>();
                for (long m : masks) {
                    candidates.add(m & u);
                    candidates.add(~m & u);
                }
                for (long restriction : candidates) {
                    long second = (masks[a] & ~masks[b] & nonzero) | restriction;
                    if (second != 0 && strictlyFeasible(data, masks[a], masks[b], u, restriction))
                        out.add(((masks[a] << (n + 1) | (1L << n) | masks[b]) << n) | second);
                }
            }
        }
        return out;
    }

    private static boolean strictlyFeasible(Dataset data, long a, long b, long u, long restriction) {
        int n = data.n(), d = data.d();
        java.util.List<double[]> rows = new java.util.ArrayList<>();
        for (int i = 0; i < n; i++) {
            double[] x = data.row(i);
            double len = Math.sqrt(Arrays.stream(x).map(v -> v * v).sum());
            if (len == 0) continue;
            double[] ra = new double[2 * d], rb = new double[2 * d], rz = new double[2 * d];
            for (int k = 0; k < d; k++) {
                ra[k] = ((a >>> i & 1) != 0 ? 1 : -1) * x[k] / len;
                rb[d + k] = ((b >>> i & 1) != 0 ? 1 : -1) * x[k] / len;
                double s = (restriction >>> i & 1) != 0 ? 1 : -1;
                rz[k] = s * x[k] / len;
                rz[d + k] = -s * x[k] / len;
            }
            rows.add(ra);
            rows.add(rb);
            if ((u >>> i & 1) != 0) rows.add(rz);
        }
        int m = rows.size();
        double[] colMajor = new double[m * 2 * d];
        for (int r = 0; r < m; r++) for (int k = 0; k < 2 * d; k++) colMajor[r + k * m] = rows.get(r)[k];
        double[] h = MarginLp.maxMarginDirection(colMajor, m, 2 * d);
        double margin = Double.POSITIVE_INFINITY;
        for (double[] row : rows) {
            double v = 0;
            for (int k = 0; k < 2 * d; k++) v += row[k] * h[k];
            margin = Math.min(margin, v);
        }
        return margin > 1e-9;
    }

    private static void addRatioSweep(Dataset data, double[] w1, Set<Long> out) {
        int n = data.n(), d = data.d();
        double[] ratios = new double[n];
        int count = 0;
        for (int i = 0; i < n; i++) {
            double c1 = 0, c2 = 0;
            for (int k = 0; k < d; k++) {
                c1 += data.get(i, k) * w1[k];
                c2 += data.get(i, k) * w1[d + k];
            }
            if (c1 > 0 && c2 > 0) ratios[count++] = c1 / c2;
        }
        Arrays.sort(ratios, 0, count);
        for (int k = 0; k <= count; k++) {
            double lo = k == 0 ? (count == 0 ? 1 : ratios[0] / 2) : ratios[k - 1];
            double hi = k == count ? (count == 0 ? 1 : ratios[count - 1] * 2) : ratios[k];
            double r = Math.sqrt(lo * hi);
            for (int s1 = -1; s1 <= 1; s1 += 2) {
                for (int s2 = -1; s2 <= 1; s2 += 2) {
                    long key = key(data, w1, new double[] {s1, s2 * r});
                    if (key >= 0) out.add(key);
                }
            }
        }
    }

    private static double normalise(double angle) {
        double a = angle % (2 * Math.PI);
        return a < 0 ? a + 2 * Math.PI : a;
    }

    /** Cover's count {@code 2 Σ_{k<r} C(n−1, k)}, written out for small sizes. */
    static long cover(int n, int r) {
        long sum = 0, binomial = 1;
        for (int k = 0; k < r && k <= n - 1; k++) {
            sum += binomial;
            binomial = binomial * (n - 1 - k) / (k + 1);
        }
        return 2 * sum;
    }
}
