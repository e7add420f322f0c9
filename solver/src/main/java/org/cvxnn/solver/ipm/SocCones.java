package org.cvxnn.solver.ipm;

import org.cvxnn.linalg.Matrix;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * Nesterov–Todd scaling of {@code B} second-order cones {@code {(t, u) : ‖u‖ ≤ t}} of dimension
 * {@code d+1}, stored one cone per column of a (d+1)×B matrix (ipm.md §3.3, Clarabel's
 * {@code socone.rs}).
 *
 * <p>With {@code s̄ = s/√(sᵀJs)}, {@code z̄ = z/√(zᵀJz)}, {@code γ = √((1 + s̄ᵀz̄)/2)},
 * {@code w̄ = (s̄ + J z̄)/(2γ)} and {@code η = (sᵀJs / zᵀJz)^{1/4}}, the scaling is
 * {@code W = η W̄}, {@code W̄ = [[w̄₀, w̄₁ᵀ], [w̄₁, I + w̄₁w̄₁ᵀ/(1 + w̄₀)]]}, which is symmetric and
 * satisfies {@code W z = W⁻¹ s = λ}; {@code W̄⁻¹ = J W̄ J}.
 */
final class SocCones {
    private static final ValueLayout.OfDouble D = ValueLayout.JAVA_DOUBLE;

    private final int dim;      // d + 1
    private final int count;    // B
    private final Matrix w;     // (d+1) × B scaling points w̄
    private final double[] eta; // B

    SocCones(Arena arena, int d, int count) {
        this.dim = d + 1;
        this.count = count;
        this.w = Matrix.allocate(arena, dim, count);
        this.eta = new double[count];
    }

    int dim() { return dim; }

    int count() { return count; }

    double eta(int j) { return eta[j]; }

    /** w̄₀ of cone j. */
    double w0(int j) { return at(w.segment(), j, 0); }

    /** Coordinate k ≥ 1 of w̄ of cone j. */
    double w(int j, int k) { return at(w.segment(), j, k); }

    /**
     * Computes the scaling from interior points s, z and writes {@code λ = W z} (all (d+1)×B).
     *
     * @return false if some s or z is not strictly inside its cone (the scaling is then undefined)
     */
    boolean update(Matrix s, Matrix z, Matrix lambda) {
        MemorySegment ss = s.segment(), zs = z.segment(), ws = w.segment(), ls = lambda.segment();
        for (int j = 0; j < count; j++) {
            double sRes = jNorm2(ss, j), zRes = jNorm2(zs, j);
            if (!(sRes > 0) || !(zRes > 0) || at(ss, j, 0) <= 0 || at(zs, j, 0) <= 0) return false;
            double sScale = Math.sqrt(sRes), zScale = Math.sqrt(zRes);
            double dot = 0;
            for (int k = 0; k < dim; k++) dot += at(ss, j, k) * at(zs, j, k);
            double gamma = Math.sqrt((1 + dot / (sScale * zScale)) / 2);
            double w0 = (at(ss, j, 0) / sScale + at(zs, j, 0) / zScale) / (2 * gamma);
            set(ws, j, 0, w0);
            for (int k = 1; k < dim; k++) set(ws, j, k, (at(ss, j, k) / sScale - at(zs, j, k) / zScale) / (2 * gamma));
            eta[j] = Math.sqrt(sScale / zScale);
            // λ = η W̄ z
            double w1z1 = 0;
            for (int k = 1; k < dim; k++) w1z1 += at(ws, j, k) * at(zs, j, k);
            double z0 = at(zs, j, 0);
            set(ls, j, 0, eta[j] * (w0 * z0 + w1z1));
            double c = z0 + w1z1 / (1 + w0);
            for (int k = 1; k < dim; k++) set(ls, j, k, eta[j] * (at(zs, j, k) + c * at(ws, j, k)));
        }
        return true;
    }

    /** {@code out_j ← W_j v_j} (out may alias v). */
    void applyW(Matrix v, Matrix out) {
        apply(v, out, 1.0, false);
    }

    /** {@code out_j ← W_j⁻¹ v_j} (out may alias v). */
    void applyWinv(Matrix v, Matrix out) {
        apply(v, out, -1.0, true);
    }

