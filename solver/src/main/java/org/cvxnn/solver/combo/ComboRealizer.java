package org.cvxnn.solver.combo;

import org.cvxnn.solver.data.Dataset;
import org.cvxnn.solver.lp.MarginLp;

/**
 * Turns combos given by their masks ({@link ComboMasks}, e.g. a user's combo file) into a
 * {@link ComboSet} on the data, or says precisely why a combo is inconsistent. For each combo:
 * <ol>
 *   <li>on every nonzero row of X the second-layer mask must agree with the signs where they
 *       decide it — 1 where all active neurons are positive ({@code z_i > 0}), 0 where all are
 *       negative; rows where no neuron is active or X is zero are free (stored as 0);</li>
 *   <li>no neuron may be dead (its mask active on no nonzero row) and the combo's feature must not
 *       be zero (some row with {@code D_2 = 1} and an active neuron);</li>
 *   <li>a max-margin LP ({@link MarginLp}) over {@code u = (u_1..u_m1)} with unit rows
 *       {@code (2D_1j − I) x_i} for every neuron and nonzero row and
 *       {@code (2D_2 − I) Σ_j s_j (D_1j)_ii x_i} for every row with active neurons of both signs must
 *       find a margin above the tolerance: then {@code W1 = (u_1..u_m1)}, {@code w2 = s} realises the
 *       combo strictly, and that point is its generating point. Otherwise no sub-network has these
 *       masks.</li>
 * </ol>
 * Duplicates are merged (the first is kept); the order is otherwise that of the input.
 */
public final class ComboRealizer {
    /** LP margin a combo needs, on unit-length rows and directions with {@code ‖u‖∞ ≤ 1}. */
    public static final double TOLERANCE = 1e-9;

    private ComboRealizer() {}

    /**
     * @param design the data X the masks refer to (including a bias column if the model has one)
     * @param masks  the combos
     * @return the combos with generating points, in input order without duplicates
     * @throws IllegalArgumentException naming the combo, neuron and row when a combo is inconsistent
     *     or unrealisable, or when the masks have another row count than the data
     */
    public static ComboSet realize(Dataset design, ComboMasks masks) {
        int n = design.n(), d = design.d(), m1 = masks.m1();
        if (masks.n() != n)
            throw new IllegalArgumentException("the combos have masks of " + masks.n() + " rows, but the data have " + n + " rows");
        double[] unitRows = unitRows(design);
        ComboCollector collector = new ComboCollector(design, m1);
        double[] w1 = new double[d * m1];
        double[] w2 = new double[m1];
        for (int c = 0; c < masks.combos().size(); c++) {
            ComboMasks.Combo combo = masks.combos().get(c);
            double[] u = realisingPoint(c, combo, unitRows, n, d);
            for (int j = 0; j < m1; j++) {
                System.arraycopy(u, j * d, w1, j * d, d);
                w2[j] = combo.neurons().get(j).sign();
            }
            ComboCollector.Outcome outcome = collector.add(w1, 0, w2, 0);
            if (outcome != ComboCollector.Outcome.ADDED && outcome != ComboCollector.Outcome.DUPLICATE)
                throw new IllegalArgumentException("combo " + c + " has a zero feature (" + outcome + ")");
        }
        return collector.toComboSet("given combos");
    }

    /** X's rows scaled to unit length (zero rows stay zero), n × d column-major. */
    private static double[] unitRows(Dataset design) {
        int n = design.n(), d = design.d();
        double[] x = design.x(), out = new double[n * d];
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int k = 0; k < d; k++) s += x[i + k * n] * x[i + k * n];
            double scale = s > 0 ? 1 / Math.sqrt(s) : 0;
            for (int k = 0; k < d; k++) out[i + k * n] = x[i + k * n] * scale;
        }
        return out;
    }

    /** Checks combo {@code c} row by row and returns a point (m1·d) realising it strictly. */
    private static double[] realisingPoint(int c, ComboMasks.Combo combo, double[] x, int n, int d) {
        int m1 = combo.neurons().size();
        boolean[][] first = new boolean[m1][];
        int[] sign = new int[m1];
        for (int j = 0; j < m1; j++) {
            first[j] = combo.neurons().get(j).mask();
            sign[j] = combo.neurons().get(j).sign();
        }
        boolean[] second = combo.second();
        boolean[] nonzero = new boolean[n];
        for (int i = 0; i < n; i++)
            for (int k = 0; k < d; k++) nonzero[i] |= x[i + k * n] != 0;

        int dim = m1 * d;
        int[] mixedRows = new int[n];
        int mixed = 0;
        boolean feature = false;
        boolean[] alive = new boolean[m1];
        for (int i = 0; i < n; i++) {
            if (!nonzero[i]) continue;
            boolean pos = false, neg = false;
            for (int j = 0; j < m1; j++) {
                if (!first[j][i]) continue;
                alive[j] = true;
                if (sign[j] > 0) pos = true;
                else neg = true;
            }
            if (pos && !neg && !second[i])
                throw new IllegalArgumentException("combo " + c + " is inconsistent: its second-layer mask is 0 on row " + i
                        + ", where every active neuron is positive (so the second-layer input is > 0 there)");
            if (neg && !pos && second[i])
                throw new IllegalArgumentException("combo " + c + " is inconsistent: its second-layer mask is 1 on row " + i
                        + ", where every active neuron is negative (so the second-layer input is < 0 there)");
            if (pos && neg) mixedRows[mixed++] = i;
            feature |= pos && second[i];
        }
        for (int j = 0; j < m1; j++) {
            if (!alive[j])
                throw new IllegalArgumentException("combo " + c + ", neuron " + j + ": the mask is active on no nonzero row of the"
                        + " data, so the neuron's feature is zero; drop the combo");
        }
        if (!feature)
            throw new IllegalArgumentException("combo " + c + " has a zero feature: its second-layer mask keeps no row where a"
                    + " positive neuron is active; drop the combo");

        int nonzeroRows = 0;
        for (boolean b : nonzero) if (b) nonzeroRows++;
        int rows = m1 * nonzeroRows + mixed;
        double[] a = new double[rows * dim];
        int r = 0;
        for (int j = 0; j < m1; j++) {
            for (int i = 0; i < n; i++) {
                if (!nonzero[i]) continue;
                double side = first[j][i] ? 1 : -1;
                for (int k = 0; k < d; k++) a[r + (j * d + k) * rows] = side * x[i + k * n];
                r++;
            }
        }
        for (int t = 0; t < mixed; t++, r++) {
            int i = mixedRows[t];
            double side = second[i] ? 1 : -1;
            double norm = 0;
            for (int j = 0; j < m1; j++) if (first[j][i]) norm += 1;
            double scale = side / Math.sqrt(norm);
            for (int j = 0; j < m1; j++) {
                if (!first[j][i]) continue;
                for (int k = 0; k < d; k++) a[r + (j * d + k) * rows] = scale * sign[j] * x[i + k * n];
            }
        }
        double[] u = MarginLp.maxMarginDirection(a, rows, dim);
        double margin = MarginLp.margin(a, rows, dim, u);
        if (!(margin > TOLERANCE))
            throw new IllegalArgumentException(String.format(java.util.Locale.ROOT, "combo %d is not realisable: no sub-network"
                    + " has these masks and signs on the data (the largest margin of its constraints is %.1e)", c, margin));
        return u;
    }
}
