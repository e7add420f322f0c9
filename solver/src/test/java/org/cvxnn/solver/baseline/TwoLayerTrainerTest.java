package org.cvxnn.solver.baseline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Arrays;

import org.cvxnn.solver.data.Dataset;
import org.cvxnn.solver.network.TwoLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class TwoLayerTrainerTest {
    private final Dataset planted = Problems.plantedTwoLayer(40, 21);
    private final TwoLayerTrainer trainer = new TwoLayerTrainer(10);

    private TrainingSettings settingsFor(Optimizer optimizer) {
        TrainingSettings base = TrainingSettings.defaults().withOptimizer(optimizer).withEpochs(1500).withSeed(3);
        return switch (optimizer) {
            case GRADIENT_DESCENT -> base.withLearningRate(BaselineSearch.referenceStep(planted, 1e-3, base));
            case SGD -> {
                TrainingSettings sgd = base.withBatchSize(8).withMomentum(0.5).withEpochs(500);
                yield sgd.withLearningRate(0.3 * BaselineSearch.referenceStep(planted, 1e-3, sgd));
            }
            case ADAM -> base.withBatchSize(10).withLearningRate(1e-2);
        };
    }

    @ParameterizedTest
    @EnumSource(Optimizer.class)
    void fitsAPlantedNetwork(Optimizer optimizer) {
        TrainingResult<TwoLayerNetwork> result = trainer.train(planted, 1e-3, settingsFor(optimizer));
        ObjectiveTrace trace = result.trace();
        assertEquals(TrainingStatus.COMPLETED, result.status());
        assertEquals(settingsFor(optimizer).epochs(), result.epochs());
        assertTrue(result.objective() < 0.05 * trace.objectives()[0],
                optimizer + ": objective " + result.objective() + " from " + trace.objectives()[0]);
        assertEquals(result.objective(), trace.objectives()[trace.size() - 1], 1e-9 * result.objective(),
                "the last trace point is the reported objective");
        assertEquals(result.epochs(), trace.epochs()[trace.size() - 1]);
        assertEquals(result.settings().epochs() + 1, trace.size(), "one point per epoch plus the initialisation");
    }

    @Test
    void gradientDescentWithASmallStepDecreasesMonotonically() {
        // The reference step ignores the weight scale (‖W‖² ≈ 2m after He initialisation), hence the small factor.
        TrainingSettings gd = TrainingSettings.defaults().withOptimizer(Optimizer.GRADIENT_DESCENT).withEpochs(300);
        gd = gd.withLearningRate(0.05 * BaselineSearch.referenceStep(planted, 0.1, gd));
        double[] objectives = trainer.train(planted, 0.1, gd).trace().objectives();
        for (int t = 1; t < objectives.length; t++)
            assertTrue(objectives[t] <= objectives[t - 1] * (1 + 1e-12), "objective rose at epoch " + t);
    }

    @Test
    void aSeedDeterminesTheRun() {
        TrainingSettings settings = settingsFor(Optimizer.SGD).withEpochs(50);
        TrainingResult<TwoLayerNetwork> a = trainer.train(planted, 1e-3, settings);
        TrainingResult<TwoLayerNetwork> b = trainer.train(planted, 1e-3, settings);
        TrainingResult<TwoLayerNetwork> c = trainer.train(planted, 1e-3, settings.withSeed(4));
        assertArrayEquals(a.network().w1(), b.network().w1());
        assertArrayEquals(a.network().alpha(), b.network().alpha());
        assertArrayEquals(a.trace().objectives(), b.trace().objectives());
        assertFalse(Arrays.equals(a.network().w1(), c.network().w1()));
    }

    @Test
    void largeRegularisationDrivesTheNetworkToZero() {
        Dataset data = Problems.gaussian(30, 3, 5);
        // β ≥ ‖X‖₂‖y‖ ≥ max_{‖u‖≤1} |yᵀ(Xu)₊|, so the zero network is the global minimiser.
        double beta = 10 * Math.sqrt(DenseOps.largestGramEigenvalue(data)) * Math.sqrt(2 * Problems.halfSquaredNorm(data.y()));
        TrainingSettings gd = TrainingSettings.defaults().withOptimizer(Optimizer.GRADIENT_DESCENT).withEpochs(200);
        gd = gd.withLearningRate(BaselineSearch.referenceStep(data, beta, gd));
        TrainingResult<TwoLayerNetwork> result = new TwoLayerTrainer(6).train(data, beta, gd);
        assertTrue(Problems.maxAbs(result.network().w1()) < 1e-8);
        assertTrue(Problems.maxAbs(result.network().alpha()) < 1e-8);
        double zero = Problems.halfSquaredNorm(data.y());
        assertTrue(result.objective() <= zero * (1 + 1e-12), result.objective() + " > ½‖y‖² = " + zero);
        assertTrue(result.objective() >= zero * (1 - 1e-12), "nothing beats the global minimiser");
    }

    @Test
    void stopsAtTheTimeLimit() {
        TrainingSettings endless = TrainingSettings.defaults().withEpochs(Integer.MAX_VALUE).withTraceEvery(1000)
                .withTimeLimit(Duration.ofMillis(200));
        TrainingResult<TwoLayerNetwork> result = trainer.train(planted, 1e-3, endless);
        assertEquals(TrainingStatus.TIME_LIMIT, result.status());
        assertTrue(result.seconds() < 5, "ran " + result.seconds() + " s");
        assertEquals(result.epochs(), result.trace().epochs()[result.trace().size() - 1]);
    }

    @Test
    void reportsDivergenceAndReturnsTheLastFiniteIterate() {
        // With η·β = 10 every weight the loss does not hold back is multiplied by −9 per step.
        TrainingSettings reckless = TrainingSettings.defaults().withOptimizer(Optimizer.GRADIENT_DESCENT)
                .withLearningRate(10).withEpochs(10_000);
        TrainingResult<TwoLayerNetwork> result = trainer.train(planted, 1.0, reckless);
        assertEquals(TrainingStatus.DIVERGED, result.status());
        assertTrue(Double.isFinite(result.objective()));
        assertEquals(result.objective(), result.trace().objectives()[result.trace().size() - 1], 1e-9 * result.objective());
    }

    @Test
    void rejectsBadArguments() {
        Problems.assertRejected(() -> new TwoLayerTrainer(0), "width m must be >= 1");
        Problems.assertRejected(() -> trainer.train(planted, -1, TrainingSettings.defaults()), "beta must be finite and >= 0");
        Problems.assertRejected(() -> trainer.train(planted, Double.NaN, TrainingSettings.defaults()), "beta must be finite and >= 0");
        Problems.assertRejected(() -> trainer.train(planted, 1, TrainingSettings.defaults().withBatchSize(41)),
                "batch size 41 exceeds the 40 samples");
    }
}
