package org.cvxnn.solver.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

class TrainingSettingsTest {
    private final TrainingSettings defaults = TrainingSettings.defaults();

    @Test
    void documentedDefaults() {
        assertEquals(new TrainingSettings(Optimizer.ADAM, 1e-2, 1000, TrainingSettings.FULL_BATCH, 0.0,
                Duration.ofMinutes(10), 1, 0L), defaults);
        assertEquals(new SearchSettings(defaults, 5, List.of(1.0, 0.3, 0.1, 0.03, 0.01)), SearchSettings.defaults());
    }

    @Test
    void batchRowsResolvesTheFullBatchAndChecksTheSampleCount() {
        assertEquals(17, defaults.batchRows(17));
        assertEquals(5, defaults.withBatchSize(5).batchRows(17));
        assertEquals(17, defaults.withBatchSize(17).batchRows(17));
        Problems.assertRejected(() -> defaults.withBatchSize(18).batchRows(17), "batch size 18 exceeds the 17 samples");
    }

    @Test
    void rejectsBadSettings() {
        Problems.assertRejected(() -> defaults.withLearningRate(0), "learning rate must be finite and > 0, got 0.0");
        Problems.assertRejected(() -> defaults.withLearningRate(-1e-3), "learning rate must be finite and > 0");
        Problems.assertRejected(() -> defaults.withLearningRate(Double.NaN), "learning rate must be finite and > 0");
        Problems.assertRejected(() -> defaults.withLearningRate(Double.POSITIVE_INFINITY), "learning rate must be finite and > 0");
        Problems.assertRejected(() -> defaults.withEpochs(0), "epochs must be >= 1, got 0");
        Problems.assertRejected(() -> defaults.withBatchSize(-2), "batch size must be >= 1 or FULL_BATCH");
        Problems.assertRejected(() -> defaults.withOptimizer(Optimizer.GRADIENT_DESCENT).withBatchSize(4),
                "gradient descent always uses the full batch");
        Problems.assertRejected(() -> defaults.withBatchSize(4).withOptimizer(Optimizer.GRADIENT_DESCENT),
                "gradient descent always uses the full batch");
        Problems.assertRejected(() -> defaults.withOptimizer(Optimizer.SGD).withMomentum(1.0), "momentum must be in [0, 1)");
        Problems.assertRejected(() -> defaults.withOptimizer(Optimizer.SGD).withMomentum(-0.1), "momentum must be in [0, 1)");
        Problems.assertRejected(() -> defaults.withMomentum(0.9), "does not apply to Adam");
        Problems.assertRejected(() -> defaults.withTimeLimit(Duration.ZERO), "time limit must be positive");
        Problems.assertRejected(() -> defaults.withTimeLimit(Duration.ofSeconds(-1)), "time limit must be positive");
        Problems.assertRejected(() -> defaults.withTraceEvery(0), "traceEvery must be >= 1");
        assertThrows(NullPointerException.class, () -> defaults.withOptimizer(null));
        assertThrows(NullPointerException.class, () -> defaults.withTimeLimit(null));
    }

    @Test
    void rejectsBadSearchSettings() {
        SearchSettings search = SearchSettings.defaults();
        Problems.assertRejected(() -> search.withRestarts(0), "restarts must be >= 1, got 0");
        Problems.assertRejected(() -> search.withStepFactors(List.of()), "needs at least one step factor");
        Problems.assertRejected(() -> search.withStepFactors(List.of(1.0, -0.1)), "step factors must be finite and > 0");
        Problems.assertRejected(() -> search.withStepFactors(List.of(Double.NaN)), "step factors must be finite and > 0");
        assertThrows(NullPointerException.class, () -> search.withTraining(null));
    }
}
