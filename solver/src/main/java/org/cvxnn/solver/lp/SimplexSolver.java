package org.cvxnn.solver.lp;

import java.util.Objects;

/**
 * A dense bounded-variable primal simplex method (revised, explicit basis inverse) for
 * {@link StandardFormLp}. Meant for the small LPs of this project: a few dozen rows, up to a few
 * thousand columns.
 *
 * <p>Phase 1 starts from one artificial variable per row and minimises their sum; phase 2 fixes the
 * artificials at zero and minimises {@code cᵀx}. Pricing is Dantzig's rule; the ratio test is
 * Harris' two-pass test (bound tolerance {@link LpSettings#feasibilityTol()}, largest pivot among
 * the near-ties), with bound flips for boxed variables. After 50 consecutive degenerate steps the
 * method switches to Bland's smallest-index rule until it makes progress again, which rules out
 * cycling. Everything is deterministic. Instances are immutable and thread-safe.
 */
public final class SimplexSolver {
    private final LpSettings settings;

    /** A solver with {@link LpSettings#defaults()}. */
    public SimplexSolver() {
        this(LpSettings.defaults());
    }

    public SimplexSolver(LpSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** Solves {@code lp}; the outcome, including infeasibility or unboundedness, is in the status. */
    public LpSolution solve(StandardFormLp lp) {
        return new SimplexRun(Objects.requireNonNull(lp, "lp"), settings).solve();
    }
}
