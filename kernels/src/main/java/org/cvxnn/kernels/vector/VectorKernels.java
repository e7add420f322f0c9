package org.cvxnn.kernels.vector;

import org.cvxnn.kernels.Elementwise;
import org.cvxnn.kernels.KernelInfo;
import org.cvxnn.kernels.Kernels;
import org.cvxnn.kernels.MaskedPanel;
import org.cvxnn.kernels.RowMasking;
import org.cvxnn.kernels.SignFlip;
import org.cvxnn.kernels.SignPatterns;
import org.cvxnn.kernels.StepLength;
import org.cvxnn.kernels.TwoLevelPanel;
import org.cvxnn.kernels.TwoLevelRowSum;

/** The Vector API implementations of every kernel family; instantiated reflectively by the provider. */
final class VectorKernels implements Kernels {

    private final KernelInfo info =
            new KernelInfo(KernelInfo.Implementation.VECTOR, Simd.SPECIES.vectorBitSize(), Simd.LANES);
    private final SignPatterns signPatterns = new VectorSignPatterns();
    private final RowMasking rowMasking = new VectorRowMasking();
    private final MaskedPanel maskedPanel = new VectorMaskedPanel();
    private final StepLength stepLength = new VectorStepLength();
    private final Elementwise elementwise = new VectorElementwise();
    private final TwoLevelRowSum twoLevelRowSum = new VectorTwoLevelRowSum();
    private final TwoLevelPanel twoLevelPanel = new VectorTwoLevelPanel();
    private final SignFlip signFlip = new VectorSignFlip();

    VectorKernels() {}

    @Override public KernelInfo info() { return info; }
    @Override public SignPatterns signPatterns() { return signPatterns; }
    @Override public RowMasking rowMasking() { return rowMasking; }
    @Override public MaskedPanel maskedPanel() { return maskedPanel; }
    @Override public StepLength stepLength() { return stepLength; }
    @Override public Elementwise elementwise() { return elementwise; }
    @Override public TwoLevelRowSum twoLevelRowSum() { return twoLevelRowSum; }
    @Override public TwoLevelPanel twoLevelPanel() { return twoLevelPanel; }
    @Override public SignFlip signFlip() { return signFlip; }
    @Override public String toString() { return info.describe(); }
}
