package org.cvxnn.solver.lowrank;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;

import org.cvxnn.solver.ConvexSolution;
import org.cvxnn.solver.ModelKind;
import org.cvxnn.solver.PatternSource;
import org.cvxnn.solver.TrainedModel;
import org.cvxnn.solver.TwoLayerProblem;
import org.cvxnn.solver.arrangement.EnumerationSettings;
import org.cvxnn.solver.arrangement.ExactEnumerator;
import org.cvxnn.solver.arrangement.PatternSet;
import org.cvxnn.solver.certificate.DualCertificate;
import org.cvxnn.solver.certificate.Scope;
import org.cvxnn.solver.data.Dataset;
import org.cvxnn.solver.ipm.IpmSettings;
import org.cvxnn.solver.network.TwoLayerNetwork;

/**
 * The approximate polynomial-time algorithm of formulations §4.4 for relu2:
 * <ol>
 *   <li>X_r = a best rank-r approximation of the features ({@link TruncatedSvd}, LAPACK dgesdd). With a
 *       bias column the ones column is kept exact and only the features are approximated, after
 *       centring: {@code X_r = 1x̄ᵀ + (best rank-r approximation of X − 1x̄ᵀ)}, since the bias absorbs
 *       the mean; then {@code [X_r, 1]} has rank r+1 (its pattern count is that of rank-(r+1) data)
 *       and {@code σ_{r+1}} is that of the centred features, never larger than that of X.</li>
 *   <li>Every pattern of X_r is enumerated ({@link ExactEnumerator}: polynomial in n for fixed r) and the
 *       convex program is solved on X_r — in orthonormal coordinates Q of the row space of X_r
 *       (with the bias column), which changes neither the patterns nor the optimum (the null-space
 *       part of a neuron only adds to its norm) and shrinks the solve from d to r (r+1) columns.</li>
 *   <li>The network is mapped back ({@code u = Q u_q}) and evaluated on the original X, and certified
 *       there by {@link DualCertificate}, over all patterns of X when their enumeration is affordable
 *       ({@link LowRankSettings#certificateLimit()}), over sampled ones otherwise.</li>
 * </ol>
 * <pre>{@code
 * LowRankResult r = LowRankApproximation.solve(data, LowRankSettings.of(3, 0.1, true), IpmSettings.defaults(), System.err);
 * r.objective();            // F(θ_r; X)
 * r.guaranteedLowerBound(); // <= p*(X), always
 * }</pre>
 * Only relu2: a gated network's gates read the data through {@code 1[Xg >= 0]}, which is not
 * Lipschitz in X, so the §4.4 bound has no gated analogue.
 */
public final class LowRankApproximation {

    private LowRankApproximation() {}

    /**
     * Runs the algorithm on {@code features} (n samples, d features, targets y; no bias column).
     *
     * @param log where the solver's progress lines go when {@code ipm.verbose()}
     * @throws IllegalArgumentException if r exceeds min(n, d), the features are zero, or X_r can have more
     *                                  patterns than the enumerator's default limit (Cover's count for its rank)
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

        long limit = EnumerationSettings.defaults().maxPatterns(), count = ExactEnumerator.coverCount(n, k);
        if (count > limit)
            throw new IllegalArgumentException("cannot enumerate the patterns of the rank-" + r + " approximation: with "
                    + (bias ? "the bias column it has rank " + k + ", so with " : "") + n + " rows it can have up to " + count
                    + " patterns (Cover's count), more than the enumeration limit " + limit + "; choose a smaller rank");
        TwoLayerProblem problem = TwoLayerProblem.builder(reduced).model(ModelKind.RELU2).beta(beta).bias(false)
                .patterns(PatternSource.exact()).build();
        ConvexSolution solution = problem.solve(ipm, log);
        seconds.put("patterns", solution.seconds().get("patterns"));
        seconds.put("solve", solution.solveSeconds());
        seconds.put("recovery", solution.seconds().get("recovery"));

        TwoLayerNetwork small = (TwoLayerNetwork) solution.model().network();
        TwoLayerNetwork network = new TwoLayerNetwork(dim, small.m(), multiply(q, dim, k, small.w1(), small.m()), small.alpha());
        TrainedModel model = new TrainedModel(ModelKind.RELU2, bias, network);

        long t1 = System.nanoTime();
        Dataset design = model.design(features);
        long cover = ExactEnumerator.coverCount(n, dataRank + (bias ? 1 : 0));
        boolean exact = cover <= settings.certificateLimit();
        PatternSet patterns = exact
                ? new ExactEnumerator(EnumerationSettings.defaults().withMaxPatterns(settings.certificateLimit())).enumerate(design)
                : PatternSource.gates(certificateGates(network, settings)).patternsOf(design);
        DualCertificate certificate = DualCertificate.of(network, design, patterns, beta, exact ? Scope.ALL_PATTERNS : Scope.PATTERN_SUBSET);
        seconds.put("certificate", (System.nanoTime() - t1) * 1e-9);

        double lip = svd.next();
        double tau = lip * norm(features.y()) / beta;
        double half = 1 + tau / 2;
        double guaranteed = Math.max(0, solution.dualBound()) / (half * half);
        return new LowRankResult(r, svd.next(), lip, tau, half * half * half * half, model.objective(approximation, beta),
                certificate.objective(), guaranteed, certificate, patterns.size(), solution, model, approximation, seconds);
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
        int dim = network.d(), count = settings.certificateGates();
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
