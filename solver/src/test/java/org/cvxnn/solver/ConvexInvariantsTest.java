package org.cvxnn.solver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;

import org.cvxnn.solver.baseline.BaselineSearch;
import org.cvxnn.solver.baseline.Optimizer;
import org.cvxnn.solver.baseline.SearchResult;
import org.cvxnn.solver.baseline.SearchSettings;
import org.cvxnn.solver.baseline.TrainingSettings;
import org.cvxnn.solver.baseline.TwoLayerTrainer;
import org.cvxnn.solver.certificate.DualCertificate;
import org.cvxnn.solver.data.Dataset;
import org.cvxnn.solver.ipm.IpmSettings;
import org.cvxnn.solver.ipm.SolveStatus;
import org.cvxnn.solver.network.GatedNetwork;
import org.cvxnn.solver.network.Network;
import org.cvxnn.solver.network.TwoLayerNetwork;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Relations that every correct solve must satisfy, on tiny problems with all patterns enumerated. */
class ConvexInvariantsTest {

    private static final IpmSettings DEFAULTS = IpmSettings.defaults();

    /** Both models with and without bias. */
    static Stream<Arguments> models() {
        return Stream.of(Arguments.of(ModelKind.RELU2, false), Arguments.of(ModelKind.RELU2, true),
                Arguments.of(ModelKind.GATED2, false), Arguments.of(ModelKind.GATED2, true));
    }

    private static Dataset data() {
        return Reference.planar(9, 21);
    }

    private static ConvexSolution solve(Dataset data, ModelKind kind, boolean bias, double beta, PatternSource source) {
        return TwoLayerProblem.builder(data).model(kind).bias(bias).beta(beta).patterns(source).build().solve(DEFAULTS);
    }

    /** β_max of the ReLU program by the independent reference: σ(y) over all patterns (formulations §1.6). */
    private static double reluBetaMax(Dataset data, boolean bias) {
        Dataset design = Reference.design(data, bias);
        return Reference.sigma(design, Reference.allPatterns(design), null, design.y(), true);
    }

    /** Same for the gated program: max_i ‖XᵀD_i y‖ (dual of (1.5)). */
    private static double gatedBetaMax(Dataset data, boolean bias) {
        Dataset design = Reference.design(data, bias);
        return Reference.sigma(design, Reference.allPatterns(design), null, design.y(), false);
    }

    private static double betaMax(Dataset data, ModelKind kind, boolean bias) {
        return kind == ModelKind.RELU2 ? reluBetaMax(data, bias) : gatedBetaMax(data, bias);
    }

    @ParameterizedTest(name = "bias={0}")
    @ValueSource(booleans = {false, true})
    void convexOptimumIsNoWorseThanAnyAdamOrSgdRestart(boolean bias) {
        Dataset data = data();
        Dataset design = Reference.design(data, bias);
        double beta = 0.1 * reluBetaMax(data, bias);
        ConvexSolution s = solve(data, ModelKind.RELU2, bias, beta, PatternSource.exact());
        for (Optimizer optimizer : List.of(Optimizer.ADAM, Optimizer.SGD)) {
            TrainingSettings training = TrainingSettings.defaults().withOptimizer(optimizer).withEpochs(1500)
                    .withBatchSize(optimizer == Optimizer.SGD ? 3 : TrainingSettings.FULL_BATCH).withTraceEvery(100);
            SearchResult<TwoLayerNetwork> search = new BaselineSearch<>(new TwoLayerTrainer(20))
                    .run(design, beta, SearchSettings.defaults().withTraining(training).withRestarts(3));
            double best = search.best().objective();
            assertEquals(Reference.reluObjective(design, search.best().network().w1(), search.best().network().alpha(), beta),
                    best, 1e-12 * best, "baseline reports its own objective");
            assertTrue(s.dualBound() <= best, optimizer + " found " + best + " below the certified bound " + s.dualBound());
            assertTrue(s.objective() <= best + 1e-9 * best, optimizer + " found " + best + " below the optimum " + s.objective());
        }
    }

