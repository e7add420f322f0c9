package org.cvxnn.cli.data;

import org.cvxnn.cli.CliException;
import org.cvxnn.cli.DidYouMean;
import org.cvxnn.cli.io.CsvData;
import org.cvxnn.cli.io.LabelledData;
import org.cvxnn.solver.compare.TrainTestSplit;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The small UCI datasets shipped inside the jar (the six of the paper's Table 1; provenance in
 * {@code data/uci/SOURCE.md} beside the files). Each has features {@code x1..xd}, standardized, an
 * integer class label {@code 0..c-1} as target, and a split file assigning every row to
 * {@code train} or {@code test} in several columns: {@value #DEFAULT_SPLIT} (about 50/50) and
 * {@code fold1..fold4} (about 75/25 each).
 */
public final class EmbeddedData {
    /** The split column of the collection's main train/test split. */
    public static final String DEFAULT_SPLIT = "set";
    /** The split columns a split file has. */
    public static final List<String> SPLIT_COLUMNS = List.of("set", "tune", "fold1", "fold2", "fold3", "fold4");

    private static final List<String> NAMES = List.of("acute-inflammation", "acute-nephritis", "balloons",
            "breast-tissue", "fertility", "pittsburg-bridges-span");

    private EmbeddedData() {}

    /** The names of the embedded datasets, in Table 1 order. */
    public static List<String> names() {
        return NAMES;
    }

    /** The dataset {@code name}: features and the {@code label} column as target. */
    public static LabelledData load(String name) {
        requireKnown(name);
        return CsvData.read(open(name + ".csv"), source(name + ".csv"), "label", 2);
    }

    /**
     * The dataset {@code name} divided by split column {@code column} (one of {@link #SPLIT_COLUMNS}),
     * both parts in file order.
     */
    public static TrainTestSplit split(String name, String column) {
        if (!SPLIT_COLUMNS.contains(column))
            throw new CliException("unknown split column '" + column + "'; split columns: " + String.join(", ", SPLIT_COLUMNS));
        LabelledData data = load(name);
        String file = name + ".split.csv";
        List<String> rows = CsvData.readColumn(open(file), source(file), "row");
        List<String> sets = CsvData.readColumn(open(file), source(file), column);
        int n = data.data().n();
        if (sets.size() != n) throw new CliException(source(file) + ": has " + sets.size() + " rows for the " + n + " samples of " + name);
        boolean[] isTest = new boolean[n];
        for (int i = 0; i < n; i++) {
            if (!rows.get(i).equals(Integer.toString(i)))
                throw new CliException(source(file) + ", data row " + (i + 1) + ": column 'row' is '" + rows.get(i) + "', expected " + i);
            isTest[i] = switch (sets.get(i)) {
                case "test" -> true;
                case "train" -> false;
                default -> throw new CliException(source(file) + ", data row " + (i + 1) + ": column '" + column
                        + "' is '" + sets.get(i) + "', expected train or test");
            };
        }
        return TrainTestSplit.of(data.data(), isTest);
    }

    private static void requireKnown(String name) {
        if (NAMES.contains(name)) return;
        String hint = DidYouMean.closest(name, NAMES).map(s -> " (did you mean " + s + "?)").orElse("");
        throw new CliException("no embedded dataset named '" + name + "'" + hint + "; embedded: " + String.join(", ", NAMES));
    }

    private static Reader open(String file) {
        InputStream in = EmbeddedData.class.getResourceAsStream("uci/" + file);
        if (in == null) throw new IllegalStateException("resource uci/" + file + " is missing from the cvxnn jar");
        return new InputStreamReader(in, StandardCharsets.UTF_8);
    }

    private static String source(String file) {
        return "embedded data uci/" + file;
    }
}
