package org.cvxnn.solver.lowrank;

/**
 * What {@link LowRankApproximation#solve} computes: the relu2 problem with regularisation
 * {@code beta} (and a weight-decayed bias column when {@code bias}), solved on the best rank-{@code rank}
 * approximation of the features, and how its dual certificate on the original data is computed.
 *
 * @param rank             the approximation rank r, {@code 1 <= r <= min(n, d)}
 * @param beta             the regularisation strength β &gt; 0
 * @param bias             whether a constant bias column is appended (it is never approximated)
 * @param certificateLimit enumerate every pattern of the original data for the certificate when
 *                         Cover's count for its rank is at most this (scope global); otherwise sample
 *                         (default 20 000; 0 always samples)
 * @param certificateGates Gaussian gates sampled for the certificate when enumeration is too large
 *                         (scope pattern subset; the recovered neurons are always added), default 2 000
 * @param certificateSeed  seed of those gates (default 0)
 */
public record LowRankSettings(int rank, double beta, boolean bias, long certificateLimit, int certificateGates,
                              long certificateSeed) {

    /** Default of {@link #certificateLimit()}. */
    public static final long DEFAULT_CERTIFICATE_LIMIT = 20_000;
    /** Default of {@link #certificateGates()}. */
    public static final int DEFAULT_CERTIFICATE_GATES = 2_000;

    public LowRankSettings {
        if (rank < 1) throw new IllegalArgumentException("the approximation rank must be >= 1, got " + rank);
        if (!(beta > 0) || !Double.isFinite(beta)) throw new IllegalArgumentException("beta must be a positive number, got " + beta);
        if (certificateLimit < 0) throw new IllegalArgumentException("certificateLimit must be >= 0, got " + certificateLimit);
        if (certificateGates < 1) throw new IllegalArgumentException("certificateGates must be >= 1, got " + certificateGates);
    }

    /** Rank r, β and bias with the certificate defaults above. */
    public static LowRankSettings of(int rank, double beta, boolean bias) {
        return new LowRankSettings(rank, beta, bias, DEFAULT_CERTIFICATE_LIMIT, DEFAULT_CERTIFICATE_GATES, 0);
    }

    /** These settings with another certificate enumeration limit, gate count and seed. */
    public LowRankSettings withCertificate(long limit, int gates, long seed) {
        return new LowRankSettings(rank, beta, bias, limit, gates, seed);
    }
}
