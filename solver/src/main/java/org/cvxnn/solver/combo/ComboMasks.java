package org.cvxnn.solver.combo;

import java.util.List;
import java.util.Objects;

/**
 * Combos given by their masks and signs (formulations §3.4), e.g. read from a combo file: for each
 * combo {@code m1} first-layer masks {@code D_1j} with signs {@code s_j}, and a second-layer mask
 * {@code D_2}, each mask a 0/1 vector over the n rows of the data. {@link ComboRealizer} checks them
 * against the data and finds a sub-network that realises each; {@link ComboSet#masks()} goes the
 * other way.
 *
 * @param n      rows every mask covers
 * @param m1     first-layer neurons per combo
 * @param combos the combos, at least one
 */
public record ComboMasks(int n, int m1, List<Combo> combos) {

    /**
     * One first-layer neuron of a combo.
     *
     * @param mask {@code mask[i]} = whether row i is active ({@code (D_1j)_ii = 1}); copied, length n
     * @param sign {@code s_j}, +1 or −1
     */
    public record Neuron(boolean[] mask, int sign) {
        public Neuron {
            mask = mask.clone();
            if (sign != 1 && sign != -1) throw new IllegalArgumentException("a neuron's sign must be +1 or -1, got " + sign);
        }

        @Override
        public boolean[] mask() { return mask.clone(); }
    }

    /**
     * One combo.
     *
     * @param neurons its m1 first-layer neurons
     * @param second  the second-layer mask {@code D_2}; copied, length n
     */
    public record Combo(List<Neuron> neurons, boolean[] second) {
        public Combo {
            neurons = List.copyOf(neurons);
            second = second.clone();
        }

        @Override
        public boolean[] second() { return second.clone(); }
    }

    /**
     * @throws IllegalArgumentException if {@code n} or {@code m1} is below 1, there is no combo, or
     *     a combo has the wrong number of neurons or a mask of the wrong length (the message names it)
     */
    public ComboMasks {
        if (n < 1) throw new IllegalArgumentException("combo masks need n >= 1 rows, got " + n);
        if (m1 < 1) throw new IllegalArgumentException("combo masks need m1 >= 1 neurons per combo, got " + m1);
        combos = List.copyOf(Objects.requireNonNull(combos, "combos"));
        if (combos.isEmpty()) throw new IllegalArgumentException("no combo given");
        for (int c = 0; c < combos.size(); c++) {
            Combo combo = combos.get(c);
            if (combo.neurons().size() != m1)
                throw new IllegalArgumentException("combo " + c + " has " + combo.neurons().size() + " neurons, expected m1 = " + m1);
            for (int j = 0; j < m1; j++) {
                int length = combo.neurons().get(j).mask.length;
                if (length != n)
                    throw new IllegalArgumentException("combo " + c + ", neuron " + j + ": the mask has " + length + " rows, expected " + n);
            }
            if (combo.second.length != n)
                throw new IllegalArgumentException("combo " + c + ": the second-layer mask has " + combo.second.length
                        + " rows, expected " + n);
        }
    }
}
