package org.cvxnn.solver.ipm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ReuseLedgerTest {

    /** The price grows with n and with the columns (double ones counting twice); reuse stops once the excess reaches it. */
    @Test
    void reuseStopsWhenTheExtraProductsReachThePrice() {
        ReuseLedger ledger = new ReuseLedger();
        int n = 2200, masks = 1000, d = 50;
        ledger.accumulated(n, (double) masks * d, masks, d); // every mask in single precision
        assertEquals(n * ReuseLedger.PRODUCTS_PER_UNIT, ledger.price(), 1e-12);
        ledger.accumulated(n, 2.0 * masks * d, masks, d);    // every mask in double precision
        assertEquals(2 * n * ReuseLedger.PRODUCTS_PER_UNIT, ledger.price(), 1e-12);

        ledger.accumulated(n, (double) masks * d, masks, d);
        double price = ledger.price();
        assertTrue(ledger.reuseAffordable());
        ledger.reusedSolve(ReuseLedger.FRESH_PRODUCTS);      // no more than a fresh factor would need: free
        assertTrue(ledger.reuseAffordable());
        int half = (int) Math.ceil(price / 2);
        ledger.reusedSolve(ReuseLedger.FRESH_PRODUCTS + half);
        assertTrue(ledger.reuseAffordable());
        ledger.reusedSolve(ReuseLedger.FRESH_PRODUCTS + half);
        assertFalse(ledger.reuseAffordable());
        ledger.accumulated(n, (double) masks * d, masks, d); // a fresh accumulation opens a new account
        assertTrue(ledger.reuseAffordable());
    }
}
