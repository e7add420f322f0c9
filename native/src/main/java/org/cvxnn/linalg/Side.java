package org.cvxnn.linalg;

/** Whether a triangular operand multiplies from the left or the right. */
public enum Side {
    LEFT(141),
    RIGHT(142);

    final int cblas;

    Side(int cblas) {
        this.cblas = cblas;
    }
}
