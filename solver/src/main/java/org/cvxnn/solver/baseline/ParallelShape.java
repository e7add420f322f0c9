package org.cvxnn.solver.baseline;

/**
 * Sizes and offsets of the flat parameter vector {@code [W1 (K·m1·d) | w2 (K·m1) | w3 (K)]} of a
 * parallel three-layer network, in the layout of {@link ParallelThreeLayerNetwork}.
 *
 * @param d           input dimension
 * @param subnetworks {@code K}
 * @param width       {@code m1}
 */
record ParallelShape(int d, int subnetworks, int width) {

    /** First-layer neurons over all sub-networks, {@code K·m1}. */
    int neurons() {
        return subnetworks * width;
    }

    /** Parameters in one {@code W1k}, {@code d·m1}. */
    int blockSize() {
        return d * width;
    }

    /** Offset of {@code w2}. */
    int w2Offset() {
        return neurons() * d;
    }

    /** Offset of {@code w3}. */
    int w3Offset() {
        return w2Offset() + neurons();
    }

    /** Total parameter count. */
    int dimension() {
        return w3Offset() + subnetworks;
    }
}
