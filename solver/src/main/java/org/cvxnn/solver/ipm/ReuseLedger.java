package org.cvxnn.solver.ipm;

/**
 * When {@link SchurKktSolver} accumulates its Schur complement afresh instead of reusing the last
 * accumulation as the preconditioner: a ski-rental rule. Reuse costs conjugate-gradient products
 * beyond the few a fresh preconditioner needs; an accumulation costs about {@link #price()} products.
 * Reuse goes on while the extra products paid since the last accumulation stay below that price,
 * which never pays more than twice what the best choice in hindsight would have.
 */
final class ReuseLedger {
    /**
     * Price of one accumulation in products, per unit of {@code n·(single columns + 2·double columns)/(P·d)}.
     * At (2000, 50, 1000), every mask in single precision, an accumulation took 0.99 s and a product
     * 7.8 ms (126 products, n/16); charging n/22 gave the lower total (1677 products and 17
     * accumulations against 1902 and 16 for n/16).
     */
    static final double PRODUCTS_PER_UNIT = 1.0 / 22;
    /** Products a solve with a fresh preconditioner typically needs; only the excess counts against reuse. */
    static final int FRESH_PRODUCTS = 2;

    private double price, paid;

    /**
     * Opens the account of a fresh accumulation of an n×n Schur complement over {@code masks} masks of
     * dimension d, {@code weightedColumns} = single-precision columns + 2·double-precision columns.
     */
    void accumulated(int n, double weightedColumns, int masks, int d) {
        price = PRODUCTS_PER_UNIT * n * weightedColumns / ((double) masks * d);
        paid = 0;
    }

    /** Whether reusing the last accumulation is still cheaper than accumulating afresh. */
    boolean reuseAffordable() {
        return paid < price;
    }

    /** Records a solve with the reused preconditioner that took {@code products} products. */
    void reusedSolve(int products) {
        paid += Math.max(0, products - FRESH_PRODUCTS);
    }

    /** The price of the last accumulation in products. */
    double price() {
        return price;
    }
}
