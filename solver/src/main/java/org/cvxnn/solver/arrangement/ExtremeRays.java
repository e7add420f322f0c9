package org.cvxnn.solver.arrangement;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Cells of a central arrangement of {@code m} unit rows of rank {@code k ≥ 3} by extreme-ray
 * enumeration (formulations §6.2). Every cell is a pointed cone, so it has an extreme ray: a line
 * {@code ±z} on which {@code k − 1} independent rows vanish. For each {@code (k−1)}-subset S of
 * rows, {@code z} spans their kernel (Householder QR of {@code A_Sᵀ}; subsets with dependent rows
 * are skipped, every ray is reached through an independent subset); the cells having {@code ±z}
 * as a ray are the cells of the arrangement of the rows T vanishing on {@code z}, seen in the
 * quotient {@code z^⊥}, pushed off the ray by a small step:
 * <ul>
 *   <li>general position ({@code T = S}): the {@code 2^(k−1)} orthants, witnesses
 *       {@code ±z + ε A_S⁺σ} for the sign vectors σ, no LP;</li>
 *   <li>degenerate ray (a further row vanishes on {@code z}: a repeated or antiparallel row, a
 *       point on a common line, ...): the local arrangement of T in {@code z^⊥} (rank
 *       {@code k − 1}) is enumerated recursively by {@link CentralArrangement}, once per distinct T.</li>
 * </ul>
 * The step {@code ε} keeps every row outside T at half its value on the ray or more. Work
 * O(C(m, k−1)·(m k + 2^k k²)) hashing included, plus the local arrangements.
 */
final class ExtremeRays {
    private static final double[] NO_VALUES = {};

    private final double[] rows;
    private final int m;
    private final int k;
    private final int p;
    private final double tol;
    private final int wpp;
    private final PatternCollector cells;
    private final PatternCollector degenerateRays;
    // per-subset workspaces
    private final double[] qr;
    private final double[] q;
    private final double[] slacks;
    private final double[] offset;
    private final long[] ties;
    private final long[] bits;
    private final long[] up;
    private final long[] down;
    private final double[] y;
    private final double[] witness;

    private ExtremeRays(double[] rows, int m, int k, double tol) {
        this.rows = rows;
        this.m = m;
        this.k = k;
        this.p = k - 1;
        this.tol = tol;
        this.wpp = PatternSet.wordsFor(m);
        this.cells = new PatternCollector(m, k, null);
        this.degenerateRays = new PatternCollector(m, 0, null);
        this.qr = new double[k * p];
        this.q = new double[k * k];
        this.slacks = new double[m];
        this.offset = new double[k];
        this.ties = new long[wpp];
        this.bits = new long[wpp];
        this.up = new long[wpp];
        this.down = new long[wpp];
        this.y = new double[p];
        this.witness = new double[k];
    }

    /** See {@link CentralArrangement#cells}; requires {@code k ≥ 3}. */
    static List<double[]> cells(double[] rows, int m, int k, double tol) {
        ExtremeRays e = new ExtremeRays(rows, m, k, tol);
        e.run();
        List<double[]> out = new ArrayList<>(e.cells.size());
        for (int i = 0; i < e.cells.size(); i++) out.add(e.cells.gate(i));
        return out;
    }

    private void run() {
        int[] subset = new int[p];
        for (int j = 0; j < p; j++) subset[j] = j;
        do {
            if (!factor(subset)) continue;
            computeSlacks();
            int tieCount = markTies(subset);
            if (tieCount == p) {
                orthants(subset);
            } else if (degenerateRays.add(ties, 0, NO_VALUES, 0)) {
                localCells(tieCount);
            }
        } while (nextSubset(subset, m));
    }

