package org.cvxnn.solver.certificate;

import java.util.Arrays;
import java.util.Objects;

import org.cvxnn.solver.combo.ComboSet;
import org.cvxnn.solver.data.Dataset;

/**
 * The per-combo data of the three-layer dual constraints (formulations §3.9, §4.2) for combo
 * {@code c = (D_11..D_1m1; s_1..s_m1; D_2)}:
 * <ul>
 *   <li>{@code A_cᵀv} for {@code A_c = [s_1 D_2 D_11 X, …, s_m1 D_2 D_1m1 X]} ({@code n × m1·d}), the
 *       correlation of a residual with the sub-network output {@code A_c u};</li>
 *   <li>the rows of {@code K_c = {u : (2D_1j − I) X u_j >= 0 ∀j, (2D_2 − I) Σ_j s_j D_1j X u_j >= 0}};</li>
 *   <li>the combo's generating point {@code u_j = w_1j |w_2j|}, which lies in {@code K_c}.</li>
 * </ul>
 * Shared by the path-regularised and the weight-decay dual norms. Immutable and thread-safe.
 */
final class ComboGeometry {
    private final int n;
    private final int d;
    private final ComboSet combos;
    /** X row-major, n×d. */
    private final double[] rowMajor;

    /**
     * @throws IllegalArgumentException if the combos do not belong to data of this shape, or if the
     *                                  set is empty
     */
    ComboGeometry(Dataset design, ComboSet combos) {
        Objects.requireNonNull(design, "design");
        Objects.requireNonNull(combos, "combos");
        checkCombos(design, combos.n(), combos.d(), combos.size());
        this.n = design.n();
        this.d = design.d();
        this.combos = combos;
        this.rowMajor = rowMajor(design);
    }

    /**
     * Rejects combos (of a three-layer or tree combo set) over {@code n} rows and {@code d} features
     * that do not belong to {@code design}, or an empty set of {@code size} combos.
     */
    static void checkCombos(Dataset design, int n, int d, int size) {
        if (n != design.n())
            throw new IllegalArgumentException("the combos cover " + n + " rows, the data have n = " + design.n());
        if (d != design.d())
            throw new IllegalArgumentException("the combos are for d = " + d + " features, the data have d = "
                    + design.d() + " (include the bias column in both or in neither)");
        if (size == 0)
            throw new IllegalArgumentException("the combo set is empty; σ(v) needs at least one combo");
    }

    /** The feature matrix of {@code design} row-major, n×d. */
    static double[] rowMajor(Dataset design) {
        int n = design.n(), d = design.d();
        double[] rowMajor = new double[n * d];
        for (int r = 0; r < n; r++)
            for (int j = 0; j < d; j++) rowMajor[r * d + j] = design.x()[r + j * n];
        return rowMajor;
    }

    int n() {
        return n;
    }

    int d() {
        return d;
    }

    /** First-layer neurons per combo. */
    int m1() {
        return combos.m1();
    }

    int size() {
        return combos.size();
    }

    /** Rejects a residual of the wrong length. */
    void checkResidual(double[] v) {
        checkResidual(v, n);
    }

    /** Rejects a residual that is not of length {@code n}. */
    static void checkResidual(double[] v, int n) {
        Objects.requireNonNull(v, "v");
        if (v.length != n)
            throw new IllegalArgumentException("v has length " + v.length + ", the data have n = " + n + " samples");
    }

    /** Rejects a combo index or sign that does not exist. */
    void checkCombo(int combo, int sign) {
        if (combo < 0 || combo >= combos.size())
            throw new IllegalArgumentException("combo index " + combo + " is outside [0, " + combos.size() + ")");
        if (sign != 1 && sign != -1) throw new IllegalArgumentException("sign must be +1 or -1, got " + sign);
    }

    /** {@code A_cᵀv}: block j is {@code s_j Σ_i D_2(i) D_1j(i) v_i x_i}. */
    double[] correlation(int c, double[] v) {
        int m1 = combos.m1();
        double[] g = new double[m1 * d];
        for (int i = 0; i < n; i++) {
            if (!combos.secondActive(c, i) || v[i] == 0) continue;
            for (int j = 0; j < m1; j++) {
                if (!combos.firstActive(c, j, i)) continue;
                double w = combos.sign(c, j) * v[i];
                for (int l = 0; l < d; l++) g[j * d + l] += w * rowMajor[i * d + l];
            }
        }
        return g;
    }

    /**
     * The rows of {@code K_c}, row-major {@code rows × m1·d}: the rows {@code ±e_j ⊗ x_i} of the
     * first-layer masks (+ where row i is active for neuron j) and, for every row i with an active
     * neuron, {@code ±(s_j D_1j(i) x_i)_j} of the second-layer mask (+ where {@code D_2(i) = 1}).
     */
    ConeRows coneRows(int c) {
        int m1 = combos.m1();
        int dim = m1 * d;
        double[] k = new double[(m1 + 1) * n * dim];
        int rows = 0;
        for (int j = 0; j < m1; j++) {
            for (int i = 0; i < n; i++, rows++) {
                double side = combos.firstActive(c, j, i) ? 1.0 : -1.0;
                for (int l = 0; l < d; l++) k[rows * dim + j * d + l] = side * rowMajor[i * d + l];
            }
        }
        for (int i = 0; i < n; i++) {
            double side = combos.secondActive(c, i) ? 1.0 : -1.0;
            boolean any = false;
            for (int j = 0; j < m1; j++) {
                if (!combos.firstActive(c, j, i)) continue;
                any = true;
                double w = side * combos.sign(c, j);
                for (int l = 0; l < d; l++) k[rows * dim + j * d + l] = w * rowMajor[i * d + l];
            }
            if (any) rows++;
        }
        return new ConeRows(rows, dim, Arrays.copyOf(k, rows * dim));
    }

    /** The generating point of combo c: {@code u_j = w_1j |w_2j|}, length m1·d (in {@code K_c}). */
    double[] generatingPoint(int c) {
        int m1 = combos.m1();
        double[] w1 = combos.firstLayerWeights(c);
        double[] w2 = combos.secondLayerWeights(c);
        double[] u = new double[m1 * d];
        for (int j = 0; j < m1; j++)
            for (int l = 0; l < d; l++) u[j * d + l] = w1[j * d + l] * Math.abs(w2[j]);
        return u;
    }

    /**
     * The rows of a polyhedral cone {@code {u : K u >= 0}}.
     *
     * @param rows number of rows
     * @param dim  dimension of the space
     * @param k    row-major {@code rows × dim}
     */
    record ConeRows(int rows, int dim, double[] k) {

        RowConeProjector projector() {
            return new RowConeProjector(rows, dim, k);
        }
    }
}
