package org.cvxnn.solver.certificate;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

import org.cvxnn.solver.combo.ComboSet;
import org.cvxnn.solver.data.Dataset;

/**
 * The dual constraint function of the weight-decay three-layer program (3.4) over a combo set
 * (formulations §3.3, §3.9): {@code σ₃(v) = max_c max_± max_{u ∈ C_c} ±g_cᵀu}, {@code g_c = A_cᵀv},
 * {@code C_c = {u ∈ K_c : Σ_j ‖u_j‖₂ <= 1}} with one d-dimensional group per first-layer neuron
 * ({@code A_c}, {@code K_c} as in {@link PathDualNorm}). Equivalently
 * {@code σ₃(v) = max |vᵀ((XW_1)₊w_2)₊|} over single sub-networks with {@code ‖W_1‖_F <= 1},
 * {@code ‖w_2‖ <= 1}. With every combo of X this is the exact σ₃; with a subset it can only be
 * smaller.
 *
 * <p>Each per-combo value is bracketed by {@link GroupBallSupport}: a feasible point gives a lower
 * value, a dual multiplier {@code a >= 0} (of {@code min_{a >= 0} max_j ‖(g + K_cᵀa)_j‖}) an upper
 * value. {@link #evaluate} returns the largest <em>upper</em> value, so it never lies below the exact
 * σ₃ (beyond rounding) and the certificate built on it is rigorous. It first brackets every combo
 * and sign by the cheap cone-projection stage; then, in decreasing order of those upper values, it
 * refines combos until the next cheap upper value is no larger than the best refined one (the
 * skipped combos' values lie below it, so the maximum is unchanged).
 *
 * <p>Because {@code ‖u‖₂ <= Σ_j ‖u_j‖₂ <= √m1 ‖u‖₂}, {@code σ_path/√m1 <= σ₃ <= σ_path} with σ_path
 * of {@link PathDualNorm} on the same combos. Instances are immutable and thread-safe.
 */
public final class WeightDecayDualNorm {
    private final ComboGeometry geometry;

    /**
     * @param design the feature matrix X (with its bias column, if the model has one)
     * @param combos combos of that X
     * @throws IllegalArgumentException if the combos do not belong to data of this shape, or if the
     *                                  set is empty
     */
    public WeightDecayDualNorm(Dataset design, ComboSet combos) {
        this.geometry = new ComboGeometry(design, combos);
    }

    /** First-layer neurons per sub-network of the combos. */
    public int width() {
        return geometry.m1();
    }

    /**
     * σ₃(v) (an upper value, see the class comment), a maximising combo (reported as
     * {@link DualNorm#pattern()}) and its sign; {@code v} has length n.
     */
    public DualNorm evaluate(double[] v) {
        geometry.checkResidual(v);
        int size = geometry.size();
        ComboSupport[] coarse = new ComboSupport[2 * size];
        IntStream.range(0, size).parallel().forEach(c -> {
            GroupBallSupport support = support(c);
            double[] g = geometry.correlation(c, v);
            coarse[2 * c] = support.project(g);
            for (int k = 0; k < g.length; k++) g[k] = -g[k];
            coarse[2 * c + 1] = support.project(g);
        });
        Integer[] order = new Integer[2 * size];
        for (int k = 0; k < order.length; k++) order[k] = k;
        Arrays.sort(order, Comparator.comparingDouble((Integer k) -> -coarse[k].upper()).thenComparingInt(k -> k));

        double[] upper = new double[2 * size];
        for (int k = 0; k < upper.length; k++) upper[k] = coarse[k].upper();
        double refinedMax = 0;
        for (int k : order) {
            if (coarse[k].upper() <= refinedMax) break;
            int c = k / 2, sign = k % 2 == 0 ? 1 : -1;
            upper[k] = refine(c, sign, v, coarse[k]).upper();
            refinedMax = Math.max(refinedMax, upper[k]);
        }
        return DualNorm.largest(upper);
    }

    /**
     * Both bounds on {@code max_{u ∈ C_c} sign·vᵀA_c u} for one combo, with the feasible point and
     * the dual point proving them (refined as far as the barrier method gets).
     *
     * @throws IllegalArgumentException if the combo index, the sign or the length of v is invalid
     */
    public ComboSupport support(double[] v, int combo, int sign) {
        geometry.checkResidual(v);
        geometry.checkCombo(combo, sign);
        double[] g = geometry.correlation(combo, v);
        for (int k = 0; k < g.length; k++) g[k] *= sign;
        GroupBallSupport support = support(combo);
        return support.refine(g, geometry.generatingPoint(combo), support.project(g));
    }

    /** Refines the cheap bracket {@code coarse} of combo {@code combo} and sign {@code sign}. */
    private ComboSupport refine(int combo, int sign, double[] v, ComboSupport coarse) {
        double[] g = geometry.correlation(combo, v);
        for (int k = 0; k < g.length; k++) g[k] *= sign;
        return support(combo).refine(g, geometry.generatingPoint(combo), coarse);
    }

    private GroupBallSupport support(int combo) {
        return new GroupBallSupport(geometry.coneRows(combo), geometry.m1());
    }
}
