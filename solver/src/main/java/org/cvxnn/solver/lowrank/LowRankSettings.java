package org.cvxnn.solver.lowrank;

import java.util.Objects;

import org.cvxnn.solver.ModelKind;
import org.cvxnn.solver.data.ProblemArguments;

/**
 * What {@link LowRankApproximation#solve} computes: the problem of {@code model} with regularisation
 * {@code beta} (and a weight-decayed bias column when {@code bias}), solved on the best
 * rank-{@code rank} approximation of the features, and how its dual certificate on the original data
 * is computed.
 *
 * @param rank               the approximation rank r, {@code 1 <= r <= min(n, d)}
 * @param beta               the regularisation strength β &gt; 0
 * @param bias               whether a constant bias column is appended (it is never approximated)
 * @param model              {@link ModelKind#RELU2} (default), {@link ModelKind#PATH3} or {@link ModelKind#RELU3}
 * @param m1                 first-layer neurons per sub-network of a three-layer model; 1 for relu2
 * @param certificateLimit   enumerate every pattern (three-layer: combo) of the original data for the
 *                           certificate when their number is known to be at most this (scope global);
 *                           otherwise sample (default 20 000; 0 always samples)
 * @param certificateSamples gates (three-layer: random sub-networks) sampled for the certificate when
 *                           enumeration is too large (scope pattern subset), default 2 000; the patterns
 *                           (combos) of the recovered neurons (sub-networks) are always added
 * @param certificateSeed    seed of those samples (default 0)
 */
public record LowRankSettings(int rank, double beta, boolean bias, ModelKind model, int m1, long certificateLimit,
                              int certificateSamples, long certificateSeed) {

    /** Default of {@link #certificateLimit()}. */
    public static final long DEFAULT_CERTIFICATE_LIMIT = 20_000;
    /** Default of {@link #certificateSamples()}. */
    public static final int DEFAULT_CERTIFICATE_SAMPLES = 2_000;

    public LowRankSettings {
        if (rank < 1) throw new IllegalArgumentException("the approximation rank must be >= 1, got " + rank);
        ProblemArguments.requirePositiveBeta(beta);
        Objects.requireNonNull(model, "model");
        if (model == ModelKind.GATED2)
            throw new IllegalArgumentException("the low-rank approximation does not apply to gated2: its gates 1[Xg >= 0] are not"
                    + " Lipschitz in X, so the rank-r bound does not hold");
        if (model == ModelKind.RELU2 ? m1 != 1 : m1 < 1)
            throw new IllegalArgumentException(model == ModelKind.RELU2 ? "m1 must be 1 for relu2, got " + m1
                    : "m1 (first-layer neurons per sub-network) must be >= 1, got " + m1);
        if (certificateLimit < 0) throw new IllegalArgumentException("certificateLimit must be >= 0, got " + certificateLimit);
        if (certificateSamples < 1) throw new IllegalArgumentException("certificateSamples must be >= 1, got " + certificateSamples);
    }

    /** relu2 with rank r, β and bias, and the certificate defaults above. */
    public static LowRankSettings of(int rank, double beta, boolean bias) {
        return new LowRankSettings(rank, beta, bias, ModelKind.RELU2, 1, DEFAULT_CERTIFICATE_LIMIT, DEFAULT_CERTIFICATE_SAMPLES, 0);
    }

    /** These settings for another model ({@code m1 = 1} for relu2). */
    public LowRankSettings withModel(ModelKind kind, int width) {
        return new LowRankSettings(rank, beta, bias, kind, width, certificateLimit, certificateSamples, certificateSeed);
    }

    /** These settings with another certificate enumeration limit, sample count and seed. */
    public LowRankSettings withCertificate(long limit, int samples, long seed) {
        return new LowRankSettings(rank, beta, bias, model, m1, limit, samples, seed);
    }

    /** The Lipschitz factor of §4.4 per unit σ_{r+1}: √m1 for path3, 1 otherwise. */
    double lipschitzFactor() {
        return model == ModelKind.PATH3 ? Math.sqrt(m1) : 1.0;
    }
}
