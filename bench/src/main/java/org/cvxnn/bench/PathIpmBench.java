package org.cvxnn.bench;

import org.cvxnn.solver.certificate.PathCertificate;
import org.cvxnn.solver.combo.ComboEnumerator;
import org.cvxnn.solver.combo.ComboSampler;
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
 * Whole interior-point solves of the path-regularised three-layer program (formulations (4.2)), width
 * m1 = 2, β = {@value #BETA_FRACTION}·β_max over the combos; one solve per JMH iteration, combo
 * computation outside the measured region. Sizes: {@code "12"}, {@code "16"} — {@link PlantedThreeLayerData}
 * (d = 2, seed 1) with every combo enumerated (2652 combos at n = 12, 5786 at n = 16); {@code "NxDxC"} —
 * {@link PlantedData} (n × d Gaussian, seed 1) with the combos of C random sub-networks (seed 2), a size
 * where the n×n Schur complement dominates. Secondary results per solve: iterations, combos, the
 * seconds of the factor phase (Gram blocks, block inverses, the n×n Schur complement) and of the linear
 * solves (JMH prints their sum over the measured solves), and {@code schurGflops}: the Schur
 * accumulation's flops (n²·m1·d per combo and iteration) divided by the factor phase's seconds — a
 * lower bound on the rate of the dominant step.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgsPrepend = {"--add-modules=jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED"})
public class PathIpmBench {
    static final double BETA_FRACTION = 0.1;

    @Param({"12", "16", "400x4x3000"})
    public String size;
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
        int width = PlantedThreeLayerData.WIDTH;
        String[] parts = size.split("x");
        if (parts.length == 1) {
            design = PlantedThreeLayerData.generate(Integer.parseInt(size), false, 1).design();
            combos = new ComboEnumerator().enumerate(design, width);
        } else {
            int n = Integer.parseInt(parts[0]), d = Integer.parseInt(parts[1]);
            design = PlantedData.generate(n, d, d, 1).data();
            combos = ComboSampler.sample(design, width, Integer.parseInt(parts[2]), 2).combos();
        }
        beta = BETA_FRACTION * PathCertificate.betaMax(design, combos);
        settings = IpmSettings.defaults().withThreads(threads);
        System.out.printf("# cvxnn PathIpmBench n=%d d=%d m1=%d: %d combos (%s), beta=%.6g, threads=%d%n",
                design.n(), design.d(), width, combos.size(), parts.length == 1 ? "all" : "sampled", beta, threads);
    }

    /** Secondary results of the last solve. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class Solve {
        public double iterations, combos, factorSeconds, solveSeconds, schurGflops;

        void record(IpmResult r, Dataset design, ComboSet set) {
            iterations = r.iterations();
            combos = set.size();
            factorSeconds = r.seconds().getOrDefault("factor", 0.0);
            solveSeconds = r.seconds().getOrDefault("solve", 0.0);
            double n = design.n();
            schurGflops = r.iterations() * n * n * set.m1() * design.d() * set.size() / factorSeconds * 1e-9;
        }
    }

    @Benchmark
    public IpmResult solve(Solve out) {
        IpmResult r = PathThreeLayerSolver.solve(design, combos, beta, settings, silent);
        if (!r.status().isOptimal())
            throw new IllegalStateException("PathIpmBench " + size + ": the solve ended " + r.status() + " after " + r.iterations()
                    + " iterations (gap " + r.gapRel() + "); timing a failed solve would mislead");
        out.record(r, design, combos);
        return r;
    }
}
