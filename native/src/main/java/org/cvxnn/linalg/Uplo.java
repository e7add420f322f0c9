package org.cvxnn.linalg;

/** Which triangle of a symmetric or triangular matrix is referenced. */
public enum Uplo {
    UPPER(121, 'U'),
    LOWER(122, 'L');

    final int cblas;
    final byte lapack;

    Uplo(int cblas, char lapack) {
        this.cblas = cblas;
        this.lapack = (byte) lapack;
    }
}
