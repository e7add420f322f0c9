package org.cvxnn.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.cvxnn.solver.ModelKind;
import org.cvxnn.solver.baseline.Optimizer;
import org.junit.jupiter.api.Test;

class Figure4OptionsTest {

    @Test
    void defaults() {
        Figure4Options o = Figure4Options.parse(new String[0]);
        assertEquals(Path.of("figure4"), o.out());
        assertEquals(12, o.n());
        assertEquals(List.of(1, 2, 4, 8, 16), o.ks());
        assertEquals(List.of(Optimizer.ADAM, Optimizer.SGD), o.optimizers());
        assertEquals(10, o.trials());
        assertEquals(0.05, o.betaFraction());
        assertEquals(ModelKind.PATH3, o.model());
    }

    @Test
    void parsesEveryOption() {
        Figure4Options o = Figure4Options.parse(new String[] {"--model", "relu3", "--out", "d", "--n", "9", "--bias", "--seed", "-3", "--trials", "4",
            "--epochs", "50", "--k", "3, 1", "--optimizers", "SGD", "--beta-fraction", "0.2"});
        assertEquals(new Figure4Options(ModelKind.RELU3, Path.of("d"), 9, true, -3, 4, 50, List.of(3, 1), List.of(Optimizer.SGD), 0.2), o);
    }

    @Test
    void badValuesNameTheOption() {
        String[][] bad = {{"--n", "1"}, {"--n", "41"}, {"--k", "1,,2"}, {"--k", "2,2"}, {"--optimizers", "lbfgs"},
            {"--beta-fraction", "1"}, {"--beta-fraction", "x"}, {"--trials", "0"}, {"--epochs"}, {"--frobnicate"}, {"--model", "relu2"}};
        for (String[] args : bad) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Figure4Options.parse(args));
            assertTrue(e.getMessage().contains(args[0]), e.getMessage());
        }
    }
}
