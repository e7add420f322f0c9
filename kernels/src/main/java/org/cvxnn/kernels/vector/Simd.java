package org.cvxnn.kernels.vector;

import java.nio.ByteOrder;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * The vector shape every kernel here uses, fixed once per JVM.
 *
 * <p>Deliberately no vector constants in static fields: C2 (JDK 25) does not unbox a constant
 * vector object that flows into a loop (e.g. as an accumulator's start value) and then boxes the
 * accumulator on every iteration — measured 5–10× slower than the scalar loop. Kernels create
 * {@code DoubleVector.zero}/{@code broadcast} values locally instead; the JIT hoists them.
 */
final class Simd {

    static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;
    static final int LANES = SPECIES.length();
    static final ByteOrder ORDER = ByteOrder.nativeOrder();
    /** Floats with the lane count of {@link #SPECIES} (half its width): doubles narrowed lane by lane. */
    static final VectorSpecies<Float> HALF_FLOATS =
            VectorSpecies.of(float.class, VectorShape.forBitSize(SPECIES.vectorBitSize() / 2));

    private Simd() {}

    /**
     * The lanes of rows {@code row .. row + LANES - 1} in a mask word holding rows
     * {@code row & ~63 ..}; {@code row} is a multiple of {@link #LANES}.
     */
    static VectorMask<Double> rows(long word, int row) {
        return VectorMask.fromLong(SPECIES, word >>> (row & 63));
    }

    /** Byte offset of double number {@code index}. */
    static long bytes(long index) {
        return index * Double.BYTES;
    }
}
