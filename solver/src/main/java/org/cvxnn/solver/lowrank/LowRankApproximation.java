package org.cvxnn.solver.lowrank;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;

import org.cvxnn.solver.ComboSource;
import org.cvxnn.solver.ConvexSolution;
import org.cvxnn.solver.ModelKind;
import org.cvxnn.solver.PathProblem;
import org.cvxnn.solver.PatternSource;
import org.cvxnn.solver.TrainedModel;
import org.cvxnn.solver.TwoLayerProblem;
import org.cvxnn.solver.arrangement.EnumerationSettings;
import org.cvxnn.solver.arrangement.ExactEnumerator;
import org.cvxnn.solver.arrangement.PatternSet;
import org.cvxnn.solver.baseline.ParallelThreeLayerNetwork;
import org.cvxnn.solver.certificate.DualCertificate;
import org.cvxnn.solver.certificate.PathCertificate;
import org.cvxnn.solver.certificate.WeightDecayCertificate;
import org.cvxnn.solver.certificate.Scope;
import org.cvxnn.solver.combo.ComboEnumerationSettings;
import org.cvxnn.solver.combo.ComboSampler;
import org.cvxnn.solver.combo.ComboSet;
import org.cvxnn.solver.data.Dataset;
import org.cvxnn.solver.ipm.IpmSettings;
import org.cvxnn.solver.network.Network;
import org.cvxnn.solver.network.ThreeLayerNetwork;
import org.cvxnn.solver.network.TwoLayerNetwork;

/**
 * The approximate polynomial-time algorithm of formulations §4.4, for relu2 and the three-layer
 * models path3 and relu3:
 * <ol>
 *   <li>X_r = a best rank-r approximation of the features ({@link TruncatedSvd}, LAPACK dgesdd). With a
 *       bias column the ones column is kept exact and only the features are approximated, after
 *       centring: {@code X_r = 1x̄ᵀ + (best rank-r approximation of X − 1x̄ᵀ)}, since the bias absorbs
 *       the mean; then {@code [X_r, 1]} has rank r+1 (its pattern count is that of rank-(r+1) data)
 *       and {@code σ_{r+1}} is that of the centred features, never larger than that of X.</li>
 *   <li>Every pattern (three-layer: combo) of X_r is enumerated ({@link ExactEnumerator},
 *       {@link ComboSource#exact()}: polynomial in n for fixed r) and the convex program is solved on
 *       X_r — in orthonormal coordinates Q of the row space of X_r (with the bias column), which
 *       changes neither the patterns nor the optimum (the null-space part of a first-layer weight only
 *       adds to the regulariser) and shrinks the solve from d to r (r+1) columns.</li>
 *   <li>The network is mapped back (every first-layer weight {@code u = Q u_q}), evaluated on the
 *       original X and certified there — {@link DualCertificate} for relu2, {@link PathCertificate} for
 *       path3, {@link WeightDecayCertificate} for relu3 — over all patterns (combos) of X
 *       when their enumeration is affordable ({@link LowRankSettings#certificateLimit()}), over sampled
 *       ones otherwise.</li>
 * </ol>
 * <pre>{@code
 * LowRankResult r = LowRankApproximation.solve(data, LowRankSettings.of(3, 0.1, true), IpmSettings.defaults(), System.err);
 * r.objective();            // F(θ_r; X)
 * r.guaranteedLowerBound(); // <= p*(X), always
 * }</pre>
 * gated2 is refused ({@link LowRankSettings}): a gated network's gates read the data through
 * {@code 1[Xg >= 0]}, which is not Lipschitz in X, so the §4.4 bound has no gated analogue.
 */
public final class LowRankApproximation {

    private LowRankApproximation() {}