    /**
     * Householder QR of {@code A_Sᵀ} (k × p): {@link #q} = Q (k × k, column-major), R in the upper
     * triangle of {@link #qr}. The last column of Q spans the kernel of {@code A_S}.
     *
     * @return false if the rows of S are dependent (a diagonal entry of R below {@code tol})
     */
    private boolean factor(int[] subset) {
        for (int j = 0; j < p; j++) System.arraycopy(rows, subset[j] * k, qr, j * k, k);
        Arrays.fill(q, 0.0);
        for (int i = 0; i < k; i++) q[i + i * k] = 1.0;
        for (int j = 0; j < p; j++) {
            double norm = 0;
            for (int i = j; i < k; i++) norm += qr[i + j * k] * qr[i + j * k];
            norm = Math.sqrt(norm);
            if (norm <= tol) return false;
            double alpha = qr[j + j * k] >= 0 ? -norm : norm;
            // v = x - alpha e_1 stored in place of column j below the diagonal (v_0 kept apart)
            double v0 = qr[j + j * k] - alpha;
            double vv = v0 * v0;
            for (int i = j + 1; i < k; i++) vv += qr[i + j * k] * qr[i + j * k];
            if (vv > 0) {
                for (int c = j + 1; c < p; c++) reflectColumn(c, j, v0, vv);
                for (int c = 0; c < k; c++) reflectRow(c, j, v0, vv);
            }
            qr[j + j * k] = alpha;
        }
        return true;
    }

    /** H A on column c of {@link #qr} (entries j..k-1), {@code H = I − 2vvᵀ/vv}, v = (v0, column j below the diagonal). */
    private void reflectColumn(int c, int j, double v0, double vv) {
        int off = c * k;
        double s = v0 * qr[off + j];
        for (int i = j + 1; i < k; i++) s += qr[i + j * k] * qr[off + i];
        double f = 2 * s / vv;
        qr[off + j] -= f * v0;
        for (int i = j + 1; i < k; i++) qr[off + i] -= f * qr[i + j * k];
    }

    /** Q ← Q H on row c of Q (columns j..k-1). */
    private void reflectRow(int c, int j, double v0, double vv) {
        double s = q[c + j * k] * v0;
        for (int i = j + 1; i < k; i++) s += q[c + i * k] * qr[i + j * k];
        double f = 2 * s / vv;
        q[c + j * k] -= f * v0;
        for (int i = j + 1; i < k; i++) q[c + i * k] -= f * qr[i + j * k];
    }

    /** {@code s_i = a_iᵀz}, with z the last column of Q. */
    private void computeSlacks() {
        int zo = p * k;
        for (int i = 0; i < m; i++) {
            double s = 0;
            for (int l = 0; l < k; l++) s += q[zo + l] * rows[i * k + l];
            slacks[i] = s;
        }
    }

    /** Sets {@link #ties} to T = S ∪ {i : |a_iᵀz| ≤ tol} and returns |T|. */
    private int markTies(int[] subset) {
        Arrays.fill(ties, 0L);
        for (int i = 0; i < m; i++) {
            if (Math.abs(slacks[i]) <= tol) ties[i >>> 6] |= 1L << (i & 63);
        }
        for (int s : subset) ties[s >>> 6] |= 1L << (s & 63);
        int count = 0;
        for (long w : ties) count += Long.bitCount(w);
        return count;
    }

    private boolean tied(int i) {
        return (ties[i >>> 6] >>> (i & 63) & 1L) != 0;
    }

