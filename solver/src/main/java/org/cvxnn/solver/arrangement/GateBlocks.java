package org.cvxnn.solver.arrangement;

import org.cvxnn.solver.data.Dataset;

/**
 * Patterns {@code 1[X g ≥ 0]} of many gates, computed a block of gates at a time and collected
 * into a {@link PatternCollector} (duplicates and zero features dropped, first gate kept).
 */
final class GateBlocks {
    /** Gates per block, unless the {@code n × block} product panel would exceed {@link #PANEL_LIMIT}. */
    private static final int BLOCK = 256;
    /** Largest product panel, in doubles (8 MiB). */
    private static final int PANEL_LIMIT = 1 << 20;

    /** Writes {@code count} gates (row-major, {@code d} values each) into {@code dst}, starting at gate {@code first}. */
    @FunctionalInterface
    interface GateSource {
        void fill(double[] dst, int first, int count);
    }

    private GateBlocks() {}

    /** Collects the patterns of {@code gateCount} gates supplied block by block, in order. */
    static PatternCollector collect(Dataset data, int gateCount, GateSource source) {
        int n = data.n(), d = data.d();
        int wpp = PatternSet.wordsFor(n);
        int block = Math.max(1, Math.min(BLOCK, PANEL_LIMIT / n));
        PatternCollector collector = new PatternCollector(n, d, nonzeroRows(data));
        double[] gates = new double[block * d];
        double[] panel = new double[n * block];
        long[] words = new long[block * wpp];
        for (int first = 0; first < gateCount; first += block) {
            int count = Math.min(block, gateCount - first);
            source.fill(gates, first, count);
            signPatterns(data.x(), n, d, gates, count, panel, words);
            for (int j = 0; j < count; j++) collector.add(words, j * wpp, gates, j * d);
        }
        return collector;
    }

    /**
     * The block step: {@code panel = X G} ({@code n × count}, column-major) and pattern {@code j} =
     * {@code 1[panel(:, j) ≥ 0]} into {@code words[j*wpp ..]}, bits past {@code n} zero.
     *
     * @param x      {@code n × d} data, column-major (read)
     * @param gates  {@code count} gates of {@code d} values each, i.e. G column-major (read)
     * @param panel  product workspace, at least {@code n * count} (written)
     * @param words  pattern words, at least {@code count * wordsFor(n)} (written)
     */
    static void signPatterns(double[] x, int n, int d, double[] gates, int count, double[] panel, long[] words) {
        int wpp = PatternSet.wordsFor(n);
        for (int j = 0; j < count; j++) {
            int col = j * n;
            double g0 = gates[j * d];
            for (int i = 0; i < n; i++) panel[col + i] = x[i] * g0;
            for (int k = 1; k < d; k++) {
                double gk = gates[j * d + k];
                if (gk == 0.0) continue;
                int xk = k * n;
                for (int i = 0; i < n; i++) panel[col + i] += x[xk + i] * gk;
            }
            for (int w = 0; w < wpp; w++) {
                int base = col + 64 * w;
                int bits = Math.min(64, n - 64 * w);
                long word = 0;
                for (int b = 0; b < bits; b++) {
                    if (panel[base + b] >= 0) word |= 1L << b;
                }
                words[j * wpp + w] = word;
            }
        }
    }

    /** Bit mask of the rows of X with at least one nonzero entry. */
    static long[] nonzeroRows(Dataset data) {
        int n = data.n();
        long[] mask = new long[PatternSet.wordsFor(n)];
        double[] x = data.x();
        for (int j = 0; j < data.d(); j++) {
            for (int i = 0; i < n; i++) {
                if (x[i + j * n] != 0.0) mask[i >>> 6] |= 1L << (i & 63);
            }
        }
        return mask;
    }
}
