package org.cvxnn.solver.baseline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.cvxnn.solver.data.Dataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ThreeLayerTrainerTest {
    private final Dataset planted = Problems.plantedThreeLayer(40, 31);
    private final TrainingSettings adam = TrainingSettings.defaults().withEpochs(1500).withBatchSize(10).withSeed(2);

    @ParameterizedTest
    @EnumSource(ThreeLayerPenalty.class)
    void fitsAPlantedNetwork(ThreeLayerPenalty penalty) {
        TrainingResult<ParallelThreeLayerNetwork> result = new ThreeLayerTrainer(4, 4, penalty).train(planted, 1e-3, adam);
        ObjectiveTrace trace = result.trace();
        assertEquals(TrainingStatus.COMPLETED, result.status());
        assertTrue(result.objective() < 0.05 * trace.objectives()[0],
                penalty + ": objective " + result.objective() + " from " + trace.objectives()[0]);
        assertEquals(result.objective(), trace.objectives()[trace.size() - 1], 1e-9 * result.objective());
    }

    @Test
    void sgdWithMomentumDecreasesBothObjectives() {
        TrainingSettings sgd = TrainingSettings.defaults().withOptimizer(Optimizer.SGD).withBatchSize(8).withMomentum(0.9)
                .withEpochs(300);
        sgd = sgd.withLearningRate(0.1 * BaselineSearch.referenceStep(planted, 1e-3, sgd));
        for (ThreeLayerPenalty penalty : ThreeLayerPenalty.values()) {
            TrainingResult<ParallelThreeLayerNetwork> result = new ThreeLayerTrainer(4, 4, penalty).train(planted, 1e-3, sgd);
            assertTrue(result.objective() < 0.5 * result.trace().objectives()[0], penalty + ": " + result.objective());
        }
    }

    @Test
    void normalisedParametrisationKeepsUnitFirstLayers() {
        TrainingSettings sgd = TrainingSettings.defaults().withOptimizer(Optimizer.SGD).withBatchSize(5).withMomentum(0.9)
                .withLearningRate(1e-3).withEpochs(100);
        for (TrainingSettings settings : new TrainingSettings[] {adam.withEpochs(100), sgd}) {
            ParallelThreeLayerNetwork net = new ThreeLayerTrainer(3, 5, ThreeLayerPenalty.WEIGHT_DECAY)
                    .train(planted, 1e-2, settings).network();
            for (int k = 0; k < net.subnetworks(); k++) assertEquals(1.0, net.firstLayerNorm(k), 1e-12);
        }
    }

    @ParameterizedTest
    @EnumSource(ThreeLayerPenalty.class)
    void aSeedDeterminesTheRun(ThreeLayerPenalty penalty) {
        ThreeLayerTrainer trainer = new ThreeLayerTrainer(2, 3, penalty);
        TrainingSettings settings = adam.withEpochs(30);
        ParallelThreeLayerNetwork a = trainer.train(planted, 1e-2, settings).network();
        ParallelThreeLayerNetwork b = trainer.train(planted, 1e-2, settings).network();
        ParallelThreeLayerNetwork c = trainer.train(planted, 1e-2, settings.withSeed(99)).network();
        assertArrayEquals(a.w1(), b.w1());
        assertArrayEquals(a.w2(), b.w2());
        assertArrayEquals(a.w3(), b.w3());
        assertFalse(Arrays.equals(a.w1(), c.w1()));
    }

    @ParameterizedTest
    @EnumSource(ThreeLayerPenalty.class)
    void largeRegularisationDrivesTheOutputToZero(ThreeLayerPenalty penalty) {
        Dataset data = Problems.gaussian(30, 3, 6);
        // ‖((XW1)₊w2)₊‖ ≤ ‖X‖₂ for ‖W1‖_F, ‖w2‖ ≤ 1, so β ≥ ‖X‖₂‖y‖ makes the zero output the global minimiser.
        double beta = 10 * Math.sqrt(DenseOps.largestGramEigenvalue(data)) * Math.sqrt(2 * Problems.halfSquaredNorm(data.y()));
        // A tenth of the reference step: the surrogate's quartic coupling β‖w1j‖²w2j² adds curvature the estimate omits.
        TrainingSettings gd = TrainingSettings.defaults().withOptimizer(Optimizer.GRADIENT_DESCENT).withEpochs(2000);
        gd = gd.withLearningRate(0.1 * BaselineSearch.referenceStep(data, beta, gd));
        TrainingResult<ParallelThreeLayerNetwork> result = new ThreeLayerTrainer(3, 4, penalty).train(data, beta, gd);
        ParallelThreeLayerNetwork net = result.network();
        for (int k = 0; k < net.subnetworks(); k++) assertTrue(net.pathNorm(k) < 1e-7, "path norm " + net.pathNorm(k));
        double zero = Problems.halfSquaredNorm(data.y());
        assertTrue(result.objective() >= zero * (1 - 1e-12), "nothing beats the global minimiser");
        // Weight decay contracts w2, w3 linearly. The path surrogate is quartic in (w1, w2): a neuron with a small
        // first layer leaves its path only slowly, so the objective approaches ½‖y‖² from above.
        double slack = penalty == ThreeLayerPenalty.WEIGHT_DECAY ? 1e-12 : 1e-6;
        assertTrue(result.objective() <= zero * (1 + slack), result.objective() + " > ½‖y‖² = " + zero);
    }

    @Test
    void reportsTheTruePathObjective() {
        TrainingResult<ParallelThreeLayerNetwork> result = new ThreeLayerTrainer(2, 3, ThreeLayerPenalty.PATH)
                .train(planted, 0.1, adam.withEpochs(50));
        assertEquals(result.network().pathObjective(planted, 0.1), result.objective());
        assertThrows(IllegalStateException.class, () -> result.network().objective(planted, 0.1),
                "He-initialised first layers exceed unit norm, so (3.1) must refuse them");
    }

    @Test
    void rejectsBadArguments() {
        Problems.assertRejected(() -> new ThreeLayerTrainer(0, 3, ThreeLayerPenalty.PATH), "sub-networks K must be >= 1");
        Problems.assertRejected(() -> new ThreeLayerTrainer(2, 0, ThreeLayerPenalty.PATH), "width m1 must be >= 1");
        assertThrows(NullPointerException.class, () -> new ThreeLayerTrainer(2, 2, null));
        ThreeLayerTrainer trainer = new ThreeLayerTrainer(2, 2, ThreeLayerPenalty.WEIGHT_DECAY);
        Problems.assertRejected(() -> trainer.train(planted, -0.5, adam), "beta must be finite and >= 0");
        Problems.assertRejected(() -> trainer.train(planted, 0.1, adam.withBatchSize(100)), "batch size 100 exceeds the 40 samples");
    }
}