    private void apply(Matrix v, Matrix out, double power, boolean inverse) {
        MemorySegment vs = v.segment(), os = out.segment(), ws = w.segment();
        double sgn = inverse ? -1.0 : 1.0;
        for (int j = 0; j < count; j++) {
            double scale = power > 0 ? eta[j] : 1.0 / eta[j];
            double w0 = at(ws, j, 0), v0 = at(vs, j, 0);
            double w1v1 = 0;
            for (int k = 1; k < dim; k++) w1v1 += at(ws, j, k) * at(vs, j, k);
            double c = sgn * v0 + w1v1 / (1 + w0);
            set(os, j, 0, scale * (w0 * v0 + sgn * w1v1));
            for (int k = 1; k < dim; k++) set(os, j, k, scale * (at(vs, j, k) + c * at(ws, j, k)));
        }
    }

    /** {@code out_j ← λ_j ∘ λ_j} (Jordan product). */
    static void square(Matrix lambda, Matrix out) {
        jordan(lambda, lambda, out);
    }

    /** {@code out_j ← a_j ∘ b_j = (a_jᵀb_j, a₀b₁ + b₀a₁)}; out must not alias a or b. */
    static void jordan(Matrix a, Matrix b, Matrix out) {
        int dim = a.rows();
        MemorySegment as = a.segment(), bs = b.segment(), os = out.segment();
        for (int j = 0; j < a.cols(); j++) {
            double dot = 0;
            for (int k = 0; k < dim; k++) dot += get(as, dim, j, k) * get(bs, dim, j, k);
            double a0 = get(as, dim, j, 0), b0 = get(bs, dim, j, 0);
            for (int k = 1; k < dim; k++) put(os, dim, j, k, a0 * get(bs, dim, j, k) + b0 * get(as, dim, j, k));
            put(os, dim, j, 0, dot);
        }
    }

    /** {@code out_j ← λ_j \ r_j}, the solution x of {@code λ ∘ x = r} (out may alias r). */
    static void divide(Matrix lambda, Matrix r, Matrix out) {
        int dim = lambda.rows();
        MemorySegment ls = lambda.segment(), rs = r.segment(), os = out.segment();
        for (int j = 0; j < lambda.cols(); j++) {
            double l0 = get(ls, dim, j, 0), r0 = get(rs, dim, j, 0);
            double l1sq = 0, l1r1 = 0;
            for (int k = 1; k < dim; k++) {
                double lk = get(ls, dim, j, k);
                l1sq += lk * lk;
                l1r1 += lk * get(rs, dim, j, k);
            }
            double det = (l0 - Math.sqrt(l1sq)) * (l0 + Math.sqrt(l1sq));
            double x0 = (l0 * r0 - l1r1) / det;
            for (int k = 1; k < dim; k++) put(os, dim, j, k, (get(rs, dim, j, k) - get(ls, dim, j, k) * x0) / l0);
            put(os, dim, j, 0, x0);
        }
    }

    /** Smallest eigenvalue {@code min_j (v₀ − ‖v₁‖)} over all cones. */
    static double minEigenvalue(Matrix v) {
        int dim = v.rows();
        MemorySegment vs = v.segment();
        double min = Double.POSITIVE_INFINITY;
        for (int j = 0; j < v.cols(); j++) {
            double nrm = 0;
            for (int k = 1; k < dim; k++) nrm += get(vs, dim, j, k) * get(vs, dim, j, k);
            min = Math.min(min, get(vs, dim, j, 0) - Math.sqrt(nrm));
        }
        return min;
    }

    /** Adds {@code alpha·e} (e = (1, 0, …, 0)) to every cone. */
    static void shift(Matrix v, double alpha) {
        for (int j = 0; j < v.cols(); j++) v.set(0, j, v.get(0, j) + alpha);
    }

    /** {@code sᵀJs = s₀² − ‖s₁‖²}, computed as a product of sums for accuracy. */
    private double jNorm2(MemorySegment s, int j) {
        double nrm = 0;
        for (int k = 1; k < dim; k++) nrm += at(s, j, k) * at(s, j, k);
        double s0 = at(s, j, 0), n1 = Math.sqrt(nrm);
        return (s0 - n1) * (s0 + n1);
    }

    private double at(MemorySegment m, int j, int k) {
        return m.getAtIndex(D, (long) j * dim + k);
    }

    private void set(MemorySegment m, int j, int k, double v) {
        m.setAtIndex(D, (long) j * dim + k, v);
    }

    private static double get(MemorySegment m, int dim, int j, int k) {
        return m.getAtIndex(D, (long) j * dim + k);
    }

    private static void put(MemorySegment m, int dim, int j, int k, double v) {
        m.setAtIndex(D, (long) j * dim + k, v);
    }
}
