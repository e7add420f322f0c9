package org.cvxnn.bench;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.cvxnn.solver.ModelKind;
import org.cvxnn.solver.baseline.BaselineSearch;
import org.cvxnn.solver.baseline.ObjectiveTrace;
import org.cvxnn.solver.baseline.Optimizer;
import org.cvxnn.solver.baseline.ParallelThreeLayerNetwork;
import org.cvxnn.solver.baseline.ThreeLayerPenalty;
import org.cvxnn.solver.baseline.ThreeLayerTrainer;
import org.cvxnn.solver.baseline.TrainingResult;
import org.cvxnn.solver.baseline.TrainingSettings;
import org.cvxnn.solver.baseline.TrainingStatus;
import org.cvxnn.solver.certificate.PathCertificate;
import org.cvxnn.solver.certificate.Scope;
import org.cvxnn.solver.certificate.WeightDecayCertificate;
import org.cvxnn.solver.combo.ComboEnumerator;
import org.cvxnn.solver.combo.ComboSet;
import org.cvxnn.solver.data.Dataset;
import org.cvxnn.solver.ipm.IpmResult;
import org.cvxnn.solver.ipm.IpmSettings;
import org.cvxnn.solver.ipm.PathThreeLayerSolver;
import org.cvxnn.solver.ipm.WeightDecayThreeLayerSolver;

/**
 * The seed paper's Figure 4 for parallel three-layer ReLU networks: training objective against
 * wall-clock time of seeded Adam/SGD trials for several numbers of sub-networks K (width m1 = 2),
 * compared with the certified optimum of the convex program — for the path-regularised model
 * ({@code --model path3}, formulations §4.1–4.2, program (4.2), the default) or the paper's
 * weight-decay model ({@code --model relu3}, (3.1), program (3.4)). Below, "the objective" is (4.1)
 * resp. (3.1), "the certificate" {@link PathCertificate} resp. {@link WeightDecayCertificate}.
 *
 * <p>Protocol:
 * <ul>
 *   <li>data: {@link PlantedThreeLayerData} (n samples, 2 columns, seeded);</li>
 *   <li>every combo of the design for m1 = 2 by exact enumeration ({@link ComboEnumerator});
 *       β = fraction · β_max (the certificate's {@code betaMax});</li>
 *   <li>trials: {@link ThreeLayerTrainer} with the model's {@link ThreeLayerPenalty}, training seed
 *       {@code seed + trial}; Adam full batch, learning rate {@value #ADAM_STEP}; SGD minibatches of
 *       {@value #SGD_BATCH} rows, learning rate {@value #SGD_STEP_FACTOR} × {@link BaselineSearch#referenceStep}; the
 *       objective is traced about {@value #TRACE_POINTS} times per trial;</li>
 *   <li>convex optimum F*: {@link PathThreeLayerSolver} resp. {@link WeightDecayThreeLayerSolver} on the same data, combos and β (default
 *       {@link IpmSettings}); it returns a certified objective F* (attained by the recovered network)
 *       and a rigorous dual bound D ≤ optimum. Excess columns are relative to F*;</li>
 *   <li>lower bound LB (additional information): the largest certificate lower bound
 *       (scope {@link Scope#ALL_PATTERNS}, rigorous since the combos are complete) over every
 *       trained network.</li>
 * </ul>
 * Checks, each failure of which would be a bug: every traced and final objective is at least D and
 * at least LB; the recovered network's objective equals F* to {@value #RECOVERY_TOLERANCE}
 * relative; LB ≤ F*. The run reports them and exits with status 1 if one fails.
 * Trials and the convex solve run one after another, each after an unrecorded warm-up run, so their
 * times are comparable.
 *
 * <p>Outputs in {@code --out}: {@value #TRACES} (K, optimizer, trial, epoch, seconds, objective),
 * {@value #SUMMARY} (the Markdown summary, also printed) and {@value #PLOT}.
 */
