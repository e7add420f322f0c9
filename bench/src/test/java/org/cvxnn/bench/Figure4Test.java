package org.cvxnn.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.cvxnn.solver.baseline.Optimizer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Figure4Test {

    static {
        System.setProperty("java.awt.headless", "true");
    }

    @Test
    void smallRunWritesConsistentOutputsAndNothingBeatsTheBound(@TempDir Path dir) throws Exception {
        Figure4Options o = new Figure4Options(dir, 7, false, 2, 2, 100, List.of(1, 3), List.of(Optimizer.ADAM, Optimizer.SGD), 0.1);
        assertEquals(0, Figure4.run(o));
        List<String> csv = Files.readAllLines(dir.resolve(Figure4.TRACES));
        assertEquals("K,optimizer,trial,epoch,seconds,objective", csv.get(0));
        // 2 K x 2 optimizers x 2 trials, each traced at epoch 0 and then every epoch (100 epochs < TRACE_POINTS)
        assertEquals(1 + 8 * 101, csv.size());
        double lb = lowerBound(Files.readString(dir.resolve(Figure4.SUMMARY)));
        assertTrue(lb > 0);
        for (String line : csv.subList(1, csv.size())) {
            String[] f = line.split(",");
            assertFalse(Figure4.belowBound(Double.parseDouble(f[5]), lb), line);
        }
        String md = Files.readString(dir.resolve(Figure4.SUMMARY));
        assertTrue(md.contains("| 3 | sgd | 2 |"), md);
        assertTrue(md.contains("convex objective (pending)"));
        assertTrue(Files.size(dir.resolve(Figure4.PLOT)) > 1000);
    }

    @Test
    void belowBoundAllowsOnlyRounding() {
        assertFalse(Figure4.belowBound(1.0, 1.0));
        assertFalse(Figure4.belowBound(1.0 - 1e-12, 1.0));
        assertTrue(Figure4.belowBound(1.0 - 1e-6, 1.0));
    }

    private static double lowerBound(String summary) {
        String key = "lower bound LB = ";
        int i = summary.indexOf(key) + key.length();
        return Double.parseDouble(summary.substring(i, summary.indexOf(' ', i)));
    }
}
