package org.cvxnn.cli.io;

import org.cvxnn.cli.CliException;

import java.nio.file.Path;
import java.util.List;

/**
 * A CSV table of numbers with its header, as {@link CsvData#readTable} reads it.
 *
 * @param file   the file it was read from, for messages
 * @param header the distinct column names
 * @param rows   the number of data rows, at least 1
 * @param values the values row after row ({@code values[i * header.size() + j]}), all finite
 */
public record NumericTable(Path file, List<String> header, int rows, double[] values) {
    public NumericTable {
        header = List.copyOf(header);
        if (values.length != (long) rows * header.size())
            throw new IllegalArgumentException(values.length + " values for " + rows + " rows of " + header.size() + " columns");
    }

    /** Whether a column is named {@code name}. */
    public boolean has(String name) {
        return header.contains(name);
    }

    /**
     * The column named {@code name}.
     *
     * @param purpose why it is needed, ending the error message when it is missing, e.g. {@code "which the model reads"}
     * @throws CliException naming the file, the column and the columns there are
     */
    public double[] column(String name, String purpose) {
        int j = header.indexOf(name);
        if (j < 0) throw CsvData.noSuchColumn(file.toString(), name, ", " + purpose, header);
        double[] c = new double[rows];
        for (int i = 0; i < rows; i++) c[i] = values[i * header.size() + j];
        return c;
    }
}