    /**
     * General position: the 2^(k−1) orthants around ±z. The witness of sign vector σ is
     * {@code ±z + ε v} with {@code v = Q_1 R⁻ᵀσ = A_S⁺σ} (so {@code a_{S_j}ᵀv = σ_j}) and
     * {@code ε = ½ min_{i∉S} |s_i| / ‖v‖}, which keeps every other row (unit length) at half its
     * slack or more.
     */
    private void orthants(int[] subset) {
        double minSlack = Double.POSITIVE_INFINITY;
        Arrays.fill(up, 0L);
        Arrays.fill(down, 0L);
        for (int i = 0; i < m; i++) {
            if (tied(i)) continue;
            minSlack = Math.min(minSlack, Math.abs(slacks[i]));
            if (slacks[i] > 0) up[i >>> 6] |= 1L << (i & 63);
            else down[i >>> 6] |= 1L << (i & 63);
        }
        for (int signs = 0; signs < 1 << p; signs++) {
            for (int j = 0; j < p; j++) {
                double s = (signs >>> j & 1) != 0 ? 1 : -1;
                for (int l = 0; l < j; l++) s -= qr[l + j * k] * y[l];
                y[j] = s / qr[j + j * k];
            }
            double norm = 0;
            for (int l = 0; l < k; l++) {
                double v = 0;
                for (int j = 0; j < p; j++) v += q[l + j * k] * y[j];
                offset[l] = v;
                norm += v * v;
            }
            double eps = (minSlack == Double.POSITIVE_INFINITY ? 1.0 : 0.5 * minSlack) / Math.sqrt(norm);
            for (int sign = 1; sign >= -1; sign -= 2) {
                System.arraycopy(sign > 0 ? up : down, 0, bits, 0, wpp);
                for (int j = 0; j < p; j++) {
                    if ((signs >>> j & 1) != 0) bits[subset[j] >>> 6] |= 1L << (subset[j] & 63);
                }
                for (int l = 0; l < k; l++) witness[l] = sign * q[l + p * k] + eps * offset[l];
                cells.add(bits, 0, witness, 0);
            }
        }
    }

    /**
     * Degenerate ray: cells of the rows T in {@code z^⊥}, recursively; a local witness w (all
     * witnesses have norm in [1, 2]) becomes {@code ±z + ε Q_1 w} with {@code ε = min(1, ½ min_{i∉T} |s_i / a_iᵀQ_1w|)}.
     */
    private void localCells(int tieCount) {
        double[] proj = new double[m * p]; // Q_1ᵀ a_i: coordinates in z^⊥
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < p; j++) {
                double s = 0;
                for (int l = 0; l < k; l++) s += q[l + j * k] * rows[i * k + l];
                proj[i * p + j] = s;
            }
        }
        double[] local = new double[tieCount * p];
        for (int i = 0, t = 0; i < m; i++) {
            if (!tied(i)) continue;
            double norm = 0;
            for (int j = 0; j < p; j++) norm += proj[i * p + j] * proj[i * p + j];
            norm = Math.sqrt(norm);
            for (int j = 0; j < p; j++) local[t * p + j] = proj[i * p + j] / norm;
            t++;
        }
        double[] along = new double[m];
        for (double[] w : CentralArrangement.cells(local, tieCount, p, tol)) {
            double eps = Double.POSITIVE_INFINITY;
            for (int i = 0; i < m; i++) {
                double s = 0;
                for (int j = 0; j < p; j++) s += proj[i * p + j] * w[j];
                along[i] = s;
                if (!tied(i) && s != 0) eps = Math.min(eps, Math.abs(slacks[i] / s));
            }
            eps = Math.min(1.0, 0.5 * eps); // capped: a larger step would drown z in rounding (rows with along ≈ 0)
            for (int sign = 1; sign >= -1; sign -= 2) {
                Arrays.fill(bits, 0L);
                for (int i = 0; i < m; i++) {
                    if (sign * slacks[i] + eps * along[i] > 0) bits[i >>> 6] |= 1L << (i & 63);
                }
                for (int l = 0; l < k; l++) {
                    double s = sign * q[l + p * k];
                    for (int j = 0; j < p; j++) s += eps * q[l + j * k] * w[j];
                    witness[l] = s;
                }
                cells.add(bits, 0, witness, 0);
            }
        }
    }

    /** Advances {@code c} to the next combination of {@code c.length} out of {@code m}, in lexicographic order. */
    private static boolean nextSubset(int[] c, int m) {
        int len = c.length;
        int i = len - 1;
        while (i >= 0 && c[i] == m - len + i) i--;
        if (i < 0) return false;
        c[i]++;
        for (int j = i + 1; j < len; j++) c[j] = c[j - 1] + 1;
        return true;
    }
}
