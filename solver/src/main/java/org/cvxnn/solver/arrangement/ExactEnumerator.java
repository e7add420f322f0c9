package org.cvxnn.solver.arrangement;

import java.math.BigInteger;
import java.util.List;
import java.util.Objects;
import org.cvxnn.solver.data.Dataset;

/**
 * All activation patterns of a data matrix: one per full-dimensional cell of the arrangement
 * {@code {x_iᵀg = 0}} (formulations §0, §6.2), each with a gate that generates it strictly
 * ({@code x_iᵀg ≠ 0} on every nonzero row; zero rows are active in every pattern). Zero features
 * ({@code D X = 0}) are dropped, as in {@link PatternSampler}.
 *
 * <p>Steps: reduce X to its numerical rank r ({@link RankReduction}); normalise the nonzero rows;
 * refuse if Cover's count exceeds {@link EnumerationSettings#maxPatterns()}; enumerate the cells in
 * R^r ({@link EnumerationSettings.Method}); map each witness h to the unit gate {@code g = V_r h}
 * and read its pattern {@code 1[X g ≥ 0]} from the original data. Deterministic. With the default
 * method, n = 200 rows of rank 3 (39 802 cells) take about 0.1 s.
 *
 * <p>Counts: for n rows in general position (every r of them independent) there are
 * {@link #coverCount(int, int) coverCount(n, r)} cells; one fewer pattern is returned when the
 * all-zero cell exists (always with a bias column, and without one whenever the rows lie in an
 * open half-space).
 */
public final class ExactEnumerator {
    private final EnumerationSettings settings;

    /** An enumerator with {@link EnumerationSettings#defaults()}. */
    public ExactEnumerator() {
        this(EnumerationSettings.defaults());
    }

    public ExactEnumerator(EnumerationSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /**
     * All patterns of {@code data.x()} with their gates.
     *
     * @throws IllegalArgumentException if Cover's count exceeds the limit (the message gives it and
     *     suggests sampling), or if X is zero (no pattern is left)
     */
    public PatternSet enumerate(Dataset data) {
        int n = data.n(), d = data.d();
        RankReduction.Reduced reduced = RankReduction.of(data);
        int r = reduced.rank();
        double[] z = reduced.rows();
        int[] nonzero = new int[n];
        int m = 0;
        for (int i = 0; i < n; i++) {
            if (norm(z, i * r, r) > 0) nonzero[m++] = i;
        }
        if (m == 0)
            throw new IllegalArgumentException("no activation pattern left: X is zero, so every pattern is a zero feature (D X = 0)");
        checkLimit(n, m, r);
        double[] unit = new double[m * r];
        for (int t = 0; t < m; t++) {
            int i = nonzero[t];
            double len = norm(z, i * r, r);
            for (int l = 0; l < r; l++) unit[t * r + l] = z[i * r + l] / len;
        }
        List<double[]> cells = settings.method() == EnumerationSettings.Method.INCREMENTAL
                ? IncrementalCells.cells(unit, m, r, settings.tolerance())
                : CentralArrangement.cells(unit, m, r, settings.tolerance());
        double[] gates = new double[cells.size() * d];
        double[] basis = reduced.basis();
        for (int c = 0; c < cells.size(); c++) {
            double[] h = cells.get(c);
            for (int l = 0; l < r; l++) {
                for (int j = 0; j < d; j++) gates[c * d + j] += basis[j + l * d] * h[l];
            }
            double len = norm(gates, c * d, d);
            for (int j = 0; j < d; j++) gates[c * d + j] /= len;
        }
        PatternCollector collector = GateBlocks.collect(data, cells.size(),
                (dst, first, count) -> System.arraycopy(gates, first * d, dst, 0, count * d));
        return collector.toPatternSet(cells.size() + " cell gates");
    }

    private void checkLimit(int n, int m, int r) {
        long bound = coverCount(m, r);
        String size = "X has rank r = " + r + " and " + m + " nonzero rows, so it can have up to " + bound
                + " patterns (Cover's count 2·Σ_{k<r} C(n−1, k))";
        if (bound > settings.maxPatterns())
            throw new IllegalArgumentException("exact enumeration refused: " + size + ", more than maxPatterns = "
                    + settings.maxPatterns() + "; sample patterns instead (PatternSampler.sample) or raise the limit");
        if (bound > (Integer.MAX_VALUE - 8) / PatternSet.wordsFor(n))
            throw new IllegalArgumentException("exact enumeration refused: " + size
                    + ", too many to store for n = " + n + "; sample patterns instead (PatternSampler.sample)");
    }

    /**
     * Cover's count {@code 2 Σ_{k<r} C(n−1, k)}: the number of cells of n central hyperplanes in
     * general position in R^r (an upper bound for any n hyperplanes), saturated at
     * {@link Long#MAX_VALUE}. It is {@code 2^n} for {@code r ≥ n} and 0 for {@code r = 0}.
     *
     * @throws IllegalArgumentException if {@code n < 1} or {@code r < 0}
     */
    public static long coverCount(int n, int r) {
        if (n < 1) throw new IllegalArgumentException("coverCount needs n >= 1, got " + n);
        if (r < 0) throw new IllegalArgumentException("coverCount needs r >= 0, got " + r);
        BigInteger sum = BigInteger.ZERO;
        BigInteger binomial = BigInteger.ONE; // C(n-1, k)
        for (int k = 0; k < r && k <= n - 1; k++) {
            sum = sum.add(binomial);
            if (sum.bitLength() > 62) return Long.MAX_VALUE;
            binomial = binomial.multiply(BigInteger.valueOf(n - 1 - k)).divide(BigInteger.valueOf(k + 1));
        }
        return sum.shiftLeft(1).longValue();
    }

    private static double norm(double[] v, int off, int len) {
        double s = 0;
        for (int l = 0; l < len; l++) s += v[off + l] * v[off + l];
        return Math.sqrt(s);
    }
}
