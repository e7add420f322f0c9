package org.cvxnn.cli.commands;

import org.cvxnn.cli.CliRun;
import org.cvxnn.cli.io.Json;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DoctorCommandTest {

    @Test
    void reportsEnvironmentAndPassesSelfCheck() {
        CliRun run = CliRun.of("doctor");
        assertEquals(0, run.status(), run.toString());
        Map<?, ?> report = (Map<?, ?>) Json.parse(run.out());
        assertTrue(((Map<?, ?>) report.get("java")).keySet().containsAll(List.of("version", "vendor", "home")));
        Map<?, ?> vector = (Map<?, ?>) report.get("vector");
        assertTrue(vector.keySet().containsAll(List.of("implementation", "species_bits", "lanes")));
        Map<?, ?> blas = (Map<?, ?>) report.get("blas");
        assertTrue(List.of("explicit", "bundled", "system").contains(blas.get("source")), blas.toString());
        assertTrue(((String) blas.get("config")).contains("OpenBLAS"), blas.toString());
        Map<?, ?> check = (Map<?, ?>) report.get("selfcheck");
        assertEquals(true, check.get("pass"), check.toString());
        for (String routine : new String[] {"dgemm", "dsyrk", "dpotrf"})
            assertTrue(((Number) check.get(routine)).doubleValue() <= DoctorCommand.TOLERANCE, check.toString());
    }

    @Test
    void referenceRoutinesAreRight() {
        // column-major [[1, 2], [3, 4]] and [[0, 1], [1, 0]]
        double[] a = {1, 3, 2, 4}, b = {0, 1, 1, 0};
        assertArrayEquals(new double[] {2, 4, 1, 3}, DoctorCommand.Reference.multiply(a, b, 2));
        assertArrayEquals(new double[] {5, 11, 11, 25}, DoctorCommand.Reference.gram(a, 2));
        // [[4, 2], [2, 5]] = L Lᵀ with L = [[2, 0], [1, 2]]
        assertArrayEquals(new double[] {2, 1, 0, 2}, DoctorCommand.Reference.cholesky(new double[] {4, 2, 2, 5}, 2));
        // the lower triangle differs by 0.5 at (1, 0); the largest reference entry there is 1.5
        assertEquals(0.5 / 1.5, DoctorCommand.Reference.maxError(new double[] {1, 1, 9, 1}, new double[] {1, 1.5, 0, 1}, 2, true));
    }
}
