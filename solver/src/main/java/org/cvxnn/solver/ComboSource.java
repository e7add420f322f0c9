package org.cvxnn.solver;

import org.cvxnn.solver.combo.ComboEnumerationSettings;
import org.cvxnn.solver.combo.ComboEnumerator;
import org.cvxnn.solver.combo.ComboMasks;
import org.cvxnn.solver.combo.ComboRealizer;
import org.cvxnn.solver.combo.ComboSampler;
import org.cvxnn.solver.combo.ComboSet;
import org.cvxnn.solver.combo.TreeComboSet;
import org.cvxnn.solver.combo.TreeCombos;
import org.cvxnn.solver.combo.TreeShape;
import org.cvxnn.solver.data.Dataset;

import java.util.Objects;

/**
 * Where the combos of a path-regularised three-layer program (or the tree combos of a depth-L one,
 * §4.3) come from (formulations §3.4, §6).
 * With {@link #exact()} the convex optimum is the global optimum of (4.1) over parallel networks
 * with sub-networks of the given width; with sampled combos it is the optimum over networks whose
 * sub-networks use those combos.
 */
public sealed interface ComboSource {

    /** The combos of {@code design} (the data as the network sees them) for sub-networks of {@code m1} neurons. */
    ComboSet combosOf(Dataset design, int m1);

    /**
     * The tree combos of {@code design} for sub-networks of the given shape (formulations §4.3).
     *
     * @throws IllegalArgumentException for exact enumeration of a tree deeper than 3 (not implemented)
     */
    TreeComboSet treeCombosOf(Dataset design, TreeShape shape);

    /** Whether every combo of the data is included (the result is then a global optimum). */
    boolean complete();

    /** Combos of {@code draws} random sub-networks drawn from {@code seed} ({@link ComboSampler}). */
    static ComboSource sampled(int draws, long seed) {
        return new Sampled(draws, seed);
    }

    /** All combos, by exact enumeration with default settings. */
    static ComboSource exact() {
        return new Exact(ComboEnumerationSettings.defaults());
    }

    /** All combos, by exact enumeration with {@code settings}. */
    static ComboSource exact(ComboEnumerationSettings settings) {
        return new Exact(settings);
    }

    /** The combos given by {@code masks} (e.g. a combo file), checked and realised on the data ({@link ComboRealizer}). */
    static ComboSource listed(ComboMasks masks) {
        return new Listed(masks);
    }

    /** @param draws number of random sub-networks, ≥ 1 @param seed random seed */
    record Sampled(int draws, long seed) implements ComboSource {
        public Sampled {
            if (draws < 1) throw new IllegalArgumentException("the number of sampled combos must be >= 1, got " + draws);
        }

        @Override
        public ComboSet combosOf(Dataset design, int m1) {
            return ComboSampler.sample(design, m1, draws, seed).combos();
        }

        @Override
        public TreeComboSet treeCombosOf(Dataset design, TreeShape shape) {
            return TreeCombos.sample(design, shape, draws, seed);
        }

        @Override
        public boolean complete() {
            return false;
        }
    }

    /** @param settings enumeration settings (limit, tolerance, first layer) */
    record Exact(ComboEnumerationSettings settings) implements ComboSource {
        public Exact {
            Objects.requireNonNull(settings, "settings");
        }

        @Override
        public ComboSet combosOf(Dataset design, int m1) {
            return new ComboEnumerator(settings).enumerate(design, m1);
        }

        /** Depth 3 only: the enumerated three-layer combos as tree combos. */
        @Override
        public TreeComboSet treeCombosOf(Dataset design, TreeShape shape) {
            if (shape.depth() != 3)
                throw new IllegalArgumentException("exact enumeration of the combos of depth-" + shape.depth()
                        + " trees is not implemented (only depth 3); sample the combos instead");
            return TreeComboSet.ofThreeLayer(combosOf(design, shape.leaves()));
        }

        @Override
        public boolean complete() {
            return true;
        }
    }

    /** @param masks the combos' masks and signs */
    record Listed(ComboMasks masks) implements ComboSource {
        public Listed {
            Objects.requireNonNull(masks, "masks");
        }

        @Override
        public ComboSet combosOf(Dataset design, int m1) {
            if (m1 != masks.m1())
                throw new IllegalArgumentException("the given combos have m1 = " + masks.m1() + " neurons each, the problem m1 = " + m1);
            return ComboRealizer.realize(design, masks);
        }

        @Override
        public TreeComboSet treeCombosOf(Dataset design, TreeShape shape) {
            if (shape.depth() != 3)
                throw new IllegalArgumentException("listed combos describe three-layer sub-networks; depth-" + shape.depth()
                        + " trees need sampled combos");
            return TreeComboSet.ofThreeLayer(combosOf(design, shape.leaves()));
        }

        @Override
        public boolean complete() {
            return false;
        }
    }
}
