package org.cvxnn.solver.combo;

/**
 * Result of {@link ComboSampler#sample}: the distinct combos and what was dropped.
 *
 * @param combos              the distinct canonical combos, in the order their first draw came
 * @param drawn               number of points {@code (W1, w2)} drawn (the request)
 * @param duplicatesDropped   draws whose combo an earlier draw had already produced
 * @param zeroFeaturesDropped draws whose features {@code D_2 D_1j X} are all zero (every draw with
 *                            all signs negative, and a few others)
 * @param deadNeuronsDropped  draws with a neuron whose mask is a zero feature ({@code D_1j X = 0},
 *                            e.g. the all-zero mask, which exists whenever X has a bias column)
 */
public record SampledCombos(ComboSet combos, int drawn, int duplicatesDropped, int zeroFeaturesDropped,
                            int deadNeuronsDropped) {}
