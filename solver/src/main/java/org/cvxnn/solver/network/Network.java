package org.cvxnn.solver.network;

import org.cvxnn.solver.data.Dataset;

/**
 * A trained scalar-output network evaluated on a design matrix (the data as the model sees it,
 * including its bias column when it has one).
 */
public interface Network {

    /** Input dimension the network expects. */
    int d();

    /** Number of hidden neurons (or sub-networks). */
    int m();

    /** Predictions for every row of {@code data}. */
    double[] predict(Dataset data);

    /** The regularised non-convex training objective of this network on {@code data} (formulations §0). */
    double objective(Dataset data, double beta);

    /** Half the squared error of the predictions: the loss part of {@link #objective}. */
    default double halfSquaredError(Dataset data) {
        double[] yhat = predict(data);
        double s = 0;
        for (int i = 0; i < data.n(); i++) {
            double r = yhat[i] - data.y()[i];
            s += r * r;
        }
        return 0.5 * s;
    }
}
