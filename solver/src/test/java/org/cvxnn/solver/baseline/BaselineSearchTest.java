package org.cvxnn.solver.baseline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.cvxnn.solver.data.Dataset;
import org.cvxnn.solver.network.TwoLayerNetwork;
import org.junit.jupiter.api.Test;

class BaselineSearchTest {
    private final Dataset planted = Problems.plantedTwoLayer(30, 41);
    private final SearchSettings small = SearchSettings.defaults().withRestarts(3)
            .withTraining(TrainingSettings.defaults().withOptimizer(Optimizer.SGD).withBatchSize(10).withEpochs(40).withSeed(100));

    @Test
    void runsEveryRestartWithEveryStepAndKeepsTheBest() {
        List<TrainingResult<TwoLayerNetwork>> reported = new ArrayList<>();
        SearchResult<TwoLayerNetwork> result = new BaselineSearch<>(new TwoLayerTrainer(6)).run(planted, 1e-2, small, reported::add);
        assertEquals(15, result.runs().size());
        assertEquals(result.runs(), reported, "progress sees every run, in order");
        double reference = BaselineSearch.referenceStep(planted, 1e-2, small.training());
        assertEquals(reference, result.referenceStep());
        for (int r = 0; r < 3; r++) {
            for (int f = 0; f < 5; f++) {
                TrainingSettings run = result.runs().get(5 * r + f).settings();
                assertEquals(100 + r, run.seed());
                assertEquals(small.stepFactors().get(f) * reference, run.learningRate());
            }
        }
        double min = result.runs().stream().mapToDouble(TrainingResult::objective).min().orElseThrow();
        assertEquals(min, result.best().objective());
        assertSame(result.runs().stream().filter(r -> r.objective() == min).findFirst().orElseThrow(), result.best());
    }

    @Test
    void isDeterministic() {
        BaselineSearch<ParallelThreeLayerNetwork> search = new BaselineSearch<>(new ThreeLayerTrainer(2, 3, ThreeLayerPenalty.PATH));
        SearchSettings settings = small.withRestarts(2).withTraining(small.training().withEpochs(10));
        double[] first = search.run(planted, 1e-2, settings).runs().stream().mapToDouble(TrainingResult::objective).toArray();
        double[] second = search.run(planted, 1e-2, settings).runs().stream().mapToDouble(TrainingResult::objective).toArray();
        assertEquals(10, first.length);
        assertArrayEquals(first, second);
    }

    @Test
    void referenceStepFollowsTheLipschitzEstimate() {
        // Columns (3,0,0,0) and (0,1,0,0): XᵀX = diag(9, 1), so ‖X‖₂² = 9 and max‖x_i‖² = 9.
        Dataset data = new Dataset(4, 2, new double[] {3, 0, 0, 0, 0, 1, 0, 0}, new double[4]);
        TrainingSettings gd = TrainingSettings.defaults().withOptimizer(Optimizer.GRADIENT_DESCENT);
        assertEquals(1 / 9.5, BaselineSearch.referenceStep(data, 0.5, gd), 1e-12);
        assertEquals(0.1 / 9.5, BaselineSearch.referenceStep(data, 0.5, gd.withMomentum(0.9)), 1e-12);
        TrainingSettings sgd = gd.withOptimizer(Optimizer.SGD).withBatchSize(1);
        assertEquals(1 / 36.5, BaselineSearch.referenceStep(data, 0.5, sgd), 1e-12, "single samples: n·max‖x_i‖² = 36");
        assertEquals(BaselineSearch.ADAM_REFERENCE_STEP, BaselineSearch.referenceStep(data, 0.5, TrainingSettings.defaults()));
        Problems.assertRejected(() -> BaselineSearch.referenceStep(data, -1, gd), "beta must be finite and >= 0");
    }
}
