package org.cvxnn.bench;

/**
 * Floating-point operations of one call of the factor phase of the ReLU program's interior-point
 * iteration ({@code SchurKktSolver.factor}, with B = 2P blocks of dimension d, P masks, n samples),
 * term by term, leading order (the O(n²), O(B·d²) copies, fills and additions are left out):
 * <ul>
 *   <li>{@link #gram}: the Gram blocks {@code Xᵀdiag(σ_j)X}, one dgemm of the n×d(d+1)/2
 *       Khatri–Rao matrix against σ (n×B): 2·n·d(d+1)/2·B = 2·n·d(d+1)·P;</li>
 *   <li>{@link #blockInverses}: dpotrf (d³/3) and dpotri (2d³/3) of every block: B·d³ = 2P·d³;</li>
 *   <li>{@link #maskFactors}: dpotrf of the per-mask sums: P·d³/3;</li>
 *   <li>{@link #panels}: {@code X·L_i} for every mask, dgemm n×d by d×(P·d) in chunks: 2·n·d²·P;</li>
 *   <li>{@link #dsyrk}: {@code S += Z Zᵀ} over all chunks, Z n×(P·d) in total: n(n+1)·P·d
 *       (the exact count of a dsyrk with k = P·d, multiplications and additions);</li>
 *   <li>{@link #schurCholesky}: dpotrf of the n×n Schur complement: n³/3.</li>
 * </ul>
 *
 * @param n samples
 * @param d features (block dimension)
 * @param p masks (activation patterns after de-duplication)
 */
public record FactorFlops(long n, long d, long p) {

    public FactorFlops {
        if (n < 1 || d < 1 || p < 1) throw new IllegalArgumentException("n, d, p must be >= 1, got " + n + ", " + d + ", " + p);
    }

    public double gram() { return 2.0 * n * d * (d + 1) * p; }

    public double blockInverses() { return 2.0 * p * d * d * d; }

    public double maskFactors() { return p * (double) d * d * d / 3; }

    public double panels() { return 2.0 * n * d * d * p; }

    public double dsyrk() { return (double) n * (n + 1) * p * d; }

    public double schurCholesky() { return (double) n * n * n / 3; }

    /** All terms. */
    public double total() {
        return gram() + blockInverses() + maskFactors() + panels() + dsyrk() + schurCholesky();
    }
}