    @ParameterizedTest(name = "{0} bias={1}")
    @MethodSource("models")
    void recoveredWeightsReproduceTheConvexObjective(ModelKind kind, boolean bias) {
        Dataset data = data();
        Dataset design = Reference.design(data, bias);
        double beta = 0.1 * betaMax(data, kind, bias);
        ConvexSolution s = solve(data, kind, bias, beta, PatternSource.exact());
        Network net = s.model().network();
        assertTrue(net.m() > 0);
        double own = switch (net) {
            case TwoLayerNetwork relu -> {
                assertEquals(ModelKind.RELU2, kind);
                yield Reference.reluObjective(design, relu.w1(), relu.alpha(), beta);
            }
            case GatedNetwork gated -> {
                assertEquals(ModelKind.GATED2, kind);
                yield Reference.gatedObjective(design, gated.gates(), gated.w1(), gated.alpha(), beta);
            }
            default -> throw new AssertionError("unexpected network " + net);
        };
        assertEquals(s.objective(), own, 1e-7 * s.objective());
        assertEquals(own, s.nonconvexObjective(), 1e-12 * own);
        // Each neuron is balanced (‖u_j‖ = |α_j|), the optimal rescaling of formulations §1.2.
        double[] w1 = kind == ModelKind.RELU2 ? ((TwoLayerNetwork) net).w1() : ((GatedNetwork) net).w1();
        double[] alpha = kind == ModelKind.RELU2 ? ((TwoLayerNetwork) net).alpha() : ((GatedNetwork) net).alpha();
        for (int j = 0; j < net.m(); j++) {
            double u = 0;
            for (int k = 0; k < net.d(); k++) u += w1[j * net.d() + k] * w1[j * net.d() + k];
            assertEquals(Math.abs(alpha[j]), Math.sqrt(u), 1e-12 * Math.abs(alpha[j]), "neuron " + j);
        }
    }

    @ParameterizedTest(name = "{0} bias={1}")
    @MethodSource("models")
    void certifiedGapAndResidualsMeetTheTolerance(ModelKind kind, boolean bias) {
        Dataset data = data();
        double beta = 0.1 * betaMax(data, kind, bias);
        TwoLayerProblem problem = TwoLayerProblem.builder(data).model(kind).bias(bias).beta(beta).patterns(PatternSource.exact()).build();
        for (double tol : new double[] {1e-8, 1e-5}) {
            ConvexSolution s = problem.solve(DEFAULTS.withTolerance(tol));
            assertEquals(SolveStatus.SOLVED, s.status(), "tol " + tol);
            assertTrue(s.globalOptimum());
            assertTrue(s.dualBound() <= s.objective(), s.dualBound() + " > " + s.objective());
            assertEquals((s.objective() - s.dualBound()) / Math.max(1, Math.abs(s.objective())), s.gapRel(), 1e-15);
            assertTrue(s.gapRel() <= tol, "tol " + tol + ": certified gap " + s.gapRel());
            assertTrue(s.resPrimal() <= tol && s.resDual() <= tol, "tol " + tol + ": residuals " + s.resPrimal() + ", " + s.resDual());
        }
    }

    @ParameterizedTest(name = "bias={0}")
    @ValueSource(booleans = {false, true})
    void gatedOptimumIsARelaxationOfTheReluOptimum(boolean bias) {
        Dataset data = data();
        double beta = 0.1 * reluBetaMax(data, bias);
        for (PatternSource source : List.of(PatternSource.exact(), PatternSource.sampled(8, 3))) {
            ConvexSolution relu = solve(data, ModelKind.RELU2, bias, beta, source);
            ConvexSolution gated = solve(data, ModelKind.GATED2, bias, beta, source);
            assertEquals(relu.patterns(), gated.patterns());
            // p_gated ≤ p_relu (formulations §1.7), so the gated solution is within its own gap of the ReLU value.
            assertTrue(gated.dualBound() <= relu.objective(), gated.dualBound() + " > " + relu.objective());
            assertTrue(gated.objective() <= relu.objective() + (gated.objective() - gated.dualBound()) + 1e-12 * relu.objective(),
                    "gated " + gated.objective() + " vs relu " + relu.objective());
        }
    }

    @ParameterizedTest(name = "{0} bias={1}")
    @MethodSource("models")
    void exactEnumerationIsNoWorseThanAnySampledSet(ModelKind kind, boolean bias) {
        Dataset data = data();
        double beta = 0.1 * betaMax(data, kind, bias);
        ConvexSolution exact = solve(data, kind, bias, beta, PatternSource.exact());
        for (int gates : new int[] {1, 4, 50}) {
            ConvexSolution sampled = solve(data, kind, bias, beta, PatternSource.sampled(gates, 5));
            assertTrue(sampled.patterns() <= exact.patterns());
            assertTrue(!sampled.globalOptimum());
            assertTrue(exact.dualBound() <= sampled.objective(), gates + " gates: " + sampled.objective() + " < bound " + exact.dualBound());
            assertTrue(exact.objective() <= sampled.objective() + (exact.objective() - exact.dualBound()) + 1e-12 * exact.objective(),
                    gates + " gates: " + sampled.objective() + " vs exact " + exact.objective());
        }
    }