public final class Figure4 {
    /** Adam's learning rate. */
    static final double ADAM_STEP = 1e-2;
    /** SGD's learning rate as a multiple of {@link BaselineSearch#referenceStep} (1 diverges for large K). */
    static final double SGD_STEP_FACTOR = 0.3;
    /** SGD's minibatch size (clamped to n). */
    static final int SGD_BATCH = 4;
    /** About this many trace points per trial. */
    static final int TRACE_POINTS = 200;
    /** Epochs of the unrecorded JIT warm-up run per optimizer. */
    static final int WARMUP_EPOCHS = 2000;
    /** Relative slack of the "objective ≥ bound" checks (rounding in the objective and the bound). */
    static final double TOLERANCE = 1e-9;
    /** Largest relative difference between the recovered network's objective and F*. */
    static final double RECOVERY_TOLERANCE = 1e-7;
    static final String TRACES = "traces.csv";
    static final String SUMMARY = "summary.md";
    static final String PLOT = "figure4.png";

    private Figure4() { }

    /** One training trial. */
    record Trial(int k, Optimizer optimizer, int trial, TrainingResult<ParallelThreeLayerNetwork> result) { }

    /**
     * The convex solve and the network recovered from it.
     *
     * @param result           the certified solution of the convex program
     * @param network          the network recovered from it
     * @param networkObjective that network's objective
     */
    record Convex(IpmResult result, ParallelThreeLayerNetwork network, double networkObjective) {
        /** Whether the network's objective equals F* to {@link #RECOVERY_TOLERANCE} relative. */
        boolean recovered() {
            return Math.abs(networkObjective - result.objective())
                    <= RECOVERY_TOLERANCE * Math.max(Math.abs(result.objective()), Double.MIN_NORMAL);
        }
    }

