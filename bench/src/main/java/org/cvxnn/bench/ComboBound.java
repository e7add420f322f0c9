package org.cvxnn.bench;

import java.math.BigInteger;

/**
 * Upper bounds on the number C of three-layer combos (formulations §3.10, bound (3.10)/(15)) for n
 * samples, data rank r, m1 first-layer neurons per sub-network and P1 first-layer patterns:
 * <ul>
 *   <li>closed form {@code C ≤ (2P1)^{m1} · 2 m1 r (e(n−1)/(m1 r))^{m1 r}};</li>
 *   <li>sharper sum form {@code C ≤ (2P1)^{m1} · 2 Σ_{k<m1 r} C(n−1, k)}, the count the closed form
 *       bounds (it holds for every m1 r; the closed form bounds the sum only when m1 r ≤ n − 1).</li>
 * </ul>
 * Both overflow a double quickly, so they are computed as natural logarithms; {@link #value()} and
 * {@link #sumValue()} are {@code +∞} once the bound exceeds {@link Double#MAX_VALUE}.
 *
 * @param n    samples, at least 2
 * @param rank rank r of X, at least 1
 * @param m1   first-layer neurons per sub-network, at least 1
 * @param p1   first-layer pattern count P1, at least 1
 */
record ComboBound(int n, int rank, int m1, long p1) {

    ComboBound {
        if (n < 2) throw new IllegalArgumentException("n must be >= 2, got " + n);
        if (rank < 1) throw new IllegalArgumentException("rank must be >= 1, got " + rank);
        if (m1 < 1) throw new IllegalArgumentException("m1 must be >= 1, got " + m1);
        if (p1 < 1) throw new IllegalArgumentException("P1 must be >= 1, got " + p1);
    }

    /** Natural logarithm of the closed-form bound. */
    double log() {
        double k = (double) m1 * rank;
        return signs() + Math.log(2 * k) + k * (1 + Math.log(n - 1) - Math.log(k));
    }

    /** Natural logarithm of the sum-form bound. */
    double sumLog() {
        long k = (long) m1 * rank;
        BigInteger sum = BigInteger.ZERO, binomial = BigInteger.ONE;
        for (int j = 0; j < k && j <= n - 1; j++) {
            sum = sum.add(binomial);
            binomial = binomial.multiply(BigInteger.valueOf(n - 1 - j)).divide(BigInteger.valueOf(j + 1));
        }
        return signs() + ln(sum.shiftLeft(1));
    }

    /** The closed-form bound ({@code +∞} past the double range). */
    double value() {
        return Math.exp(log());
    }

    /** The sum-form bound ({@code +∞} past the double range). */
    double sumValue() {
        return Math.exp(sumLog());
    }

    /** {@code ln (2P1)^{m1}}: mask and sign choices of the m1 neurons. */
    private double signs() {
        return m1 * Math.log(2.0 * p1);
    }

    private static double ln(BigInteger b) {
        int shift = Math.max(0, b.bitLength() - 1000);
        return Math.log(b.shiftRight(shift).doubleValue()) + shift * Math.log(2);
    }
}
