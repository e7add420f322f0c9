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
import org.cvxnn.solver.combo.ComboEnumerator;
import org.cvxnn.solver.combo.ComboSet;
import org.cvxnn.solver.data.Dataset;

/**
 * The seed paper's Figure 4 for the path-regularised parallel three-layer ReLU network (formulations
 * §4.1–4.2): training objective against wall-clock time of seeded Adam/SGD trials for several numbers
 * of sub-networks K (width m1 = 2), compared with a rigorous lower bound on the optimal value.
 *
 * <p>Protocol:
 * <ul>
 *   <li>data: {@link PlantedThreeLayerData} (n samples, 2 columns, seeded);</li>
 *   <li>every combo of the design for m1 = 2 by exact enumeration ({@link ComboEnumerator});
 *       β = fraction · {@link PathCertificate#betaMax};</li>
 *   <li>trials: {@link ThreeLayerTrainer} with {@link ThreeLayerPenalty#PATH}, training seed
 *       {@code seed + trial}; Adam full batch, learning rate {@value #ADAM_STEP}; SGD minibatches of
 *       {@value #SGD_BATCH} rows, learning rate {@value #SGD_STEP_FACTOR} × {@link BaselineSearch#referenceStep}; the
 *       objective (4.1) is traced about {@value #TRACE_POINTS} times per trial;</li>
 *   <li>lower bound LB: the largest {@link PathCertificate#lowerBound()} (scope
 *       {@link Scope#ALL_PATTERNS}, rigorous since the combos are complete) over every trained
 *       network. Every traced objective must be at least LB; the run reports how many are not
 *       (any would be a bug) and exits with status 1 if there are some.</li>
 * </ul>
 * Trials run one after another, after an unrecorded warm-up, so their times are comparable.
 * The convex program (4.2) is not solved here yet: the "convex objective" column of the summary is
 * left empty on purpose.
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
    /** Relative slack of the "objective ≥ LB" check (rounding in the objective and the bound). */
    static final double TOLERANCE = 1e-9;
    static final String TRACES = "traces.csv";
    static final String SUMMARY = "summary.md";
    static final String PLOT = "figure4.png";

    private Figure4() { }

    /** One training trial. */
    record Trial(int k, Optimizer optimizer, int trial, TrainingResult<ParallelThreeLayerNetwork> result) { }

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

    /** Runs the experiment and writes the outputs; returns the number of trace points below LB. */
    static int run(Figure4Options o) throws IOException {
        PlantedThreeLayerData planted = PlantedThreeLayerData.generate(o.n(), o.bias(), o.seed());
        Dataset design = planted.design();
        long t0 = System.nanoTime();
        ComboSet combos = new ComboEnumerator().enumerate(design, PlantedThreeLayerData.WIDTH);
        double enumerationSeconds = (System.nanoTime() - t0) * 1e-9;
        double betaMax = PathCertificate.betaMax(design, combos);
        double beta = o.betaFraction() * betaMax;

        warmUp(design, beta, o);
        List<Trial> trials = new ArrayList<>();
        for (int k : o.ks())
            for (Optimizer opt : o.optimizers())
                for (int t = 0; t < o.trials(); t++) trials.add(train(design, beta, k, opt, t, o));

        double lb = 0;
        Trial lbSource = null;
        for (Trial t : trials) {
            double bound = PathCertificate.of(t.result().network(), design, combos, beta, Scope.ALL_PATTERNS).lowerBound();
            if (bound > lb) { lb = bound; lbSource = t; }
        }
        int below = 0;
        for (Trial t : trials) {
            for (double f : t.result().trace().objectives()) if (belowBound(f, lb)) below++;
            if (belowBound(t.result().objective(), lb)) below++;
        }

        writeTraces(trials, o.out().resolve(TRACES));
        String summary = summary(o, design, combos.size(), enumerationSeconds, betaMax, beta, planted.planted(), trials, lb,
                lbSource, below);
        Files.writeString(o.out().resolve(SUMMARY), summary, StandardCharsets.UTF_8);
        if (lb > 0) TracePlot.write(plot(o, design, trials, lb, beta), o.out().resolve(PLOT));
        else System.err.println("figure4: LB = 0 (no network beats the zero network's bound), no log-scale plot");
        System.out.print(summary);
        System.out.println("\nfigure4: wrote " + o.out().resolve(TRACES) + ", " + o.out().resolve(SUMMARY) + ", "
                + o.out().resolve(PLOT));
        if (below > 0) System.err.println("figure4: " + below + " objective values lie below the rigorous lower bound (a bug)");
        return below;
    }

    /** Whether {@code objective} lies below {@code lb} by more than rounding. */
    static boolean belowBound(double objective, double lb) {
        return objective < lb - TOLERANCE * Math.max(1.0, Math.abs(lb));
    }

    /** Unrecorded short runs of every optimizer at the largest K, so the JIT does not bill the first trials. */
    private static void warmUp(Dataset design, double beta, Figure4Options o) {
        int k = o.ks().stream().mapToInt(Integer::intValue).max().orElseThrow();
        Figure4Options shortRun = new Figure4Options(o.out(), o.n(), o.bias(), o.seed(), 1, Math.min(o.epochs(), WARMUP_EPOCHS),
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
        ThreeLayerTrainer trainer = new ThreeLayerTrainer(k, PlantedThreeLayerData.WIDTH, ThreeLayerPenalty.PATH);
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
                                  double beta, ParallelThreeLayerNetwork planted, List<Trial> trials, double lb,
                                  Trial lbSource, int below) {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "Path-regularised parallel three-layer ReLU nets (m1 = %d), n = %d, %s, seed %d, "
                        + "%d epochs x %d trials per row%n%n", PlantedThreeLayerData.WIDTH, design.n(),
                o.bias() ? "1 Gaussian feature + bias" : "d = 2 Gaussian features", o.seed(), o.epochs(), o.trials()));
        b.append(String.format(Locale.ROOT, "- exact combos (m1 = 2): %d, enumerated in %.2f s%n", combos, enumerationSeconds));
        b.append(String.format(Locale.ROOT, "- beta = %.4g x beta_max = %.6g (beta_max = %.6g)%n", o.betaFraction(), beta, betaMax));
        b.append(String.format(Locale.ROOT, "- lower bound LB = %.8g (rigorous dual bound, best over all %d trained networks; from K = %d %s trial %d)%n",
                lb, trials.size(), lbSource == null ? 0 : lbSource.k(), lbSource == null ? "-" : name(lbSource.optimizer()),
                lbSource == null ? 0 : lbSource.trial()));
        b.append(String.format(Locale.ROOT, "- planted network (K = %d), its objective: %.8g%n", planted.subnetworks(),
                planted.pathObjective(design, beta)));
        b.append(String.format(Locale.ROOT, "- traced objectives below LB: %d (must be 0)%n%n", below));
        b.append("| K | optimizer | trials | best final | median final | best excess over LB | median excess over LB"
                + " | trials within 2% of LB | diverged | median seconds | convex objective (pending) |\n");
        b.append("|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---|\n");
        for (int k : o.ks())
            for (Optimizer opt : o.optimizers()) {
                List<Trial> group = trials.stream().filter(t -> t.k() == k && t.optimizer() == opt).toList();
                double[] finals = group.stream().mapToDouble(t -> t.result().objective()).toArray();
                double[] seconds = group.stream().mapToDouble(t -> t.result().seconds()).toArray();
                long diverged = group.stream().filter(t -> t.result().status() == TrainingStatus.DIVERGED).count();
                TrialSummary s = TrialSummary.of(finals, seconds, lb);
                b.append(String.format(Locale.ROOT, "| %d | %s | %d | %.6g | %.6g | %.2e | %.2e | %d | %d | %.3f |  |%n", k,
                        name(opt), s.trials(), s.best(), s.median(), s.bestExcess(), s.medianExcess(), s.withinTwoPct(),
                        diverged, s.medianSeconds()));
            }
        b.append("\nexcess = (objective - LB)/LB. \"convex objective\" stays empty until the convex solver for (4.2) exists.\n");
        return b.toString();
    }

    /** The plot; its y range ends at the zero network's objective ½‖y‖² (or 2·LB if that is larger). */
    private static BufferedImage plot(Figure4Options o, Dataset design, List<Trial> trials, double lb, double beta) {
        boolean both = o.optimizers().size() > 1;
        List<TracePlot.Curve> curves = new ArrayList<>();
        for (Trial t : trials) {
            ObjectiveTrace tr = t.result().trace();
            curves.add(new TracePlot.Curve(tr.seconds(), tr.objectives(), o.ks().indexOf(t.k()),
                    both && t.optimizer() == Optimizer.SGD));
        }
        List<String> groups = o.ks().stream().map(k -> "K = " + k).toList();
        String solid = o.optimizers().contains(Optimizer.ADAM) ? "Adam" : "SGD";
        TracePlot.Labels labels = new TracePlot.Labels(
                String.format(Locale.ROOT, "Path-regularised 3-layer ReLU, m1 = 2, n = %d, beta = %.3g", o.n(), beta),
                groups, solid, both ? "SGD" : null, lb, String.format(Locale.ROOT, "LB = %.4g", lb),
                Math.max(zeroObjective(design), 2 * lb));
        return TracePlot.render(curves, labels);
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
