package org.cvxnn.solver.ipm;

import org.cvxnn.linalg.Blas;
import org.cvxnn.linalg.Lapack;
import org.cvxnn.linalg.LapackInfo;
import org.cvxnn.linalg.Matrix;
import org.cvxnn.linalg.Trans;

import java.lang.foreign.Arena;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Carathéodory pruning of an optimal point of a block program (ipm.md §5.2): an interior-point
 * solution spreads its weight over a non-unique optimal face, so it can use many more blocks than
 * the n samples need. While the predictions {@code p_j = ε_j A_j u_j} of the active blocks are
 * linearly dependent, a null-space combination {@code Σ_j λ_j p_j = 0} gives a line of points
 * {@code u_j → (1 + tλ_j) u_j} with the same prediction: positive scaling keeps every block in its
 * cone, and since each block's regulariser {@code R_j} ({@code Σ_q ‖u_jq‖}) is positively
 * homogeneous the objective changes by {@code t Σ_j λ_j R_j}, linear in t. Moving in the direction
 * where that term does not increase until the first block reaches zero removes the block without
 * raising the objective (away from an exact optimum the term is negative and the objective drops).
 * In exact arithmetic this ends with at most rank ≤ n active blocks.
 *
 * <p>It runs only when more than n blocks are active. Blocks are processed in chunks of at most 2n:
 * one SVD (LAPACK) of a chunk's prediction matrix gives its null space, whose basis is kept in the
 * coordinates of the chunk as it was built (a block scaled since by s has coordinate {@code ν/s}),
 * so each removal is one rank-one update (BLAS). A numerical null vector is exact only up to
 * rounding, which a long step amplifies: steps that would move the prediction by more than
 * {@value #STEP_TOL} of its norm are skipped, so a few more than rank blocks can remain. The caller
 * checks the objective of the result.
 */
final class BlockSparsifier {
    /** Singular values below this fraction of the largest span the null space. */
    private static final double NULL_TOL = 1e-10;
    /** A regulariser slope below this fraction of {@code Σ|λ_j|R_j} counts as zero. */
    private static final double FLAT = 1e-12;
    /**
     * A step may change the prediction (through the rounding left in a null vector, amplified by
     * the step length) by at most this fraction of the prediction's norm; longer steps are skipped.
     */
    private static final double STEP_TOL = 1e-12;

    private final BlockOperator op;
    private final int n, d, groupDim;

    BlockSparsifier(BlockOperator op) {
        this.op = op;
        this.n = op.n();
        this.d = op.d();
        this.groupDim = d / op.groupsPerBlock();
    }

    /**
     * The point {@code w} (d×B, column-major) with blocks removed as described in the class comment,
     * or {@code w} itself when at most n blocks are active. {@code u} and {@code scratch} (both d×B)
     * are overwritten.
     */
    double[] sparsify(double[] w, Matrix u, Matrix scratch) {
        List<Integer> activeList = new ArrayList<>();
        for (int j = 0; j < op.blocks(); j++) if (norm(w, j * d, d) > 0) activeList.add(j);
        int k = activeList.size();
        if (k <= n) return w;
        int[] active = activeList.stream().mapToInt(Integer::intValue).toArray();
        double[] scale = new double[k];
        double[] reg = new double[k];
        Arrays.fill(scale, 1.0);
        for (int i = 0; i < k; i++)
            for (int q = 0; q < op.groupsPerBlock(); q++) reg[i] += norm(w, active[i] * d + q * groupDim, groupDim);
        try (Arena arena = Arena.ofConfined()) {
            Matrix predictions = Matrix.allocate(arena, n, k);
            u.copyFrom(w);
            op.blockPredictions(u, active, scratch, predictions);
            Matrix ones = Matrix.vector(arena, k), total = Matrix.vector(arena, n);
            ones.fill(1.0);
            Blas.dgemv(Trans.NO_TRANS, 1.0, predictions, ones, 0.0, total);
            double budget = STEP_TOL * Math.sqrt(Blas.ddot(total, total));
            int width = Math.min(k, 2 * n);
            Chunk chunk = new Chunk(arena, width, predictions, scale, reg, budget);
            List<Integer> alive = new ArrayList<>();
            int next = 0;
            while (true) {
                while (alive.size() < width && next < k) alive.add(next++);
                int before = alive.size();
                alive = chunk.reduce(alive);
                if (alive.size() == before) break; // independent, a failed SVD, or every step too long
            }
        }
        double[] out = new double[w.length];
        for (int i = 0; i < k; i++) {
            int from = active[i] * d;
            for (int l = 0; l < d; l++) out[from + l] = scale[i] * w[from + l];
        }
        return out;
    }

    /** Work space for one chunk of at most {@code width} blocks. */
    private final class Chunk {
        private final Matrix predictions;
        private final double[] scale, reg;
        private final double budget;
        private final Matrix m, original, change, s, left, vt, basis;
        private final int rowsM;

        Chunk(Arena arena, int width, Matrix predictions, double[] scale, double[] reg, double budget) {
            this.predictions = predictions;
            this.scale = scale;
            this.reg = reg;
            this.budget = budget;
            this.rowsM = Math.max(n, width);
            this.m = Matrix.allocate(arena, rowsM, width);
            this.original = Matrix.allocate(arena, n, width);
            this.change = Matrix.vector(arena, n);
            this.s = Matrix.vector(arena, width);
            this.left = Matrix.allocate(arena, rowsM, width);
            this.vt = Matrix.allocate(arena, width, width);
            this.basis = Matrix.allocate(arena, width, width);
        }

        /** Removes blocks of {@code chunk} (indices into the active list) until its predictions are independent; returns the survivors. */
        List<Integer> reduce(List<Integer> chunk) {
            int c = chunk.size();
            if (c < 2) return chunk;
            Matrix a = m.view(0, 0, rowsM, c);
            a.fill(0.0);
            double[] base = new double[c]; // the scales the chunk's columns were built with
            for (int i = 0; i < c; i++) {
                int b = chunk.get(i);
                if (!(scale[b] > 0 && Double.isFinite(scale[b]))) return chunk; // guard: LAPACK must never see a zero-scaled or NaN column
                base[i] = scale[b];
                Matrix column = a.view(0, i, n, 1);
                column.copyFrom(predictions.column(b));
                Blas.dscal(scale[b], column);
            }
            Matrix built = original.columns(0, c);
            built.copyFrom(a.view(0, 0, n, c));
            Matrix sv = s.view(0, 0, c, 1), v = vt.view(0, 0, c, c);
            LapackInfo info = Lapack.dgesdd(a, sv, left.view(0, 0, rowsM, c), v);
            if (!info.ok()) return chunk; // no SVD, no pruning: the point stays as it is
            double top = sv.get(0);
            int rank = 0;
            while (rank < c && sv.get(rank) > NULL_TOL * top) rank++;
            int nullity = c - rank;
            if (nullity == 0) return chunk;
            // null basis N (c × nullity): rows rank.. of Vᵀ, transposed
            Matrix nb = basis.view(0, 0, c, nullity);
            for (int q = 0; q < nullity; q++)
                for (int i = 0; i < c; i++) nb.set(i, q, v.get(rank + q, i));
            boolean[] removed = new boolean[c];
            double[] mu = new double[c];
            for (int q = 0; q < nullity; q++) {
                double slope = 0, spread = 0, largest = 0;
                for (int i = 0; i < c; i++) {
                    int b = chunk.get(i);
                    mu[i] = removed[i] ? 0.0 : nb.get(i, q) * base[i] / scale[b];
                    slope += mu[i] * reg[b];
                    spread += Math.abs(mu[i]) * reg[b];
                    largest = Math.max(largest, Math.abs(mu[i]));
                }
                if (largest == 0) continue;
                double direction = slope > FLAT * spread ? -1.0 : slope < -FLAT * spread ? 1.0 : smallerStep(mu, c);
                int hit = -1;
                double t = Double.POSITIVE_INFINITY;
                for (int i = 0; i < c; i++) {
                    double rate = direction * mu[i];
                    if (!removed[i] && rate < 0 && -1.0 / rate < t) {
                        t = -1.0 / rate;
                        hit = i;
                    }
                }
                if (hit < 0) continue;
                // the prediction moves by t·M ν (M the chunk as built): zero up to rounding, which t amplifies
                Blas.dgemv(Trans.NO_TRANS, 1.0, built, nb.view(0, q, c, 1), 0.0, change);
                if (t * Math.sqrt(Blas.ddot(change, change)) > budget) continue;
                boolean tie = false;
                for (int i = 0; i < c; i++) {
                    if (removed[i]) continue;
                    int b = chunk.get(i);
                    double factor = i == hit ? 0.0 : 1.0 + t * direction * mu[i];
                    if (factor <= 0) { // reaches zero with the hit block: removed too
                        factor = 0;
                        removed[i] = true;
                        tie |= i != hit;
                    }
                    scale[b] *= factor;
                    reg[b] *= factor;
                }
                // a tie leaves a second zero block that the later basis vectors are not cleared at: stop here,
                // the next pass builds the chunk again from the current scales
                if (tie) break;
                // later basis vectors: subtract the multiple of this one that zeroes their entry at the removed block
                if (q + 1 < nullity) {
                    Matrix rest = nb.view(0, q + 1, c, nullity - q - 1);
                    Matrix ratio = vt.view(0, 0, 1, nullity - q - 1); // Vᵀ is no longer needed: reuse its first row
                    double pivot = nb.get(hit, q);
                    for (int r = 0; r < nullity - q - 1; r++) ratio.set(0, r, rest.get(hit, r) / pivot);
                    Blas.dgemm(Trans.NO_TRANS, Trans.NO_TRANS, -1.0, nb.view(0, q, c, 1), ratio, 1.0, rest);
                    for (int r = 0; r < nullity - q - 1; r++) rest.set(hit, r, 0.0);
                }
            }
            List<Integer> survivors = new ArrayList<>();
            for (int i = 0; i < c; i++) if (!removed[i]) survivors.add(chunk.get(i));
            return survivors;
        }

        /** The direction (±1) along μ whose first zero crossing comes soonest: the smaller change when both cost the same. */
        private double smallerStep(double[] mu, int c) {
            double negative = 0, positive = 0;
            for (int i = 0; i < c; i++) {
                negative = Math.max(negative, -mu[i]);
                positive = Math.max(positive, mu[i]);
            }
            return negative >= positive ? 1.0 : -1.0;
        }
    }

    private static double norm(double[] v, int from, int len) {
        double s = 0;
        for (int i = from; i < from + len; i++) s += v[i] * v[i];
        return Math.sqrt(s);
    }
}
