package org.cvxnn.solver.ipm;

import org.cvxnn.kernels.Kernels;
import org.cvxnn.linalg.Blas;
import org.cvxnn.linalg.MaskBits;
import org.cvxnn.linalg.Matrix;
import org.cvxnn.linalg.Trans;
import org.cvxnn.solver.arrangement.PatternSet;
import org.cvxnn.solver.certificate.PolyhedralConeProjector;
import org.cvxnn.solver.data.Dataset;

import java.lang.foreign.Arena;
import java.util.stream.IntStream;

/**
 * Dual values of the masks at a residual λ (ipm.md §4.2, formulations §1.6): for the gated program
 * {@code ‖Xᵀ D_i λ‖}; for the ReLU program {@code max_± max_{u ∈ K_i, ‖u‖ ≤ 1} ±λᵀ D_i X u}, the
 * norm of the projection of {@code ±Xᵀ D_i λ} onto the pattern's cone. A mask with zero weights keeps
 * the dual feasible exactly when its value is at most β. The unconstrained norms come from one
 * masked panel and one gemm; the cone projections are computed only where those exceed β (below,
 * the norm itself is returned: an upper bound, which is all a certificate needs).
 */
final class MaskPricing {
    private final Matrix x;
    private final MaskBits masks;
    private final PatternSet patterns;
    private final PolyhedralConeProjector cones; // null for the gated program
    private final Matrix panel;   // n × P
    private final Matrix product; // d × P

    MaskPricing(Arena arena, Matrix x, Dataset data, PatternSet patterns, MaskBits masks, boolean constrained) {
        this.x = x;
        this.masks = masks;
        this.patterns = patterns;
        this.cones = constrained ? new PolyhedralConeProjector(data) : null;
        this.panel = Matrix.allocate(arena, x.rows(), masks.count());
        this.product = Matrix.allocate(arena, x.cols(), masks.count());
    }

    /** The unconstrained norms {@code ‖Xᵀ D_i λ‖} of all masks. */
    double[] norms(Matrix lambda) {
        int n = x.rows(), d = x.cols(), p = masks.count();
        Kernels.get().maskedPanel().expand(lambda.segment(), n, p, masks.segment(), 0, masks.wordsPerMask(), panel.segment(), panel.ld());
        Blas.dgemm(Trans.TRANS, Trans.NO_TRANS, 1.0, x, panel, 0.0, product);
        double[] norms = new double[p];
        for (int i = 0; i < p; i++) {
            double s = 0;
            for (int k = 0; k < d; k++) s += product.get(k, i) * product.get(k, i);
            norms[i] = Math.sqrt(s);
        }
        return norms;
    }

    /**
     * Dual values (as described above) of the masks not in {@code skip}, exact where they may exceed
     * {@code beta}, otherwise the unconstrained norm; 0 for skipped masks.
     */
    double[] values(Matrix lambda, boolean[] skip, double beta) {
        double[] norms = norms(lambda);
        double[] values = new double[norms.length];
        int d = x.cols();
        double[] correlations = product.toArray(); // the worker threads cannot read the confined arena
        IntStream.range(0, norms.length).parallel().forEach(i -> {
            if (skip[i]) return;
            if (cones == null || norms[i] <= beta) {
                values[i] = norms[i];
                return;
            }
            double[] g = new double[d];
            System.arraycopy(correlations, i * d, g, 0, d);
            double plus = cones.project(patterns, i, g).norm();
            for (int k = 0; k < d; k++) g[k] = -g[k];
            values[i] = Math.max(plus, cones.project(patterns, i, g).norm());
        });
        return values;
    }
}
