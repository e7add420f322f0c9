package org.cvxnn.linalg;

/** Whether a BLAS operand is used as stored or transposed. */
public enum Trans {
    NO_TRANS(111, 'N'),
    TRANS(112, 'T');

    final int cblas;
    final byte lapack;

    Trans(int cblas, char lapack) {
        this.cblas = cblas;
        this.lapack = (byte) lapack;
    }
}
