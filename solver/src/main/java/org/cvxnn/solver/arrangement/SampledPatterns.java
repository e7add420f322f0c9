package org.cvxnn.solver.arrangement;

/**
 * Result of {@link PatternSampler#sample}: the distinct patterns and what was dropped.
 *
 * @param patterns            the distinct patterns, in the order their first gate was drawn
 * @param gatesDrawn          number of gates drawn (the request)
 * @param duplicatesDropped   gates whose pattern an earlier gate had already produced
 * @param zeroFeaturesDropped gates whose pattern has {@code D X = 0} (the all-zero pattern when X
 *                            has no zero row)
 */
public record SampledPatterns(PatternSet patterns, int gatesDrawn, int duplicatesDropped, int zeroFeaturesDropped) {}
