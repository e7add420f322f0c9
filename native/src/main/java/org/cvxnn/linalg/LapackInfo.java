package org.cvxnn.linalg;

/**
 * The outcome of a LAPACK routine whose {@code info} was not negative (negative values are
 * argument errors and are thrown as {@link IllegalArgumentException} before this is built).
 *
 * @param routine the LAPACKE function called
 * @param info    0 on success; a positive routine-specific index otherwise (for {@code dpotrf}
 *                the order of the leading minor that is not positive definite, for {@code dsyevd}
 *                and {@code dgesdd} the number of values that failed to converge, for
 *                {@code dtrtrs} the index of a zero diagonal element)
 */
public record LapackInfo(String routine, int info) {

    public LapackInfo {
        if (info < 0) throw new IllegalArgumentException(routine + ": argument " + (-info) + " had an illegal value");
    }

    /** Whether the routine succeeded. */
    public boolean ok() {
        return info == 0;
    }

    /** Throws an {@link ArithmeticException} describing the failure unless {@link #ok()}. */
    public void orThrow() {
        if (info != 0) throw new ArithmeticException(this.toString());
    }

    @Override
    public String toString() {
        return info == 0 ? routine + ": ok" : routine + ": info = " + info + describe();
    }

    private String describe() {
        return switch (routine) {
            case "dpotrf", "dpotri" -> " (the leading minor of order " + info + " is not positive definite)";
            case "dtrtrs" -> " (diagonal element " + info + " is zero: the matrix is singular)";
            case "dsyevd", "dgesdd" -> " (" + info + " values did not converge)";
            default -> "";
        };
    }
}
