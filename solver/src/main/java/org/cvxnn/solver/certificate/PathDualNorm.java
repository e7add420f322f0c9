package org.cvxnn.solver.certificate;

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
    private final ComboGeometry geometry;

    /**
     * @param design the feature matrix X (with its bias column, if the model has one)
     * @param combos combos of that X
     * @throws IllegalArgumentException if the combos do not belong to data of this shape, or if the
     *                                  set is empty
     */
    public PathDualNorm(Dataset design, ComboSet combos) {
        this.geometry = new ComboGeometry(design, combos);
    }

    /** First-layer neurons per sub-network of the combos. */
    public int width() {
        return geometry.m1();
    }

    /**
     * σ(v) and a maximising combo (reported as {@link DualNorm#pattern()}) and sign; {@code v} has
     * length n.
     */
    public DualNorm evaluate(double[] v) {
        geometry.checkResidual(v);
        return DualNorm.largest(geometry.size(),
                c -> DualNorm.projectBothSigns(geometry.coneRows(c).projector(), geometry.correlation(c, v)));
    }

    /**
     * {@code Π_{K_c}(sign · A_cᵀv)}, the maximiser direction of combo {@code combo}: its point
     * {@code p} lies in {@code K_c} and {@code sign · vᵀA_c p = ‖p‖²}.
     *
     * @throws IllegalArgumentException if the combo index, the sign or the length of v is invalid
     */
    public ConeProjection project(double[] v, int combo, int sign) {
        geometry.checkResidual(v);
        geometry.checkCombo(combo, sign);
        double[] g = geometry.correlation(combo, v);
        for (int k = 0; k < g.length; k++) g[k] *= sign;
        return geometry.coneRows(combo).projector().project(g);
    }
}
