package org.cvxnn.cli.commands;

import org.cvxnn.cli.io.CsvData;
import org.cvxnn.cli.io.NumericTable;
import org.cvxnn.cli.model.ModelFile;
import org.cvxnn.solver.data.Dataset;

import java.nio.file.Path;
import java.util.List;

/**
 * A model file and a CSV data set to apply it to, with the data's columns matched to the model's
 * feature names (by name, in any order; extra columns are ignored).
 *
 * @param model     the model
 * @param features  the model's features read from the data (targets are the target column, or zeros when absent)
 * @param hasTarget whether the data hold the model's target column
 */
record ModelInputs(ModelFile model, Dataset features, boolean hasTarget) {

    /**
     * Reads both files.
     *
     * @param needTarget whether a missing target column is an error
     */
    static ModelInputs read(Path modelFile, Path dataFile, boolean needTarget) {
        ModelFile model = ModelFile.read(modelFile);
        NumericTable table = CsvData.readTable(dataFile, needTarget ? 2 : 1);
        List<String> names = model.features();
        int n = table.rows();
        double[] x = new double[n * names.size()];
        for (int j = 0; j < names.size(); j++) {
            double[] column = table.column(names.get(j), "a feature of the model " + modelFile);
            System.arraycopy(column, 0, x, j * n, n);
        }
        boolean hasTarget = needTarget || table.has(model.target());
        double[] y = hasTarget ? table.column(model.target(), "the target of the model " + modelFile) : new double[n];
        return new ModelInputs(model, new Dataset(n, names.size(), x, y), hasTarget);
    }
}
