package org.cvxnn.solver.certificate;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Objects;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

import org.cvxnn.solver.arrangement.PatternSet;
import org.cvxnn.solver.data.Dataset;

/**
 * Evaluates the dual constraint function {@code σ(v) = max_{‖u‖<=1} |vᵀ(Xu)_+|} restricted to a
 * pattern set: {@code σ(v) = max_i max_± ‖Π_{K_i}(±XᵀD_i v)‖} (formulations §1.6, step 2). With the
 * complete set of patterns of X this is the exact σ(v); with a subset it can only be smaller.
 *
 * <p>Most patterns never need an exact projection. The pattern whose generating gate is best
 * aligned with {@code ±XᵀD_i v} is projected first, and its value becomes a cutoff. The others are
 * visited in decreasing order of {@code ‖XᵀD_i v‖} (an upper bound on their value), and each
 * projection stops as soon as its iterates (also upper bounds) fall below the cutoff, which rises
 * as better patterns are found. Patterns are scanned in parallel on the common fork-join pool.
 * The value is deterministic. Only an exact tie between patterns can be resolved differently
 * from run to run.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class PatternDualNorm {
    private final int n;
    private final int d;
    /** X row-major, n×d. */
    private final double[] rowMajor;
    private final int size;
    private final int wordsPerPattern;
    private final long[] words;
    /** Generating gates scaled to unit length (zero gates stay zero), row-major size×d. */
    private final double[] unitGates;
    private final PolyhedralConeProjector projector;

    /**
     * @param data     the feature matrix X (with its bias column, if the model has one)
     * @param patterns activation patterns of that X
     * @throws IllegalArgumentException if the patterns do not belong to data of this shape, or if
     *                                  the set is empty
     */
    public PatternDualNorm(Dataset data, PatternSet patterns) {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(patterns, "patterns");
        if (patterns.n() != data.n())
            throw new IllegalArgumentException("the patterns cover " + patterns.n() + " rows, the data have n = " + data.n());
        if (patterns.gateDim() != data.d())
            throw new IllegalArgumentException("the pattern gates have dimension " + patterns.gateDim()
                    + ", the data have d = " + data.d() + " features (include the bias column in both or in neither)");
        if (patterns.size() == 0)
            throw new IllegalArgumentException("the pattern set is empty; σ(v) needs at least one pattern");
        this.n = data.n();
        this.d = data.d();
        this.rowMajor = new double[n * d];
        for (int r = 0; r < n; r++)
            for (int j = 0; j < d; j++) rowMajor[r * d + j] = data.x()[r + j * n];
        this.size = patterns.size();
        this.wordsPerPattern = patterns.wordsPerPattern();
        this.words = new long[size * wordsPerPattern];
        patterns.copyWordsTo(words);
        this.unitGates = new double[size * d];
        for (int i = 0; i < size; i++) {
            double[] gate = patterns.gate(i);
            double norm = norm(gate);
            for (int j = 0; j < d; j++) unitGates[i * d + j] = norm > 0 ? gate[j] / norm : 0.0;
        }
        this.projector = new PolyhedralConeProjector(data);
    }

    /** σ(v) and a maximising pattern and sign; {@code v} has length n. */
    public DualNorm evaluate(double[] v) {
        Objects.requireNonNull(v, "v");
        if (v.length != n)
            throw new IllegalArgumentException("v has length " + v.length + ", the data have n = " + n + " samples");
        double[] bound = new double[size];
        double[] alignment = new double[size];
        forEachChunk(size, (from, to) -> {
            double[] g = new double[d];
            for (int i = from; i < to; i++) {
                correlation(i, v, g);
                bound[i] = norm(g);
                double a = 0;
                for (int j = 0; j < d; j++) a += g[j] * unitGates[i * d + j];
                alignment[i] = Math.abs(a);
            }
        });
        int first = 0;
        for (int i = 1; i < size; i++) if (alignment[i] > alignment[first]) first = i;
        DualNorm best = bestSign(first, v, new double[d], projector.newWorkspace(), 0.0);

        Integer[] order = new Integer[size];
        for (int i = 0; i < size; i++) order[i] = i;
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> -bound[i]).thenComparingInt(i -> i));
        AtomicLong cutoff = new AtomicLong(Double.doubleToLongBits(best.value()));
        int workers = Math.min(size, ForkJoinPool.getCommonPoolParallelism() + 1);
        DualNorm[] found = new DualNorm[workers];
        int skip = first;
        IntStream.range(0, workers).parallel().forEach(w ->
                found[w] = scanStrided(v, order, bound, w, workers, skip, cutoff));
        for (DualNorm candidate : found) best = better(best, candidate);
        return best;
    }

    /**
     * Scans {@code order[start], order[start + stride], …} until the bound drops to the shared
     * cutoff; returns the best value reaching the cutoff (nonnegative doubles compare like their bits).
     */
    private DualNorm scanStrided(double[] v, Integer[] order, double[] bound, int start, int stride, int skip, AtomicLong cutoff) {
        PolyhedralConeProjector.Workspace ws = projector.newWorkspace();
        double[] g = new double[d];
        DualNorm best = DualNorm.ZERO;
        for (int k = start; k < size; k += stride) {
            int i = order[k];
            double c = Double.longBitsToDouble(cutoff.get());
            if (bound[i] <= c) break;
            if (i == skip) continue;
            DualNorm candidate = bestSign(i, v, g, ws, c);
            if (candidate.value() >= c) {
                best = better(best, candidate);
                cutoff.accumulateAndGet(Double.doubleToLongBits(candidate.value()), Math::max);
            }
        }
        return best;
    }

    /** The larger of two values; ties go to the lower pattern index, then to the + sign. */
    private static DualNorm better(DualNorm a, DualNorm b) {
        if (b.value() != a.value()) return b.value() > a.value() ? b : a;
        if (b.pattern() < 0 || a.pattern() < 0) return a.pattern() < 0 ? b : a;
        if (b.pattern() != a.pattern()) return b.pattern() < a.pattern() ? b : a;
        return b.sign() > a.sign() ? b : a;
    }

    /** Pattern {@code i}'s value, exact if at least {@code stopBelow} (else only known to be below it). */
    private DualNorm bestSign(int i, double[] v, double[] g, PolyhedralConeProjector.Workspace ws, double stopBelow) {
        int offset = i * wordsPerPattern;
        correlation(i, v, g);
        double plus = projector.project(words, offset, g, ws, stopBelow).norm();
        for (int j = 0; j < d; j++) g[j] = -g[j];
        double minus = projector.project(words, offset, g, ws, Math.max(stopBelow, plus)).norm();
        double value = Math.max(plus, minus);
        return value > 0 ? new DualNorm(value, i, plus >= minus ? 1 : -1) : DualNorm.ZERO;
    }

    /** Writes {@code g = XᵀD_i v} into {@code g}. */
    private void correlation(int i, double[] v, double[] g) {
        Arrays.fill(g, 0.0);
        int base = i * wordsPerPattern;
        for (int w = 0; w < wordsPerPattern; w++) {
            long bits = words[base + w];
            while (bits != 0) {
                int r = (w << 6) + Long.numberOfTrailingZeros(bits);
                bits &= bits - 1;
                double vr = v[r];
                if (vr == 0) continue;
                int row = r * d;
                for (int j = 0; j < d; j++) g[j] += vr * rowMajor[row + j];
            }
        }
    }

    private static double norm(double[] g) {
        double s = 0;
        for (double x : g) s += x * x;
        return Math.sqrt(s);
    }

    /** Runs {@code task} over {@code [0, count)} in contiguous chunks, a few per available thread. */
    private static void forEachChunk(int count, ChunkTask task) {
        int chunks = Math.min(count, 4 * (ForkJoinPool.getCommonPoolParallelism() + 1));
        IntStream.range(0, chunks).parallel().forEach(c ->
                task.run((int) ((long) count * c / chunks), (int) ((long) count * (c + 1) / chunks)));
    }

    @FunctionalInterface
    private interface ChunkTask {
        void run(int from, int to);
    }
}
