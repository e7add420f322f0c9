package org.cvxnn.solver.certificate;

/** What the pattern set given to a {@link DualCertificate} covers, hence what its bound means. */
public enum Scope {
    /**
     * The caller asserts the set holds every activation pattern of X (an exact enumeration): the
     * lower bound is rigorous for the non-convex problem (1.1) at every width.
     */
    ALL_PATTERNS("rigorous: all patterns"),
    /**
     * The set may miss patterns (e.g. sampled gates): σ may be underestimated, so the bound holds
     * only for the convex program (1.2) restricted to these patterns, not for (1.1).
     */
    PATTERN_SUBSET("relative to the given pattern subset only, not a global certificate");

    private final String meaning;

    Scope(String meaning) {
        this.meaning = meaning;
    }

    /** One-line explanation used in reports. */
    public String meaning() {
        return meaning;
    }
}
