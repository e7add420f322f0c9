package org.cvxnn.solver.arrangement;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.cvxnn.solver.data.Dataset;
import org.junit.jupiter.api.Test;

class RankReductionTest {

    @Test
    void findsTheRankAndAnOrthonormalRowSpaceBasis() {
        for (int r = 1; r <= 5; r++) {
            Dataset data = Arrangements.lowRank(40, r, 7, 80 + r);
            RankReduction.Reduced red = RankReduction.of(data);
            assertEquals(r, red.rank());
            int d = data.d();
            double scale = 0;
            for (double v : data.x()) scale = Math.max(scale, Math.abs(v));
            for (int a = 0; a < r; a++) {
                for (int b = 0; b < r; b++) {
                    double s = 0;
                    for (int j = 0; j < d; j++) s += red.basis()[j + a * d] * red.basis()[j + b * d];
                    assertEquals(a == b ? 1 : 0, s, 1e-12, "VᵀV");
                }
            }
            // Z = X V_r, and X = Z V_rᵀ (nothing lost)
            for (int i = 0; i < data.n(); i++) {
                for (int a = 0; a < r; a++) {
                    double s = 0;
                    for (int j = 0; j < d; j++) s += data.get(i, j) * red.basis()[j + a * d];
                    assertEquals(s, red.rows()[i * r + a], 1e-12 * scale * d);
                }
                for (int j = 0; j < d; j++) {
                    double s = 0;
                    for (int a = 0; a < r; a++) s += red.rows()[i * r + a] * red.basis()[j + a * d];
                    assertEquals(data.get(i, j), s, 1e-12 * scale * d);
                }
            }
        }
    }

    @Test
    void zeroDataHaveRankZeroAndTinyDirectionsAreCut() {
        assertEquals(0, RankReduction.of(Arrangements.of(new double[][] {{0, 0}, {0, 0}})).rank());
        // a perturbation far below max(n, d)·ε·σ_max is not a direction
        Dataset almost = Arrangements.of(new double[][] {{1, 2, 0}, {2, 4, 1e-300}, {3, 6, 0}});
        assertEquals(1, RankReduction.of(almost).rank());
        Dataset genuine = Arrangements.of(new double[][] {{1, 2, 0}, {2, 4, 1e-6}, {3, 6, 0}});
        assertEquals(2, RankReduction.of(genuine).rank());
    }
}
