package org.cvxnn.cli.commands;

import org.cvxnn.cli.Args;
import org.cvxnn.cli.CliException;
import org.cvxnn.cli.Command;
import org.cvxnn.cli.Option;
import org.cvxnn.cli.Options;
import org.cvxnn.cli.Streams;
import org.cvxnn.cli.io.CsvData;
import org.cvxnn.cli.io.Json;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code cvxnn predict}: applies a model file to a CSV data set. The predictions are a CSV table
 * with one column {@code prediction}, written to {@code --out} or else to stdout. When the data
 * hold the model's target column, the mean squared error is reported too, and for labels in
 * {0, 1} (threshold 0.5) or {−1, 1} (threshold 0) the classification error; the report goes to
 * stdout with {@code --out}, else to stderr.
 */
public final class PredictCommand implements Command {
    /** The column name of the predictions. */
    static final String COLUMN = "prediction";

    private static final Options OPTIONS = Options.of(
            Option.value("model", "MODEL.json", "the model file written by train --out").asRequired(),
            Option.value("data", "FILE.csv", "the data: CSV with a header row naming at least the model's features").asRequired(),
            Option.value("out", "PRED.csv", "write the predictions here (default: stdout)"),
            Option.flag("json", "print the report as one JSON object (requires --out)"));

    @Override
    public String name() {
        return "predict";
    }

    @Override
    public String description() {
        return "apply a trained model to a CSV data set";
    }

    @Override
    public Options options() {
        return OPTIONS;
    }

    @Override
    public int run(Args args, Streams streams) {
        if (args.flag("json") && !args.has("out"))
            throw new CliException("--json needs --out PRED.csv, since without it stdout holds the predictions");
        Path out = args.has("out") ? OutputFiles.checkWritable(args.string("out")) : null;
        ModelInputs in = ModelInputs.read(Path.of(args.string("model")), Path.of(args.string("data")), false);
        double[] predictions = in.model().model().predict(in.features());
        if (out != null) CsvData.write(out, List.of(COLUMN), List.of(predictions));
        else CsvData.print(streams.out(), List.of(COLUMN), List.of(predictions));

        Map<String, Object> report = new LinkedHashMap<>();
        report.put("n", predictions.length);
        if (in.hasTarget()) {
            double[] y = in.features().y();
            report.put("mse", meanSquaredError(predictions, y));
            Double error = classificationError(predictions, y);
            if (error != null) report.put("classification_error", error);
        }
        report.put("out", out == null ? null : out.toString());
        PrintStream o = out == null ? streams.err() : streams.out();
        if (args.flag("json")) {
            o.println(Json.compact(report));
        } else {
            Reports.line(o, "predictions", predictions.length + (out == null ? "" : " written to " + out));
            if (report.containsKey("mse")) Reports.line(o, "mean squared error", Reports.format((Double) report.get("mse")));
            if (report.containsKey("classification_error"))
                Reports.line(o, "classification error", Reports.format((Double) report.get("classification_error")));
        }
        return 0;
    }

    static double meanSquaredError(double[] predictions, double[] y) {
        double s = 0;
        for (int i = 0; i < y.length; i++) s += (predictions[i] - y[i]) * (predictions[i] - y[i]);
        return s / y.length;
    }

    /**
     * The fraction of misclassified samples when every label is 0 or 1 (predicted class: ŷ ≥ ½) or
     * every label is −1 or 1 (predicted class: ŷ ≥ 0); {@code null} for other labels.
     */
    static Double classificationError(double[] predictions, double[] y) {
        boolean zeroOne = true, signs = true;
        for (double v : y) {
            zeroOne &= v == 0 || v == 1;
            signs &= v == -1 || v == 1;
        }
        if (!zeroOne && !signs) return null;
        double low = zeroOne ? 0 : -1, threshold = zeroOne ? 0.5 : 0;
        int wrong = 0;
        for (int i = 0; i < y.length; i++) {
            double predicted = predictions[i] >= threshold ? 1 : low;
            if (predicted != y[i]) wrong++;
        }
        return (double) wrong / y.length;
    }
}