    /**
     * Runs the algorithm on {@code features} (n samples, d features, targets y; no bias column).
     *
     * @param log where the solver's progress lines go when {@code ipm.verbose()}
     * @throws IllegalArgumentException if r exceeds min(n, d), the features are zero, or X_r can have more
     *                                  patterns (combos) than the enumerators' default limits
     */
    public static LowRankResult solve(Dataset features, LowRankSettings settings, IpmSettings ipm, PrintStream log) {
        Objects.requireNonNull(features, "features");
        Objects.requireNonNull(settings, "settings");
        int n = features.n(), d = features.d(), r = settings.rank();
        if (r > Math.min(n, d))
            throw new IllegalArgumentException("the approximation rank r = " + r + " exceeds min(n, d) = " + Math.min(n, d)
                    + " (n = " + n + " samples, d = " + d + " features)");
        boolean bias = settings.bias();
        double beta = settings.beta();
        Map<String, Double> seconds = new LinkedHashMap<>();

        long t0 = System.nanoTime();
        double[] mean = bias ? columnMeans(features) : new double[d];
        double[] centred = features.x().clone();
        for (int j = 0; j < d; j++)
            for (int i = 0; i < n; i++) centred[i + j * n] -= mean[j];
        TruncatedSvd full = TruncatedSvd.of(n, d, centred, r);
        int dataRank = full.numericalRank();
        TruncatedSvd svd = full.truncated(Math.min(r, dataRank));
        if (svd.k() == 0 && !bias)
            throw new IllegalArgumentException("the features are zero (numerical rank 0): there is nothing to approximate or learn");
        double[] xr = svd.approximation();
        for (int j = 0; j < d; j++)
            for (int i = 0; i < n; i++) xr[i + j * n] += mean[j];
        Dataset approximation = new Dataset(n, d, xr, features.y());
        Dataset approxDesign = bias ? approximation.withBias() : approximation;
        double[] q = rowSpaceBasis(svd, mean, bias);
        int dim = approxDesign.d(), k = q.length / dim;
        Dataset reduced = new Dataset(n, k, multiply(approxDesign.x(), n, dim, q, k), features.y());
        seconds.put("svd", (System.nanoTime() - t0) * 1e-9);

        ConvexSolution solution = settings.model().threeLayer()
                ? solveThreeLayer(reduced, settings, ipm, log)
                : solveTwoLayer(reduced, settings, k, ipm, log);
        seconds.put("patterns", solution.seconds().getOrDefault("patterns", solution.seconds().get("combos")));
        seconds.put("solve", solution.solveSeconds());
        seconds.put("recovery", solution.seconds().get("recovery"));
        TrainedModel model = new TrainedModel(settings.model(), bias, rotate(solution.model().network(), q, dim, k));

        long t1 = System.nanoTime();
        Certificate certificate = certify(model, model.design(features), dataRank + (bias ? 1 : 0), settings);
        seconds.put("certificate", (System.nanoTime() - t1) * 1e-9);

        double sigma = svd.next(), lip = settings.lipschitzFactor() * sigma;
        double tau = lip * norm(features.y()) / beta;
        double half = 1 + tau / 2;
        double guaranteed = Math.max(0, solution.dualBound()) / (half * half);
        return new LowRankResult(r, sigma, lip, tau, half * half * half * half, model.objective(approximation, beta),
                model.objective(features, beta), guaranteed, certificate.lowerBound(), certificate.scope(), certificate.patterns(),
                solution, model, approximation, seconds);
    }

    /** A certificate's bound, scope and the number of patterns or combos it maximised over. */
    private record Certificate(double lowerBound, Scope scope, int patterns) {}

    private static ConvexSolution solveTwoLayer(Dataset reduced, LowRankSettings settings, int k, IpmSettings ipm, PrintStream log) {
        int n = reduced.n();
        long limit = EnumerationSettings.defaults().maxPatterns(), count = ExactEnumerator.coverCount(n, k);
        if (count > limit)
            throw new IllegalArgumentException("cannot enumerate the patterns of the rank-" + settings.rank() + " approximation: with "
                    + (settings.bias() ? "the bias column it has rank " + k + ", so with " : "") + n + " rows it can have up to " + count
                    + " patterns (Cover's count), more than the enumeration limit " + limit + "; choose a smaller rank");
        return TwoLayerProblem.builder(reduced).model(ModelKind.RELU2).beta(settings.beta()).bias(false)
                .patterns(PatternSource.exact()).build().solve(ipm, log);
    }

    private static ConvexSolution solveThreeLayer(Dataset reduced, LowRankSettings settings, IpmSettings ipm, PrintStream log) {
        PathProblem problem;
        try {
            problem = PathProblem.builder(reduced).model(settings.model()).m1(settings.m1()).beta(settings.beta()).bias(false)
                    .combos(ComboSource.exact()).build();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("cannot enumerate the combos of the rank-" + settings.rank() + " approximation: "
                    + e.getMessage() + "; choose a smaller rank", e);
        }
        return problem.solve(ipm, log);
    }

    /** The network of the reduced coordinates acting on the design: every first-layer weight u becomes Q u. */
    private static Network rotate(Network small, double[] q, int dim, int k) {
        if (small instanceof TwoLayerNetwork t)
            return new TwoLayerNetwork(dim, t.m(), multiply(q, dim, k, t.w1(), t.m()), t.alpha());
        ThreeLayerNetwork t = (ThreeLayerNetwork) small;
        ParallelThreeLayerNetwork p = t.network();
        double[] w1 = multiply(q, dim, k, p.w1(), p.subnetworks() * p.width());
        return new ThreeLayerNetwork(new ParallelThreeLayerNetwork(dim, p.subnetworks(), p.width(), w1, p.w2(), p.w3()), t.penalty());
    }