    @ParameterizedTest(name = "{0} bias={1}")
    @MethodSource("models")
    void zeroNetworkExactlyFromBetaMaxOn(ModelKind kind, boolean bias) {
        Dataset data = data();
        double betaMax = betaMax(data, kind, bias);
        double halfNormY = Reference.halfSquaredNorm(data.y());
        if (kind == ModelKind.RELU2) {
            TwoLayerProblem p = TwoLayerProblem.builder(data).bias(bias).beta(1).patterns(PatternSource.exact()).build();
            assertEquals(betaMax, DualCertificate.betaMax(p.design(), p.patterns()), 1e-10 * betaMax);
        }
        for (double factor : new double[] {1.0, 1.01, 3}) {
            ConvexSolution s = solve(data, kind, bias, factor * betaMax, PatternSource.exact());
            assertTrue(s.status().isOptimal(), factor + ": " + s.status());
            assertEquals(0, s.activeNeurons(), "β = " + factor + "·β_max");
            assertEquals(halfNormY, s.objective(), 1e-12 * halfNormY, "β = " + factor + "·β_max");
            assertEquals(halfNormY, s.nonconvexObjective(), 1e-12 * halfNormY);
        }
        for (double factor : new double[] {0.99, 0.9}) {
            ConvexSolution s = solve(data, kind, bias, factor * betaMax, PatternSource.exact());
            assertEquals(SolveStatus.SOLVED, s.status());
            assertTrue(s.activeNeurons() > 0, "β = " + factor + "·β_max");
            assertTrue(s.objective() < halfNormY * (1 - 1e-7), "β = " + factor + "·β_max: " + s.objective() + " vs " + halfNormY);
        }
    }

    /**
     * With {@code y → c·y} and {@code β → |c|·β} the blocks {@code u → c·u} (v and w swap roles for
     * c &lt; 0, the cones being invariant under positive scaling) map feasible points one to one and
     * {@code ½‖M(cu) − cy‖² + |c|β Σ‖cu‖ = c²·(½‖Mu − y‖² + β Σ‖u‖)}: the optimum scales by c² and the
     * (unique) optimal prediction by c.
     */
    @ParameterizedTest(name = "{0} bias={1}")
    @MethodSource("models")
    void scalingTargetsAndBetaTogetherScalesTheOptimumQuadratically(ModelKind kind, boolean bias) {
        Dataset data = data();
        double beta = 0.1 * betaMax(data, kind, bias);
        ConvexSolution base = solve(data, kind, bias, beta, PatternSource.exact());
        double[] basePrediction = base.model().predict(data);
        for (double c : new double[] {3, -2, 0.25}) {
            double[] y = data.y().clone();
            for (int i = 0; i < y.length; i++) y[i] *= c;
            Dataset scaled = new Dataset(data.n(), data.d(), data.x(), y);
            ConvexSolution s = solve(scaled, kind, bias, Math.abs(c) * beta, PatternSource.exact());
            double expected = c * c * base.objective();
            assertTrue(s.dualBound() <= c * c * base.objective() * (1 + 1e-12), "c = " + c);
            assertTrue(c * c * base.dualBound() <= s.objective() * (1 + 1e-12), "c = " + c);
            assertEquals(expected, s.objective(), 1e-8 * expected, "c = " + c);
            double[] prediction = s.model().predict(scaled);
            for (int i = 0; i < y.length; i++)
                assertEquals(c * basePrediction[i], prediction[i], 1e-4 * Math.abs(c), "c = " + c + ", sample " + i);
        }
    }

    @ParameterizedTest(name = "{0} bias={1}")
    @MethodSource("models")
    void permutingTheSamplesLeavesTheOptimumUnchanged(ModelKind kind, boolean bias) {
        Dataset data = data();
        double beta = 0.1 * betaMax(data, kind, bias);
        ConvexSolution base = solve(data, kind, bias, beta, PatternSource.exact());
        int[] order = {4, 8, 0, 7, 2, 6, 1, 3, 5};
        ConvexSolution permuted = solve(data.subset(order), kind, bias, beta, PatternSource.exact());
        assertEquals(base.patterns(), permuted.patterns());
        assertEquals(base.objective(), permuted.objective(), 1e-8 * base.objective());
    }
}
