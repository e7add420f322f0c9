package org.cvxnn.solver.arrangement;

/**
 * Settings of {@link ExactEnumerator}.
 *
 * @param maxPatterns largest number of patterns the enumeration may produce: it is refused up front
 *                    if Cover's count (an upper bound) exceeds this (default 200 000)
 * @param tolerance   degeneracy tolerance, on unit-length rows in the row space of X: a row within
 *                    this of vanishing on a ray counts as vanishing, critical angles closer than this
 *                    coincide, and a cell split needs an LP margin above it; cells thinner than about
 *                    this may be missed (default 1e-10)
 * @param method      the algorithm (default {@link Method#EXTREME_RAYS})
 */
public record EnumerationSettings(long maxPatterns, double tolerance, Method method) {

    /** Enumeration algorithms (formulations §6.2). Both give all full-dimensional cells. */
    public enum Method {
        /**
         * Rank 1: the two half-lines; rank 2: angular sweep; rank ≥ 3: extreme rays over
         * (r−1)-subsets of rows, degenerate rays resolved by recursion into their local
         * arrangement. No LP. The default.
         */
        EXTREME_RAYS,
        /** Hyperplanes inserted one by one, cells split by max-margin LPs; O(nP) LPs, slower. */
        INCREMENTAL
    }

    public EnumerationSettings {
        if (maxPatterns < 1) throw new IllegalArgumentException("maxPatterns must be >= 1, got " + maxPatterns);
        if (!(tolerance > 0 && tolerance < 1e-2))
            throw new IllegalArgumentException("tolerance must be in (0, 0.01), got " + tolerance);
        if (method == null) throw new IllegalArgumentException("method must not be null");
    }

    /** The defaults described above. */
    public static EnumerationSettings defaults() {
        return new EnumerationSettings(200_000, 1e-10, Method.EXTREME_RAYS);
    }

    public EnumerationSettings withMaxPatterns(long limit) {
        return new EnumerationSettings(limit, tolerance, method);
    }

    public EnumerationSettings withMethod(Method m) {
        return new EnumerationSettings(maxPatterns, tolerance, m);
    }
}
