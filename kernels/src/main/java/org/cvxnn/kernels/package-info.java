/**
 * Hand-vectorized kernels on off-heap memory, each with a plain scalar reference.
 *
 * <p>One abstract class per kernel family ({@link org.cvxnn.kernels.SignPatterns},
 * {@link org.cvxnn.kernels.RowMasking},
 * {@link org.cvxnn.kernels.MaskedPanel}, {@link org.cvxnn.kernels.StepLength},
 * {@link org.cvxnn.kernels.Elementwise}, {@link org.cvxnn.kernels.TwoLevelRowSum},
 * {@link org.cvxnn.kernels.TwoLevelPanel}, {@link org.cvxnn.kernels.SignFlip}); its public
 * methods validate every argument once and then call an unchecked kernel.
 * {@link org.cvxnn.kernels.Kernels#get()} hands out the implementation chosen once at start-up (system property {@value org.cvxnn.kernels.Kernels#PROPERTY}).
 *
 * <p>Conventions shared by all kernels:
 * <ul>
 *   <li>matrices ("panels") are column-major doubles in native byte order with a leading dimension
 *       {@code ld} counted in elements: element (r, c) is double number {@code c * ld + r};</li>
 *   <li>masks are bitsets: mask {@code i} occupies {@code wpm} consecutive {@code long}s starting at
 *       long index {@code i * wpm}; bit {@code r % 64} of word {@code r / 64} is row {@code r};</li>
 *   <li>segments must be 8-byte aligned (64-byte alignment is recommended) and large enough for
 *       the shape described; kernels never touch memory outside that shape.</li>
 * </ul>
 *
 * <p>Only {@code org.cvxnn.kernels.vector} links against {@code jdk.incubator.vector}; it is loaded
 * reflectively after the provider has checked that the module is present.
 */
package org.cvxnn.kernels;
