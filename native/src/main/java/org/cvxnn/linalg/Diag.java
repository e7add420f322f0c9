package org.cvxnn.linalg;

/** Whether a triangular matrix has an implicit unit diagonal. */
public enum Diag {
    NON_UNIT(131, 'N'),
    UNIT(132, 'U');

    final int cblas;
    final byte lapack;

    Diag(int cblas, char lapack) {
        this.cblas = cblas;
        this.lapack = (byte) lapack;
    }
}
