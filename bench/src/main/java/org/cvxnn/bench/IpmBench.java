package org.cvxnn.bench;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.cvxnn.solver.ConvexSolution;
import org.cvxnn.solver.ModelKind;
import org.cvxnn.solver.PatternSource;
import org.cvxnn.solver.TwoLayerProblem;
import org.cvxnn.solver.ipm.IpmSettings;
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

/**
 * Whole interior-point solves of the ReLU program ({@link ModelKind#RELU2}) on {@link PlantedData}
 * (seed 1; β = {@value PlantedData#BETA_FRACTION}·β_ref) with P sampled gates (seed 1), one solve
 * per JMH iteration ({@link Mode#SingleShotTime}; a solve takes seconds to minutes).
 *
 * <p>{@code size} = {@code n×d×P}: 500×20×200, 1000×20×500, 2000×50×1000. Data and pattern sampling
 * are built once per trial, outside the measured region; the measured region is
 * {@link TwoLayerProblem#solve} with default settings and {@code threads} OpenBLAS threads — set-up of
 * the off-heap workspaces, the iterations, the certificate and the weight recovery. {@code precision}
 * compares the mixed-precision Schur complement with the exact double-precision one in the same run.
 *
 * <p>Secondary results ({@link Solve}, {@code @AuxCounters} of type EVENTS): per solve, the
 * iteration count, the patterns after de-duplication and the solver's own phase seconds
 * ({@link ConvexSolution#seconds()}: setup, initialise, residuals, scaling, factor, solve,
 * certificate, recovery). They are assigned (not accumulated) after each solve, so each JMH
 * iteration's value is that solve's ({@code rawData} in the JSON results). Note that JMH's printed
 * score of an EVENTS counter is the <em>sum</em> over the measurement iterations (Cnt); {@code
 * BenchMain --report} prints the per-solve means. A solve that does not end SOLVED or ALMOST_SOLVED
 * fails the run.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgsPrepend = {"--add-modules=jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED",
        "-XX:+UseParallelGC", "-Xmn64m"})
public class IpmBench {

    @Param({"500x20x200", "1000x20x500", "2000x50x1000"})
    public String size;
    /** OpenBLAS threads of the solve (the solver's default is all processors). */
    @Param({"1"})
    public int threads;
    /**
     * Schur complement: {@code mixed} (the default, {@link IpmSettings#mixedPrecision()}) or
     * {@code double} (formed exactly, the baseline).
     */
    @Param({"mixed", "double"})
    public String precision;

    private TwoLayerProblem problem;
    private IpmSettings settings;
    private final PrintStream silent = new PrintStream(OutputStream.nullOutputStream());

    @Setup(Level.Trial)
    public void setUp() {
        String[] f = size.split("x");
        if (f.length != 3) throw new IllegalArgumentException("size must be n x d x P, like 500x20x200; got " + size);
        int n = Integer.parseInt(f[0]), d = Integer.parseInt(f[1]), p = Integer.parseInt(f[2]);
        PlantedData planted = PlantedData.generate(n, d, d, 1);
        problem = TwoLayerProblem.builder(planted.data()).model(ModelKind.RELU2).beta(planted.beta()).bias(false)
                .patterns(PatternSource.sampled(p, 1)).build();
        if (!precision.equals("mixed") && !precision.equals("double"))
            throw new IllegalArgumentException("precision must be mixed or double; got " + precision);
        settings = IpmSettings.defaults().withThreads(threads).withMixedPrecision(precision.equals("mixed"));
        System.out.printf("# cvxnn IpmBench n=%d d=%d P=%d: %d patterns after de-duplication, beta=%.6g, threads=%d%n",
                n, d, p, problem.patterns().size(), planted.beta(), threads);
    }

    /** Secondary results of the last solve (see the class comment). */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class Solve {
        public double iterations, patterns;
        public double setupSeconds, initialiseSeconds, residualsSeconds, scalingSeconds, factorSeconds, solveSeconds,
                certificateSeconds, recoverySeconds;

        void record(ConvexSolution s) {
            Map<String, Double> t = s.seconds();
            iterations = s.iterations();
            patterns = s.patterns();
            setupSeconds = t.getOrDefault("setup", 0.0);
            initialiseSeconds = t.getOrDefault("initialise", 0.0);
            residualsSeconds = t.getOrDefault("residuals", 0.0);
            scalingSeconds = t.getOrDefault("scaling", 0.0);
            factorSeconds = t.getOrDefault("factor", 0.0);
            solveSeconds = t.getOrDefault("solve", 0.0);
            certificateSeconds = t.getOrDefault("certificate", 0.0);
            recoverySeconds = t.getOrDefault("recovery", 0.0);
        }
    }

    @Benchmark
    public ConvexSolution solve(Solve out) {
        ConvexSolution s = problem.solve(settings, silent);
        if (!s.status().isOptimal())
            throw new IllegalStateException("IpmBench " + size + ": the solve ended " + s.status() + " after " + s.iterations()
                    + " iterations (gap " + s.gapRel() + "); timing a failed solve would mislead");
        out.record(s);
        return s;
    }
}
