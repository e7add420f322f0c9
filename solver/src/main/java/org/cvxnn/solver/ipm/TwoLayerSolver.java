package org.cvxnn.solver.ipm;

import org.cvxnn.linalg.MaskBits;
import org.cvxnn.linalg.Matrix;
import org.cvxnn.solver.arrangement.PatternSet;
import org.cvxnn.solver.data.Dataset;

import java.io.PrintStream;
import java.lang.foreign.Arena;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Solves the two-layer convex programs with the structured interior-point method: the ReLU
 * program (formulations (1.2)) or its gated-ReLU relaxation (1.5), and certifies the result.
 * All off-heap memory of a solve lives in one confined arena closed before returning.
 */
public final class TwoLayerSolver {
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
        if (!(beta > 0) || !Double.isFinite(beta)) throw new IllegalArgumentException("beta must be a positive number, got " + beta);
        if (patterns.n() != data.n())
            throw new IllegalArgumentException("the patterns cover " + patterns.n() + " samples, the data have " + data.n());
        if (patterns.gateDim() != data.d())
            throw new IllegalArgumentException("the gates have " + patterns.gateDim() + " coordinates, the data " + data.d() + " features");
        if (data.n() < 2) throw new IllegalArgumentException("need at least 2 samples, got " + data.n());
        if (patterns.size() == 0) throw new IllegalArgumentException("the pattern set is empty");
        long start = System.nanoTime();
        try (Arena arena = Arena.ofConfined()) {
            long t0 = System.nanoTime();
            Matrix x = Matrix.of(arena, data.n(), data.d(), data.x());
            Matrix y = Matrix.of(arena, data.n(), 1, data.y());
            long[] words = new long[patterns.size() * patterns.wordsPerPattern()];
            patterns.copyWordsTo(words);
            MaskBits masks = MaskBits.of(arena, data.n(), words);
            TwoLayerOperator op = new TwoLayerOperator(arena, x, masks, !gated);
            InteriorPointMethod ipm = new InteriorPointMethod(arena, op, y, beta, settings, log);
            double setup = (System.nanoTime() - t0) * 1e-9;
            InteriorPointMethod.Outcome out = ipm.run();
            long t1 = System.nanoTime();
            SolutionCertifier.Certificate cert = new SolutionCertifier(arena, op, x, y, beta, patterns)
                    .certify(ipm.weights(), ipm.orthantMultipliers(), ipm.scratch());
            Map<String, Double> seconds = new LinkedHashMap<>();
            seconds.put("setup", setup);
            seconds.putAll(out.timer().seconds());
            seconds.put("certificate", (System.nanoTime() - t1) * 1e-9);
            return new IpmResult(out.status(), out.iterations(), cert.primal(), cert.dual(), cert.primal() - cert.dual(),
                    (cert.primal() - cert.dual()) / Math.max(1.0, Math.abs(cert.primal())), out.resPrimal(), out.resDual(),
                    cert.weights(), op.blocks(), op.d(), seconds, (System.nanoTime() - start) * 1e-9);
        }
    }
}
