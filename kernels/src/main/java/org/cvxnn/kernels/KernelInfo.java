package org.cvxnn.kernels;

import java.util.Locale;

/**
 * Describes a {@link Kernels} implementation, e.g. for a diagnostics report.
 *
 * @param implementation which implementation
 * @param speciesBits    width of one vector in bits ({@value Double#SIZE} for the scalar reference)
 * @param lanes          doubles processed per vector operation (1 for the scalar reference)
 */
public record KernelInfo(Implementation implementation, int speciesBits, int lanes) {

    /** The available implementations. */
    public enum Implementation {
        /** Plain loops, one double at a time: the reference every fast path is tested against. */
        SCALAR,
        /** Hand-vectorized with the incubating Vector API ({@code jdk.incubator.vector}). */
        VECTOR
    }

    /** One-line human-readable description, e.g. {@code "vector (256-bit DoubleVector, 4 lanes)"}. */
    public String describe() {
        String name = implementation.name().toLowerCase(Locale.ROOT);
        return implementation == Implementation.SCALAR
                ? name + " (reference loops)"
                : name + " (" + speciesBits + "-bit DoubleVector, " + lanes + " lanes)";
    }
}
