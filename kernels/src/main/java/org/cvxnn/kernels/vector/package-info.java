/**
 * Vector API ({@code jdk.incubator.vector}) implementations of the kernel families: the only
 * package of cvxnn that links against the incubator module. Nothing here is public; the provider
 * in {@code org.cvxnn.kernels} instantiates {@code VectorKernels} reflectively, and only after it
 * has checked that the module is present.
 *
 * <p>Common shape: {@link jdk.incubator.vector.DoubleVector#SPECIES_PREFERRED} chosen once,
 * unaligned loads and stores in native byte order (columns start at any multiple of 8 bytes when
 * {@code ld} is odd), several independent accumulators in reductions, and a scalar tail of fewer
 * than one vector. A lane count divides 64, so the lanes of one vector never straddle two mask words.
 */
package org.cvxnn.kernels.vector;
