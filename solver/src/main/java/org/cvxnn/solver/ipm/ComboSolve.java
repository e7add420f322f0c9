package org.cvxnn.solver.ipm;

import org.cvxnn.linalg.Matrix;
import org.cvxnn.solver.data.Dataset;
import org.cvxnn.solver.data.ProblemArguments;

import java.io.PrintStream;
import java.lang.foreign.Arena;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * The solve shared by the combo programs ({@link PathThreeLayerSolver}, {@link PathTreeSolver}):
 * argument checks, then the interior-point method on the program's operator and the certificate of
 * its result, all off-heap memory in a confined arena closed before returning.
 */
final class ComboSolve {
    private ComboSolve() { }

    /** Rejects β not positive, combos over {@code combosN} rows or {@code combosD} features not those of {@code design}, or n &lt; 2. */
    static void checkArguments(Dataset design, int combosN, int combosD, double beta) {
        ProblemArguments.requirePositiveBeta(beta);
        if (combosN != design.n())
            throw new IllegalArgumentException("the combos cover " + combosN + " samples, the data have " + design.n());
        if (combosD != design.d())
            throw new IllegalArgumentException("the combos are for " + combosD + " features, the data have " + design.d());
        ProblemArguments.requireSamples(design);
    }

    /**
     * Solves and certifies the program whose operator {@code operator} builds on X (both in the arena
     * it is given); the seconds are setup, the IPM's phases and certificate.
     */
    static IpmResult solve(Dataset design, double beta, IpmSettings settings, PrintStream log,
                           BiFunction<Arena, Matrix, BlockOperator> operator) {
        long start = System.nanoTime();
        try (Arena arena = Arena.ofConfined()) {
            Matrix x = Matrix.of(arena, design.n(), design.d(), design.x());
            Matrix y = Matrix.of(arena, design.n(), 1, design.y());
            BlockOperator op = operator.apply(arena, x);
            InteriorPointMethod ipm = new InteriorPointMethod(arena, op, y, beta, settings, log);
            double setup = (System.nanoTime() - start) * 1e-9;
            InteriorPointMethod.Outcome out = ipm.run();
            long t1 = System.nanoTime();
            SolutionCertifier.Certificate cert = new SolutionCertifier(arena, op, y, beta)
                    .certify(ipm.weights(), ipm.orthantMultipliers(), ipm.scratch(), lambda -> 0.0);
            Map<String, Double> seconds = new LinkedHashMap<>();
            seconds.put("setup", setup);
            seconds.putAll(out.timer().seconds());
            seconds.put("certificate", (System.nanoTime() - t1) * 1e-9);
            double gap = cert.primal() - cert.dual();
            return new IpmResult(out.status(), out.iterations(), cert.primal(), cert.dual(), gap,
                    gap / Math.max(1.0, Math.abs(cert.primal())), out.resPrimal(), out.resDual(), cert.weights(),
                    op.blocks(), op.d(), seconds, (System.nanoTime() - start) * 1e-9);
        }
    }
}
