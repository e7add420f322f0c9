package org.cvxnn.kernels;

/** The scalar reference implementations of every kernel family. */
final class ScalarKernels implements Kernels {

    static final ScalarKernels INSTANCE = new ScalarKernels();

    private static final KernelInfo INFO = new KernelInfo(KernelInfo.Implementation.SCALAR, Double.SIZE, 1);

    private final SignPatterns signPatterns = new ScalarSignPatterns();
    private final RowMasking rowMasking = new ScalarRowMasking();
    private final MaskedPanel maskedPanel = new ScalarMaskedPanel();
    private final StepLength stepLength = new ScalarStepLength();
    private final Elementwise elementwise = new ScalarElementwise();
    private final TwoLevelRowSum twoLevelRowSum = new ScalarTwoLevelRowSum();
    private final TwoLevelPanel twoLevelPanel = new ScalarTwoLevelPanel();
    private final SignFlip signFlip = new ScalarSignFlip();

    private ScalarKernels() {}

    @Override public KernelInfo info() { return INFO; }
    @Override public SignPatterns signPatterns() { return signPatterns; }
    @Override public RowMasking rowMasking() { return rowMasking; }
    @Override public MaskedPanel maskedPanel() { return maskedPanel; }
    @Override public StepLength stepLength() { return stepLength; }
    @Override public Elementwise elementwise() { return elementwise; }
    @Override public TwoLevelRowSum twoLevelRowSum() { return twoLevelRowSum; }
    @Override public TwoLevelPanel twoLevelPanel() { return twoLevelPanel; }
    @Override public SignFlip signFlip() { return signFlip; }
    @Override public String toString() { return INFO.describe(); }
}
