package org.cvxnn.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.cvxnn.solver.ModelKind;
import org.cvxnn.solver.baseline.Optimizer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class Figure4Test {

    static {
        System.setProperty("java.awt.headless", "true");
    }

    @ParameterizedTest
    @EnumSource(value = ModelKind.class, names = {"PATH3", "RELU3"})
    void smallRunWritesConsistentOutputsAndNothingBeatsTheConvexBound(ModelKind model, @TempDir Path dir) throws Exception {
        Figure4Options o = new Figure4Options(model, dir, 7, false, 2, 2, 100, List.of(1, 3), List.of(Optimizer.ADAM, Optimizer.SGD), 0.1);
        assertEquals(0, Figure4.run(o));
        List<String> csv = Files.readAllLines(dir.resolve(Figure4.TRACES));
        assertEquals("K,optimizer,trial,epoch,seconds,objective", csv.get(0));
        // 2 K x 2 optimizers x 2 trials, each traced at epoch 0 and then every epoch (100 epochs < TRACE_POINTS)
        assertEquals(1 + 8 * 101, csv.size());
        String md = Files.readString(dir.resolve(Figure4.SUMMARY));
        double lb = number(md, "lower bound LB = "), opt = number(md, "optimum F* = "), dual = number(md, "dual bound D = ");
        double recovered = number(md, "sub-networks, objective ");
        assertTrue(lb > 0 && dual > 0, md);
        // weak duality: both rigorous bounds lie below the attained convex objective; the gap is small
        assertTrue(dual <= opt && !Figure4.belowBound(opt, lb), md);
        assertTrue(opt - dual <= 1e-6 * opt, md);
        assertEquals(opt, recovered, 1e-7 * opt, md);
        for (String line : csv.subList(1, csv.size())) {
            double f = Double.parseDouble(line.split(",")[5]);
            assertFalse(Figure4.belowBound(f, dual), line);
            assertFalse(Figure4.belowBound(f, lb), line);
        }
        assertTrue(md.contains("| 3 | sgd | 2 |"), md);
        assertTrue(md.contains("recovered network attains F*: yes; LB <= F*: yes"), md);
        assertFalse(md.contains("pending"), md);
        assertTrue(Files.size(dir.resolve(Figure4.PLOT)) > 1000);
    }

    @Test
    void everyFailedCheckCounts() {
        assertEquals(0, new Figure4.Checks(0, 0, true, true).failures());
        assertEquals(1, new Figure4.Checks(3, 0, true, true).failures());
        assertEquals(1, new Figure4.Checks(0, 1, true, true).failures());
        assertEquals(1, new Figure4.Checks(0, 0, false, true).failures());
        assertEquals(4, new Figure4.Checks(1, 2, false, false).failures());
    }

    @Test
    void belowBoundAllowsOnlyRounding() {
        assertFalse(Figure4.belowBound(1.0, 1.0));
        assertFalse(Figure4.belowBound(1.0 - 1e-12, 1.0));
        assertTrue(Figure4.belowBound(1.0 - 1e-6, 1.0));
    }

    /** The number that follows {@code key} in the summary. */
    private static double number(String summary, String key) {
        int i = summary.indexOf(key);
        assertTrue(i >= 0, key + " missing from\n" + summary);
        i += key.length();
        int j = i;
        while (j < summary.length() && "0123456789.eE+-".indexOf(summary.charAt(j)) >= 0) j++;
        return Double.parseDouble(summary.substring(i, j));
    }
}