    /**
     * Outcome of the checks.
     *
     * @param belowDual   traced or final objectives below the convex dual bound D
     * @param belowLb     traced or final objectives below LB
     * @param recovered   whether the recovered network's objective equals F*
     * @param lbBelowOpt  whether LB ≤ F* (up to rounding)
     */
    record Checks(int belowDual, int belowLb, boolean recovered, boolean lbBelowOpt) {
        /** The number of failed checks (0 when all pass). */
        int failures() {
            return (belowDual > 0 ? 1 : 0) + (belowLb > 0 ? 1 : 0) + (recovered ? 0 : 1) + (lbBelowOpt ? 0 : 1);
        }
    }

    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true");
        if (java.util.Arrays.asList(args).contains("--help") || java.util.Arrays.asList(args).contains("-h")) {
            System.out.println(Figure4Options.USAGE);
            return;
        }
        Figure4Options o;
        try {
            o = Figure4Options.parse(args);
            Files.createDirectories(o.out());
        } catch (IllegalArgumentException e) {
            System.err.println("figure4: " + e.getMessage());
            System.exit(2);
            return;
        } catch (IOException e) {
            System.err.println("figure4: cannot create the output directory: " + e.getMessage());
            System.exit(2);
            return;
        }
        try {
            if (run(o) > 0) System.exit(1);
        } catch (IOException e) {
            System.err.println("figure4: cannot write the results: " + e.getMessage());
            System.exit(2);
        }
    }

    /** Runs the experiment and writes the outputs; returns the number of failed checks (0 if all pass). */
    static int run(Figure4Options o) throws IOException {
        PlantedThreeLayerData planted = PlantedThreeLayerData.generate(o.n(), o.bias(), o.seed());
        Dataset design = planted.design();
        long t0 = System.nanoTime();
        ComboSet combos = new ComboEnumerator().enumerate(design, PlantedThreeLayerData.WIDTH);
        double enumerationSeconds = (System.nanoTime() - t0) * 1e-9;
        double betaMax = o.model() == ModelKind.RELU3 ? WeightDecayCertificate.betaMax(design, combos)
                : PathCertificate.betaMax(design, combos);
        double beta = o.betaFraction() * betaMax;

        warmUp(design, beta, o);
        List<Trial> trials = new ArrayList<>();
        for (int k : o.ks())
            for (Optimizer opt : o.optimizers())
                for (int t = 0; t < o.trials(); t++) trials.add(train(design, beta, k, opt, t, o));

        Convex convex = solveConvex(o.model(), design, combos, beta);

        double lb = 0;
        Trial lbSource = null;
        for (Trial t : trials) {
            double bound = lowerBound(o.model(), t.result().network(), design, combos, beta);
            if (bound > lb) { lb = bound; lbSource = t; }
        }
        int belowDual = countBelow(trials, convex.result().dualBound()), belowLb = countBelow(trials, lb);
        Checks checks = new Checks(belowDual, belowLb, convex.recovered(), !belowBound(convex.result().objective(), lb));

        writeTraces(trials, o.out().resolve(TRACES));
        String summary = summary(o, design, combos.size(), enumerationSeconds, betaMax, beta, planted.planted(), trials,
                convex, lb, lbSource, checks);
        Files.writeString(o.out().resolve(SUMMARY), summary, StandardCharsets.UTF_8);
        if (convex.result().objective() > 0) TracePlot.write(plot(o, design, trials, convex, lb, beta), o.out().resolve(PLOT));
        else System.err.println("figure4: the convex optimum is 0, no log-scale plot");
        System.out.print(summary);
        System.out.println("\nfigure4: wrote " + o.out().resolve(TRACES) + ", " + o.out().resolve(SUMMARY) + ", "
                + o.out().resolve(PLOT));
        if (checks.failures() > 0) System.err.println("figure4: " + checks.failures() + " check(s) failed (a bug), see the summary");
        return checks.failures();
    }

    /** Solves the model's convex program after an unrecorded warm-up solve and recovers the network. */
    private static Convex solveConvex(ModelKind model, Dataset design, ComboSet combos, double beta) {
        solve(model, design, combos, beta);
        IpmResult r = solve(model, design, combos, beta);
        ParallelThreeLayerNetwork net = model == ModelKind.RELU3 ? WeightDecayThreeLayerSolver.network(combos, r)
                : PathThreeLayerSolver.network(combos, r);
        return new Convex(r, net, objective(model, net, design, beta));
    }

    private static IpmResult solve(ModelKind model, Dataset design, ComboSet combos, double beta) {
        return model == ModelKind.RELU3 ? WeightDecayThreeLayerSolver.solve(design, combos, beta, IpmSettings.defaults(), System.out)
                : PathThreeLayerSolver.solve(design, combos, beta, IpmSettings.defaults(), System.out);
    }

    /** The model's objective, (4.1) or (3.1). */
    private static double objective(ModelKind model, ParallelThreeLayerNetwork net, Dataset design, double beta) {
        return model == ModelKind.RELU3 ? net.objective(design, beta) : net.pathObjective(design, beta);
    }

    /** The model's rigorous lower bound (all combos are enumerated) from the residual of {@code net}. */
    private static double lowerBound(ModelKind model, ParallelThreeLayerNetwork net, Dataset design, ComboSet combos, double beta) {
        return model == ModelKind.RELU3 ? WeightDecayCertificate.of(net, design, combos, beta, Scope.ALL_PATTERNS).lowerBound()
                : PathCertificate.of(net, design, combos, beta, Scope.ALL_PATTERNS).lowerBound();
    }

    /** The traced and final objectives of all trials that lie below {@code bound} by more than rounding. */
    private static int countBelow(List<Trial> trials, double bound) {
        int below = 0;
        for (Trial t : trials) {
            for (double f : t.result().trace().objectives()) if (belowBound(f, bound)) below++;
            if (belowBound(t.result().objective(), bound)) below++;
        }
        return below;
    }

    /** Whether {@code objective} lies below the bound {@code lb} by more than rounding. */
    static boolean belowBound(double objective, double lb) {
        return objective < lb - TOLERANCE * Math.max(1.0, Math.abs(lb));
    }

    /** Unrecorded short runs of every optimizer at the largest K, so the JIT does not bill the first trials. */
    private static void warmUp(Dataset design, double beta, Figure4Options o) {
        int k = o.ks().stream().mapToInt(Integer::intValue).max().orElseThrow();
        Figure4Options shortRun = new Figure4Options(o.model(), o.out(), o.n(), o.bias(), o.seed(), 1, Math.min(o.epochs(), WARMUP_EPOCHS),
                o.ks(), o.optimizers(), o.betaFraction());
        for (Optimizer opt : o.optimizers()) train(design, beta, k, opt, 0, shortRun);
    }

    private static Trial train(Dataset design, double beta, int k, Optimizer opt, int t, Figure4Options o) {
        TrainingSettings s = TrainingSettings.defaults().withOptimizer(opt).withEpochs(o.epochs()).withSeed(o.seed() + t)
                .withTraceEvery(Math.max(1, o.epochs() / TRACE_POINTS));
        if (opt == Optimizer.ADAM) {
            s = s.withLearningRate(ADAM_STEP);
        } else {
            s = s.withBatchSize(Math.min(SGD_BATCH, design.n()));
            s = s.withLearningRate(SGD_STEP_FACTOR * BaselineSearch.referenceStep(design, beta, s));
        }
        ThreeLayerPenalty penalty = o.model() == ModelKind.RELU3 ? ThreeLayerPenalty.WEIGHT_DECAY : ThreeLayerPenalty.PATH;
        ThreeLayerTrainer trainer = new ThreeLayerTrainer(k, PlantedThreeLayerData.WIDTH, penalty);
        return new Trial(k, opt, t, trainer.train(design, beta, s));
    }

    private static void writeTraces(List<Trial> trials, Path file) throws IOException {
        Table table = new Table(List.of("K", "optimizer", "trial", "epoch", "seconds", "objective"));
        for (Trial t : trials) {
            ObjectiveTrace tr = t.result().trace();
            for (int i = 0; i < tr.size(); i++) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("K", t.k());
                row.put("optimizer", name(t.optimizer()));
                row.put("trial", t.trial());
                row.put("epoch", tr.epochs()[i]);
                row.put("seconds", tr.seconds()[i]);
                row.put("objective", tr.objectives()[i]);
                table.add(row);
            }
        }
        table.write(file);
    }

    private static String summary(Figure4Options o, Dataset design, int combos, double enumerationSeconds, double betaMax,
                                  double beta, ParallelThreeLayerNetwork planted, List<Trial> trials, Convex convex,
                                  double lb, Trial lbSource, Checks checks) {
        IpmResult c = convex.result();
        double opt = c.objective();
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "%s parallel three-layer ReLU nets (m1 = %d), n = %d, %s, seed %d, "
                        + "%d epochs x %d trials per row%n%n", title(o.model()), PlantedThreeLayerData.WIDTH, design.n(),
                o.bias() ? "1 Gaussian feature + bias" : "d = 2 Gaussian features", o.seed(), o.epochs(), o.trials()));
        b.append(String.format(Locale.ROOT, "- exact combos (m1 = 2): %d, enumerated in %.2f s%n", combos, enumerationSeconds));
        b.append(String.format(Locale.ROOT, "- beta = %.4g x beta_max = %.6g (beta_max = %.6g)%n", o.betaFraction(), beta, betaMax));
        b.append(String.format(Locale.ROOT, "- convex program %s, default IPM settings: status %s, optimum F* = %.10g, "
                        + "certified dual bound D = %.10g, gap F* - D = %.1e (%.1e relative to F*), %d iterations, "
                        + "%.3f s (after a warm-up solve)%n",
                o.model() == ModelKind.RELU3 ? "(3.4)" : "(4.2)", c.status(), opt, c.dualBound(), opt - c.dualBound(), (opt - c.dualBound()) / opt, c.iterations(),
                c.totalSeconds()));
        b.append(String.format(Locale.ROOT, "- recovered network: K = %d sub-networks, objective %.10g "
                        + "(relative difference to F*: %.1e, must be <= %.0e)%n", convex.network().subnetworks(),
                convex.networkObjective(), Math.abs(convex.networkObjective() - opt) / Math.abs(opt), RECOVERY_TOLERANCE));
        b.append(String.format(Locale.ROOT, "- lower bound LB = %.10g (rigorous dual bound, best over all %d trained networks; "
                        + "from K = %d %s trial %d); (F* - LB)/F* = %.2e%n",
                lb, trials.size(), lbSource == null ? 0 : lbSource.k(), lbSource == null ? "-" : name(lbSource.optimizer()),
                lbSource == null ? 0 : lbSource.trial(), (opt - lb) / opt));
        b.append(String.format(Locale.ROOT, "- planted network (K = %d), its objective: %.8g%n", planted.subnetworks(),
                plantedObjective(o.model(), planted, design, beta)));
        b.append(String.format(Locale.ROOT, "- checks: traced objectives below D: %d, below LB: %d (both must be 0); "
                        + "recovered network attains F*: %s; LB <= F*: %s%n%n", checks.belowDual(), checks.belowLb(),
                checks.recovered() ? "yes" : "NO", checks.lbBelowOpt() ? "yes" : "NO"));
        b.append("| K | optimizer | trials | best final | median final | best excess over F* | median excess over F*"
                + " | trials within 2% of F* | diverged | median seconds |\n");
        b.append("|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (int k : o.ks())
            for (Optimizer method : o.optimizers()) {
                List<Trial> group = trials.stream().filter(t -> t.k() == k && t.optimizer() == method).toList();
                double[] finals = group.stream().mapToDouble(t -> t.result().objective()).toArray();
                double[] seconds = group.stream().mapToDouble(t -> t.result().seconds()).toArray();
                long diverged = group.stream().filter(t -> t.result().status() == TrainingStatus.DIVERGED).count();
                TrialSummary s = TrialSummary.of(finals, seconds, opt);
                b.append(String.format(Locale.ROOT, "| %d | %s | %d | %.6g | %.6g | %.2e | %.2e | %d | %d | %.3f |%n", k,
                        name(method), s.trials(), s.best(), s.median(), s.bestExcess(), s.medianExcess(), s.withinTwoPct(),
                        diverged, s.medianSeconds()));
            }
        b.append(String.format(Locale.ROOT, "%nexcess = (objective - F*)/F*; it can be slightly negative, down to -(F* - D)/F* = %.1e, "
                + "since F* is optimal only to the solver's gap.%n", -(opt - c.dualBound()) / opt));
        return b.toString();
    }

    /** The plot; its y range ends at the zero network's objective ½‖y‖² (or 2·F* if that is larger). */
    private static BufferedImage plot(Figure4Options o, Dataset design, List<Trial> trials, Convex convex, double lb,
                                      double beta) {
        boolean both = o.optimizers().size() > 1;
        List<TracePlot.Curve> curves = new ArrayList<>();
        for (Trial t : trials) {
            ObjectiveTrace tr = t.result().trace();
            curves.add(new TracePlot.Curve(tr.seconds(), tr.objectives(), o.ks().indexOf(t.k()),
                    both && t.optimizer() == Optimizer.SGD));
        }
        List<String> groups = o.ks().stream().map(k -> "K = " + k).toList();
        String solid = o.optimizers().contains(Optimizer.ADAM) ? "Adam" : "SGD";
        IpmResult c = convex.result();
        TracePlot.Labels labels = new TracePlot.Labels(
                String.format(Locale.ROOT, "%s 3-layer ReLU, m1 = 2, n = %d, beta = %.3g", title(o.model()), o.n(), beta),
                groups, solid, both ? "SGD" : null, c.objective(), c.totalSeconds(),
                String.format(Locale.ROOT, "convex opt. = %.5g", c.objective()), lb,
                String.format(Locale.ROOT, "LB (trained) = %.5g", lb),
                Math.max(zeroObjective(design), 2 * Math.max(c.objective(), lb)));
        return TracePlot.render(curves, labels);
    }

    /** "Path-regularised" or "Weight-decay". */
    private static String title(ModelKind model) {
        return model == ModelKind.RELU3 ? "Weight-decay" : "Path-regularised";
    }

    /**
     * The planted network's objective at its best rescaling: (4.1) is rescaling-invariant; for (3.1)
     * the first layer is normalised and Lemma 1 balances the last two, giving the penalty
     * {@code β Σ_k ‖W1k‖_F ‖w2k‖ |w3k|}.
     */
    private static double plantedObjective(ModelKind model, ParallelThreeLayerNetwork planted, Dataset design, double beta) {
        if (model != ModelKind.RELU3) return planted.pathObjective(design, beta);
        double penalty = 0;
        for (int k = 0; k < planted.subnetworks(); k++) {
            double w2 = 0;
            for (int j = 0; j < planted.width(); j++) w2 += planted.w2()[k * planted.width() + j] * planted.w2()[k * planted.width() + j];
            penalty += planted.firstLayerNorm(k) * Math.sqrt(w2) * Math.abs(planted.w3()[k]);
        }
        return planted.pathObjective(design, 0) + beta * penalty;
    }

    private static double zeroObjective(Dataset design) {
        double s = 0;
        for (double v : design.y()) s += v * v;
        return 0.5 * s;
    }

    private static String name(Optimizer o) {
        return o == Optimizer.ADAM ? "adam" : "sgd";
    }
}
