package org.cvxnn.solver.certificate;

import java.util.Arrays;
import java.util.Objects;
import java.util.stream.IntStream;

import org.cvxnn.solver.combo.ComboSet;
import org.cvxnn.solver.data.Dataset;

/**
 * The dual constraint function of the path-regularised three-layer program (4.2) over a combo set
 * (formulations §3.9, §4.2):
 * {@code σ(v) = max_c max_± max_{u ∈ K_c, ‖u‖₂ <= 1} ±vᵀA_c u = max_c max_± ‖Π_{K_c}(±A_cᵀv)‖}, where
 * for combo {@code c = (D_11..D_1m1; s_1..s_m1; D_2)}
 * <ul>
 *   <li>{@code A_c = [s_1 D_2 D_11 X, …, s_m1 D_2 D_1m1 X]} ({@code n × m1·d}), so that the output of
 *       a sub-network with {@code u_j = w_1j |w_2j| |w_3|} is {@code sign(w_3) A_c u};</li>
 *   <li>{@code K_c = {u : (2D_1j − I) X u_j >= 0 ∀j, (2D_2 − I) Σ_j s_j D_1j X u_j >= 0}}, the
 *       weights whose masks and signs are those of c.</li>
 * </ul>
 * Equivalently {@code σ(v) = sup |vᵀf_k(X)| / R_k} over single sub-networks with path norm
 * {@code R_k > 0} (4.1). With every combo of X (exact enumeration) this is the exact σ(v); with a
 * subset it can only be smaller. Each value comes from {@link RowConeProjector}, so it is never
 * below the exact projection norm beyond rounding.
 *
 * <p>Combos are evaluated in parallel on the common fork-join pool; the result is deterministic
 * (ties go to the lowest combo index, then to the + sign). Instances are immutable and thread-safe.
 */
public final class PathDualNorm {
    private final int n;
    private final int d;
    private final ComboSet combos;
    /** X row-major, n×d. */
    private final double[] rowMajor;

    /**
     * @param design the feature matrix X (with its bias column, if the model has one)
     * @param combos combos of that X
     * @throws IllegalArgumentException if the combos do not belong to data of this shape, or if the
     *                                  set is empty
     */
    public PathDualNorm(Dataset design, ComboSet combos) {
        Objects.requireNonNull(design, "design");
        Objects.requireNonNull(combos, "combos");
        if (combos.n() != design.n())
            throw new IllegalArgumentException("the combos cover " + combos.n() + " rows, the data have n = " + design.n());
        if (combos.d() != design.d())
            throw new IllegalArgumentException("the combos are for d = " + combos.d() + " features, the data have d = "
                    + design.d() + " (include the bias column in both or in neither)");
        if (combos.size() == 0)
            throw new IllegalArgumentException("the combo set is empty; σ(v) needs at least one combo");
        this.n = design.n();
        this.d = design.d();
        this.combos = combos;
        this.rowMajor = new double[n * d];
        for (int r = 0; r < n; r++)
            for (int j = 0; j < d; j++) rowMajor[r * d + j] = design.x()[r + j * n];
    }

    /** First-layer neurons per sub-network of the combos. */
    public int width() {
        return combos.m1();
    }

    /**
     * σ(v) and a maximising combo (reported as {@link DualNorm#pattern()}) and sign; {@code v} has
     * length n.
     */
    public DualNorm evaluate(double[] v) {
        checkResidual(v);
        int size = combos.size();
        double[] plus = new double[size];
        double[] minus = new double[size];
        IntStream.range(0, size).parallel().forEach(c -> {
            RowConeProjector cone = cone(c);
            double[] g = correlation(c, v);
            plus[c] = cone.project(g).norm();
            for (int k = 0; k < g.length; k++) g[k] = -g[k];
            minus[c] = cone.project(g).norm();
        });
        DualNorm best = DualNorm.ZERO;
        for (int c = 0; c < size; c++) {
            if (plus[c] > best.value()) best = new DualNorm(plus[c], c, 1);
            if (minus[c] > best.value()) best = new DualNorm(minus[c], c, -1);
        }
        return best;
    }

    /**
     * {@code Π_{K_c}(sign · A_cᵀv)}, the maximiser direction of combo {@code combo}: its point
     * {@code p} lies in {@code K_c} and {@code sign · vᵀA_c p = ‖p‖²}.
     *
     * @throws IllegalArgumentException if the combo index, the sign or the length of v is invalid
     */
    public ConeProjection project(double[] v, int combo, int sign) {
        checkResidual(v);
        if (combo < 0 || combo >= combos.size())
            throw new IllegalArgumentException("combo index " + combo + " is outside [0, " + combos.size() + ")");
        if (sign != 1 && sign != -1) throw new IllegalArgumentException("sign must be +1 or -1, got " + sign);
        double[] g = correlation(combo, v);
        for (int k = 0; k < g.length; k++) g[k] *= sign;
        return cone(combo).project(g);
    }

    private void checkResidual(double[] v) {
        Objects.requireNonNull(v, "v");
        if (v.length != n)
            throw new IllegalArgumentException("v has length " + v.length + ", the data have n = " + n + " samples");
    }

    /** {@code A_cᵀv}: block j is {@code s_j Σ_i D_2(i) D_1j(i) v_i x_i}. */
    private double[] correlation(int c, double[] v) {
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
     * {@code K_c}: the rows {@code ±e_j ⊗ x_i} of the first-layer masks (+ where row i is active for
     * neuron j) and, for every row i with an active neuron, {@code ±(s_j D_1j(i) x_i)_j} of the
     * second-layer mask (+ where {@code D_2(i) = 1}).
     */
    private RowConeProjector cone(int c) {
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
        return new RowConeProjector(rows, dim, Arrays.copyOf(k, rows * dim));
    }
}
