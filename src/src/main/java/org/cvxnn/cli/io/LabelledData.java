package org.cvxnn.cli.io;

import org.cvxnn.solver.data.Dataset;

import java.util.List;

/**
 * A data set read from a CSV file, with the names of its columns.
 *
 * @param data     the samples: features in header order (the target column left out) and targets
 * @param features the header names of the feature columns, {@code data.d()} of them
 * @param target   the header name of the target column
 */
public record LabelledData(Dataset data, List<String> features, String target) {
    public LabelledData {
        features = List.copyOf(features);
        if (features.size() != data.d())
            throw new IllegalArgumentException(features.size() + " feature names for " + data.d() + " features");
    }
}
