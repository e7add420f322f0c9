package org.cvxnn.solver.ipm;

import org.cvxnn.linalg.MaskBits;
import org.cvxnn.linalg.Matrix;
import org.cvxnn.solver.arrangement.PatternSet;
import org.cvxnn.solver.data.Dataset;
import org.cvxnn.solver.data.ProblemArguments;

import java.io.PrintStream;
import java.lang.foreign.Arena;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Solves the two-layer convex programs with the structured interior-point method: the ReLU
 * program (formulations (1.2)) or its gated-ReLU relaxation (1.5), and certifies the result.
 *
 * <p>With {@link IpmSettings#workingSet()} and more than {@link IpmSettings#WORKING_SET_MIN_PATTERNS}
 * patterns, the method runs on a working set of masks (ipm.md §4.2): first the masks with the
 * largest {@code ‖Xᵀ D_i y‖}, then, after each solve, the masks whose dual value at the residual λ
 * exceeds β ({@link MaskPricing}) are added, until none does (when there are more of them than the
 * set holds, the next solve takes all masks). The optimum is
 * group-sparse, so the sets stay much smaller than P and each iteration costs in proportion. Masks
 * outside the set have zero weights; the certificate accounts for every mask, so the returned
 * bound and gap are those of the whole problem.
 *
 * <p>All off-heap memory of a solve lives in confined arenas closed before returning.
 */
public final class TwoLayerSolver {
    /** Masks tolerated above β in the pricing test, relative (round-off of the residual). */
    private static final double PRICING_SLACK = 1e-9;

    private TwoLayerSolver() { }

    /**
     * @param data     samples (include the bias column already if wanted); n ≥ 2
     * @param patterns activation patterns of {@code data}
     * @param beta     regularisation strength, &gt; 0
     * @param gated    true for the gated-ReLU program (no cone constraints, one block per pattern)
     * @param settings interior-point settings
     * @param log      destination of the per-iteration progress lines when {@code settings.verbose()}
     */
    public static IpmResult solve(Dataset data, PatternSet patterns, double beta, boolean gated, IpmSettings settings, PrintStream log) {
        ProblemArguments.requirePositiveBeta(beta);
        if (patterns.n() != data.n())
            throw new IllegalArgumentException("the patterns cover " + patterns.n() + " samples, the data have " + data.n());
        if (patterns.gateDim() != data.d())
            throw new IllegalArgumentException("the gates have " + patterns.gateDim() + " coordinates, the data " + data.d() + " features");
        ProblemArguments.requireSamples(data);
        if (patterns.size() == 0) throw new IllegalArgumentException("the pattern set is empty");
        long start = System.nanoTime();
        int p = patterns.size();
        try (Arena arena = Arena.ofConfined()) {
            Matrix x = Matrix.of(arena, data.n(), data.d(), data.x());
            Matrix y = Matrix.of(arena, data.n(), 1, data.y());
            boolean rounds = settings.workingSet() && p > IpmSettings.WORKING_SET_MIN_PATTERNS;
            MaskPricing pricing = null;
            int[] set = identity(p);
            if (rounds) {
                long[] words = new long[p * patterns.wordsPerPattern()];
                patterns.copyWordsTo(words);
                pricing = new MaskPricing(arena, x, data, patterns, MaskBits.of(arena, data.n(), words), !gated);
                set = largest(pricing.norms(y), new boolean[p], Math.max(IpmSettings.WORKING_SET_MIN_PATTERNS / 2, p / 8));
            }

            Map<String, Double> seconds = new LinkedHashMap<>();
            int iterations = 0;
            while (true) {
                Round round = solveOn(x, y, patterns, set, beta, gated, remainingTime(settings, start), log, pricing);
                iterations += round.outcome.iterations();
                round.seconds.forEach((k, v) -> seconds.merge(k, v, Double::sum));
                boolean[] inSet = membership(set, p);
                int[] violators = rounds && round.outcome.status().isOptimal() ? violators(round.outsideNorms, inSet, beta) : new int[0];
                if (settings.verbose() && rounds)
                    log.printf("working set: %d of %d masks, %d iterations, %d masks priced above beta%n",
                            set.length, p, round.outcome.iterations(), violators.length);
                if (violators.length == 0)
                    return result(round, iterations, fullLayout(round.certificate.weights(), set, p, gated, data.d()),
                            gated ? p : 2 * p, data.d(), seconds, start);
                // far from the optimum's support: solve on all masks; else add every violator
                int[] add = violators.length > set.length ? complement(inSet) : violators;
                int[] grown = Arrays.copyOf(set, set.length + add.length);
                System.arraycopy(add, 0, grown, set.length, add.length);
                Arrays.sort(grown);
                set = grown;
            }
        }
    }

    /** One interior-point solve on the masks {@code set}, certified for all masks ({@code pricing} null when the set is all of them). */
    private record Round(InteriorPointMethod.Outcome outcome, SolutionCertifier.Certificate certificate,
                         double[] outsideNorms, Map<String, Double> seconds) { }

    private static Round solveOn(Matrix x, Matrix y, PatternSet patterns, int[] set, double beta, boolean gated,
                                 IpmSettings settings, PrintStream log, MaskPricing pricing) {
        try (Arena arena = Arena.ofConfined()) {
            long t0 = System.nanoTime();
            PatternSet subset = set.length == patterns.size() ? patterns : patterns.subset(set);
            long[] words = new long[subset.size() * subset.wordsPerPattern()];
            subset.copyWordsTo(words);
            Matrix gates = null;
            if (!gated) {
                gates = Matrix.allocate(arena, x.cols(), subset.size());
                for (int i = 0; i < subset.size(); i++) gates.column(i).copyFrom(subset.gate(i));
            }
            TwoLayerOperator op = new TwoLayerOperator(arena, x, MaskBits.of(arena, x.rows(), words), gates, !gated);
            InteriorPointMethod ipm = new InteriorPointMethod(arena, op, y, beta, settings, log);
            double setup = (System.nanoTime() - t0) * 1e-9;
            InteriorPointMethod.Outcome out = ipm.run();
            long t1 = System.nanoTime();
            boolean[] inSet = membership(set, patterns.size());
            double[][] outside = new double[1][];
            SolutionCertifier.Certificate cert = new SolutionCertifier(arena, op, y, beta)
                    .certify(ipm.weights(), ipm.orthantMultipliers(), ipm.scratch(), lambda -> {
                        if (set.length == patterns.size()) return 0.0;
                        outside[0] = pricing.values(lambda, inSet, beta);
                        return Arrays.stream(outside[0]).max().orElse(0.0);
                    });
            Map<String, Double> seconds = new LinkedHashMap<>();
            seconds.put("setup", setup);
            seconds.putAll(out.timer().seconds());
            seconds.put("certificate", (System.nanoTime() - t1) * 1e-9);
            return new Round(out, cert, outside[0], seconds);
        }
    }

    private static IpmResult result(Round round, int iterations, double[] weights, int blocks, int d,
                                    Map<String, Double> seconds, long start) {
        SolutionCertifier.Certificate cert = round.certificate;
        InteriorPointMethod.Outcome out = round.outcome;
        double gap = cert.primal() - cert.dual();
        return new IpmResult(out.status(), iterations, cert.primal(), cert.dual(), gap, gap / Math.max(1.0, Math.abs(cert.primal())),
                out.resPrimal(), out.resDual(), weights, blocks, d, seconds, (System.nanoTime() - start) * 1e-9);
    }

    /** The settings with the time left since {@code start} (each round may use all the iterations). */
    private static IpmSettings remainingTime(IpmSettings settings, long start) {
        if (settings.timeLimit() == null) return settings;
        Duration left = settings.timeLimit().minusNanos(System.nanoTime() - start);
        return settings.withTimeLimit(left.isNegative() || left.isZero() ? Duration.ofNanos(1) : left);
    }

    private static int[] complement(boolean[] inSet) {
        return IntStream.range(0, inSet.length).filter(i -> !inSet[i]).toArray();
    }

    /** Masks outside the set whose dual value exceeds β. */
    private static int[] violators(double[] norms, boolean[] inSet, double beta) {
        return IntStream.range(0, inSet.length)
                .filter(i -> !inSet[i] && norms[i] > beta * (1 + PRICING_SLACK)).toArray();
    }

    /** Up to {@code count} masks outside {@code excluded} with the largest {@code norms}, ascending by index. */
    private static int[] largest(double[] norms, boolean[] excluded, int count) {
        int[] chosen = IntStream.range(0, norms.length).filter(i -> !excluded[i]).boxed()
                .sorted((a, b) -> Double.compare(norms[b], norms[a])).limit(count).mapToInt(Integer::intValue).toArray();
        Arrays.sort(chosen);
        return chosen;
    }

    private static int[] identity(int p) {
        int[] all = new int[p];
        Arrays.setAll(all, i -> i);
        return all;
    }

    private static boolean[] membership(int[] set, int p) {
        boolean[] in = new boolean[p];
        for (int i : set) in[i] = true;
        return in;
    }

    /**
     * Weights of a solve on {@code set} placed in the layout of the whole problem: block i (and
     * P + i for the ReLU program's w-blocks) of mask {@code set[k]} from block k (and |set| + k).
     */
    private static double[] fullLayout(double[] sub, int[] set, int p, boolean gated, int d) {
        if (set.length == p) return sub;
        int halves = gated ? 1 : 2;
        double[] full = new double[halves * p * d];
        for (int h = 0; h < halves; h++)
            for (int k = 0; k < set.length; k++)
                System.arraycopy(sub, (h * set.length + k) * d, full, (h * p + set[k]) * d, d);
        return full;
    }
}