    /**
     * The dual certificate of the model on the original design: over every pattern (combo) when their
     * number is known to be within the limit, over samples otherwise.
     */
    private static Certificate certify(TrainedModel model, Dataset design, int designRank, LowRankSettings settings) {
        long limit = settings.certificateLimit();
        boolean affordable = ExactEnumerator.coverCount(design.n(), designRank) <= limit;
        return switch (settings.model()) {
            case RELU2 -> {
                TwoLayerNetwork network = (TwoLayerNetwork) model.network();
                PatternSet patterns = affordable
                        ? new ExactEnumerator(EnumerationSettings.defaults().withMaxPatterns(limit)).enumerate(design)
                        : PatternSource.gates(certificateGates(network, settings)).patternsOf(design);
                DualCertificate c = DualCertificate.of(network, design, patterns, settings.beta(),
                        affordable ? Scope.ALL_PATTERNS : Scope.PATTERN_SUBSET);
                yield new Certificate(c.lowerBound(), c.scope(), patterns.size());
            }
            case PATH3, RELU3 -> {
                ParallelThreeLayerNetwork network = ((ThreeLayerNetwork) model.network()).network();
                ComboSet combos = affordable ? allCombos(design, settings) : null;
                boolean exact = combos != null;
                if (!exact)
                    combos = ComboSampler.sample(design, settings.m1(), settings.certificateSamples(), settings.certificateSeed(),
                            network.w1(), network.w2()).combos();
                Scope scope = exact ? Scope.ALL_PATTERNS : Scope.PATTERN_SUBSET;
                double bound = settings.model() == ModelKind.PATH3
                        ? PathCertificate.of(network, design, combos, settings.beta(), scope).lowerBound()
                        : WeightDecayCertificate.of(network, design, combos, settings.beta(), scope).lowerBound();
                yield new Certificate(bound, scope, combos.size());
            }
            default -> throw new IllegalStateException("no low-rank certificate for " + settings.model().id());
        };
    }

    /** Every combo of {@code design}, or null when the enumerator refuses them as more than the limit. */
    private static ComboSet allCombos(Dataset design, LowRankSettings settings) {
        long limit = settings.certificateLimit();
        ComboEnumerationSettings defaults = ComboEnumerationSettings.defaults();
        ComboEnumerationSettings capped = new ComboEnumerationSettings(limit, defaults.tolerance(),
                defaults.firstLayer().withMaxPatterns(limit));
        try {
            return ComboSource.exact(capped).combosOf(design, settings.m1());
        } catch (IllegalArgumentException refused) {
            return null;
        }
    }

    /**
     * An orthonormal basis Q (column-major, dim × k) of the row space of the approximate design: the
     * right singular vectors {@code [v_l; 0]} and, with a bias, the unit vector along
     * {@code [x̄ − V V ᵀx̄; 1]}.
     */
    private static double[] rowSpaceBasis(TruncatedSvd svd, double[] mean, boolean bias) {
        int d = svd.d(), k = svd.k(), dim = bias ? d + 1 : d, cols = bias ? k + 1 : k;
        double[] q = new double[dim * cols];
        double[] v = svd.v();
        for (int l = 0; l < k; l++) System.arraycopy(v, l * d, q, l * dim, d);
        if (bias) {
            double[] last = new double[dim];
            System.arraycopy(mean, 0, last, 0, d);
            last[d] = 1;
            for (int l = 0; l < k; l++) {
                double c = 0;
                for (int j = 0; j < d; j++) c += v[j + l * d] * mean[j];
                for (int j = 0; j < d; j++) last[j] -= c * v[j + l * d];
            }
            double len = norm(last);
            for (int j = 0; j < dim; j++) q[j + k * dim] = last[j] / len;
        }
        return q;
    }

    /** Gaussian gates of the design's width, then the network's own neurons. */
    private static double[][] certificateGates(TwoLayerNetwork network, LowRankSettings settings) {
        int dim = network.d(), count = settings.certificateSamples();
        SplittableRandom rnd = new SplittableRandom(settings.certificateSeed());
        double[][] gates = new double[count + network.m()][dim];
        for (int g = 0; g < count; g++)
            for (int j = 0; j < dim; j++) gates[g][j] = rnd.nextGaussian();
        for (int m = 0; m < network.m(); m++) System.arraycopy(network.w1(), m * dim, gates[count + m], 0, dim);
        return gates;
    }

    private static double[] columnMeans(Dataset data) {
        int n = data.n();
        double[] mean = new double[data.d()];
        for (int j = 0; j < data.d(); j++) {
            double s = 0;
            for (int i = 0; i < n; i++) s += data.x()[i + j * n];
            mean[j] = s / n;
        }
        return mean;
    }

    /** The column-major product of a (rows × inner) and b (inner × cols). */
    private static double[] multiply(double[] a, int rows, int inner, double[] b, int cols) {
        double[] c = new double[rows * cols];
        for (int j = 0; j < cols; j++)
            for (int l = 0; l < inner; l++) {
                double blj = b[l + j * inner];
                if (blj == 0) continue;
                for (int i = 0; i < rows; i++) c[i + j * rows] += a[i + l * rows] * blj;
            }
        return c;
    }

    private static double norm(double[] v) {
        double s = 0;
        for (double x : v) s += x * x;
        return Math.sqrt(s);
    }
}
