package org.cvxnn.bench;

import org.cvxnn.solver.certificate.PathCertificate;
import org.cvxnn.solver.combo.ComboEnumerator;
import org.cvxnn.solver.combo.ComboSet;
import org.cvxnn.solver.data.Dataset;
import org.cvxnn.solver.ipm.IpmResult;
import org.cvxnn.solver.ipm.IpmSettings;
import org.cvxnn.solver.ipm.PathThreeLayerSolver;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.concurrent.TimeUnit;

/**
 * Whole interior-point solves of the path-regularised three-layer program (formulations (4.2)) on
 * {@link PlantedThreeLayerData} (d = 2, seed 1) with all combos of width m1 = 2 enumerated (2652
 * combos at n = 12, 5792 at n = 16), β = {@value #BETA_FRACTION}·β_max; one solve per JMH iteration.
 * Combo enumeration is outside the measured region. Secondary results per solve: iterations,
 * combos, and the seconds of the factor phase (Gram blocks, block inverses, the n×n Schur complement)
 * and of the linear solves (as in {@link IpmBench}, JMH prints their sum over the measured solves).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgsPrepend = {"--add-modules=jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED"})
public class PathIpmBench {
    static final double BETA_FRACTION = 0.1;

    @Param({"12", "16"})
    public int n;
    /** OpenBLAS threads of the solve. */
    @Param({"2"})
    public int threads;

    private Dataset design;
    private ComboSet combos;
    private double beta;
    private IpmSettings settings;
    private final PrintStream silent = new PrintStream(OutputStream.nullOutputStream());

    @Setup(Level.Trial)
    public void setUp() {
        design = PlantedThreeLayerData.generate(n, false, 1).design();
        combos = new ComboEnumerator().enumerate(design, PlantedThreeLayerData.WIDTH);
        beta = BETA_FRACTION * PathCertificate.betaMax(design, combos);
        settings = IpmSettings.defaults().withThreads(threads);
        System.out.printf("# cvxnn PathIpmBench n=%d d=%d m1=%d: %d combos, beta=%.6g, threads=%d%n",
                n, design.d(), PlantedThreeLayerData.WIDTH, combos.size(), beta, threads);
    }

    /** Secondary results of the last solve. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class Solve {
        public double iterations, combos, factorSeconds, solveSeconds;

        void record(IpmResult r, int comboCount) {
            iterations = r.iterations();
            combos = comboCount;
            factorSeconds = r.seconds().getOrDefault("factor", 0.0);
            solveSeconds = r.seconds().getOrDefault("solve", 0.0);
        }
    }

    @Benchmark
    public IpmResult solve(Solve out) {
        IpmResult r = PathThreeLayerSolver.solve(design, combos, beta, settings, silent);
        if (!r.status().isOptimal())
            throw new IllegalStateException("PathIpmBench n=" + n + ": the solve ended " + r.status() + " after " + r.iterations()
                    + " iterations (gap " + r.gapRel() + "); timing a failed solve would mislead");
        out.record(r, combos.size());
        return r;
    }
}
