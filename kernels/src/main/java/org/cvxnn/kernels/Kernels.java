package org.cvxnn.kernels;

/**
 * A complete set of kernels: one instance per kernel family, all from the same implementation.
 *
 * <p>{@link #get()} returns the implementation selected once per JVM by the system property
 * {@value #PROPERTY}:
 * <ul>
 *   <li>{@code auto} (default): the Vector API implementation if the {@code jdk.incubator.vector}
 *       module is present and the preferred {@code DoubleVector} species has at least 256 bits,
 *       otherwise the scalar reference, with a one-line warning saying why;</li>
 *   <li>{@code vector}: the Vector API implementation, or an {@link IllegalStateException} if it
 *       cannot be used here;</li>
 *   <li>{@code scalar}: the scalar reference.</li>
 * </ul>
 * The choice is logged once (logger {@code org.cvxnn.kernels.Kernels}). All instances are
 * stateless and thread-safe.
 */
public interface Kernels {

    /** System property that pins the implementation: {@code auto}, {@code vector} or {@code scalar}. */
    String PROPERTY = "cvxnn.kernels";

    /** Which implementation this is, with its vector shape. */
    KernelInfo info();

    /** Sign-pattern extraction {@code 1[P >= 0]} into mask bits. */
    SignPatterns signPatterns();

    /** Zeroing of the panel rows a mask switches off. */
    RowMasking rowMasking();

    /** Expansion of one vector into a panel of masked copies. */
    MaskedPanel maskedPanel();

    /** Orthant and second-order-cone step lengths (ratio tests). */
    StepLength stepLength();

    /** Elementwise arithmetic and reductions on long vectors. */
    Elementwise elementwise();

    /** Second-layer pre-activations and predictions of three-layer combos from one panel {@code X U}. */
    TwoLevelRowSum twoLevelRowSum();

    /** Expansion of one vector into the signed two-level masked panel of all combos. */
    TwoLevelPanel twoLevelPanel();

    /** Scaled sign flips {@code α (2D − I)} of panel rows by mask (constraint rows). */
    SignFlip signFlip();

    /**
     * The implementation selected for this JVM (see the class comment).
     *
     * @throws IllegalStateException if {@value #PROPERTY} has an unsupported value, or is
     *     {@code vector} and the Vector API implementation cannot be used here
     */
    static Kernels get() {
        return KernelProvider.selected();
    }

    /** The scalar reference implementation (always available). */
    static Kernels scalar() {
        return ScalarKernels.INSTANCE;
    }

    /**
     * The Vector API implementation, regardless of {@value #PROPERTY}.
     *
     * @throws IllegalStateException if the {@code jdk.incubator.vector} module is not loaded or the
     *     preferred species has fewer than 256 bits; the message says which and how to fix it
     */
    static Kernels vector() {
        return KernelProvider.vector();
    }
}
