package org.cvxnn.cli.commands;

import org.cvxnn.cli.Args;
import org.cvxnn.cli.CliException;
import org.cvxnn.cli.Option;
import org.cvxnn.cli.Options;
import org.cvxnn.cli.Range;
import org.cvxnn.cli.io.CsvData;
import org.cvxnn.cli.io.LabelledData;
import org.cvxnn.solver.ModelKind;
import org.cvxnn.solver.PatternSource;
import org.cvxnn.solver.TwoLayerProblem;
import org.cvxnn.solver.ipm.IpmSettings;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The options that define a two-layer training problem, shared by {@code train} and
 * {@code compare}, and their conversion to a {@link TwoLayerProblem}.
 * <pre>
 *   --data FILE.csv            training data, CSV with a header row (required)
 *   --target COLUMN            target column (default: the last column)
 *   --model relu2|gated2       model family (default relu2)
 *   --beta B                   regularisation strength, &gt; 0 (required)
 *   --bias                     append a constant bias feature
 *   --gates GATES.csv | --patterns N [--seed S] | --exact
 *                              pattern source (default: --patterns 500 --seed 0)
 *   --max-iter K, --tol T, --threads T, --time-limit SECONDS, --verbose, --working-set, --double-schur   solver settings
 * </pre>
 * A gates file has no header and one gate per line: d numbers, or d+1 with {@code --bias} (the
 * last one multiplies the bias feature).
 *
 * @param dataFile the data file, for messages
 * @param data     the data read from it: features in header order, the target column left out
 * @param model    {@link ModelKind#RELU2} or {@link ModelKind#GATED2}
 * @param beta     the regularisation strength β &gt; 0
 * @param bias     whether a constant bias feature is appended
 * @param patterns where the activation patterns come from
 * @param source   the pattern source as a JSON-ready map: {@code kind} (sampled, gates, exact) and its parameters
 * @param settings the interior-point settings
 */
public record ProblemOptions(Path dataFile, LabelledData data, ModelKind model, double beta, boolean bias,
                             PatternSource patterns, Map<String, Object> source, IpmSettings settings) {

    /** Sampled gates used when no pattern source is given. */
    public static final int DEFAULT_PATTERNS = 500;

    public ProblemOptions {
        source = Collections.unmodifiableMap(new LinkedHashMap<>(source));
    }

    /**
     * The shared options with {@code --model models}, then {@code extra}, with the pattern-source
     * options mutually exclusive.
     */
    static Options options(String models, Option... extra) {
        Option[] shared = {
                Option.value("data", "FILE.csv", "training data: CSV with a header row, numeric columns").asRequired(),
                Option.value("target", "COLUMN", "name of the target column (default: the last column)"),
                Option.value("model", models, "network family").withDefault(ModelKind.RELU2.id()),
                Option.value("beta", "B", "regularisation strength, > 0").asRequired(),
                Option.flag("bias", "append a constant bias feature to the data"),
                Option.value("gates", "GATES.csv", "relu2/gated2: patterns of these gates: no header, one gate of d numbers per line (d+1 with --bias)"),
                Option.value("patterns", "N", "relu2/gated2: patterns of N random Gaussian gates").withDefault(Integer.toString(DEFAULT_PATTERNS)),
                Option.value("seed", "S", "random seed of --patterns (or --combos)").withDefault("0"),
                Option.flag("exact", "enumerate every activation pattern (path3, relu3, pathL with --depth 3: every combo): the result is the global optimum"),
                Option.value("max-iter", "K", "interior-point iteration limit (default 200)"),
                Option.value("tol", "T", "gap and feasibility tolerance, in (0, 1) (default 1e-8)"),
                Option.value("threads", "T", "BLAS threads (default: all processors)"),
                Option.value("time-limit", "SECONDS", "wall-clock limit of the solve"),
                Option.flag("verbose", "print one progress line per iteration on stderr"),
                Option.flag("working-set", "solve on a growing working set of masks (fast when few are active)"),
                Option.flag("double-schur", "relu2/gated2: form the Schur complement exactly in double precision instead of mixed precision"),
        };
        return Options.of(Stream.concat(Arrays.stream(shared), Arrays.stream(extra)).toArray(Option[]::new))
                .exclusive("gates", "patterns", "exact");
    }

    /**
     * Checks the options and reads the data (and the gates file), so every problem with the
     * user's input surfaces here as a {@link org.cvxnn.cli.CliException}.
     */
    public static ProblemOptions from(Args args) {
        ModelKind model = model(args.string("model"));
        double beta = args.doubleValue("beta", Range.positive());
        boolean bias = args.flag("bias");
        if (args.has("seed") && (args.has("gates") || args.has("exact")))
            throw new CliException("--seed applies only to sampled patterns (--patterns N), not to " + (args.has("gates") ? "--gates" : "--exact"));
        IpmSettings settings = settings(args);
        Path file = Path.of(args.string("data"));
        LabelledData data = read(args, file);

        PatternSource patterns;
        Map<String, Object> source = new LinkedHashMap<>();
        if (args.has("gates")) {
            Path gatesFile = Path.of(args.string("gates"));
            double[][] gates = readGates(gatesFile, data.data().d(), bias);
            patterns = PatternSource.gates(gates);
            source.put("kind", "gates");
            source.put("file", gatesFile.toString());
            source.put("gates", gates.length);
        } else if (args.flag("exact")) {
            patterns = PatternSource.exact();
            source.put("kind", "exact");
        } else {
            int count = args.intValue("patterns", 1, Integer.MAX_VALUE);
            long seed = args.longValue("seed", Long.MIN_VALUE, Long.MAX_VALUE);
            patterns = PatternSource.sampled(count, seed);
            source.put("kind", "sampled");
            source.put("gates", count);
            source.put("seed", seed);
        }
        return new ProblemOptions(file, data, model, beta, bias, patterns, source, settings);
    }

    /**
     * The problem these options describe; computes its activation patterns.
     *
     * @throws CliException when no pattern is left or exact enumeration is refused as too large
     */
    public TwoLayerProblem problem() {
        try {
            return TwoLayerProblem.builder(data.data()).model(model).beta(beta).bias(bias).patterns(patterns).build();
        } catch (IllegalArgumentException e) {
            String hint = patterns instanceof PatternSource.Exact ? "; use --patterns N to sample patterns instead" : "";
            throw new CliException(dataFile + ": cannot compute the activation patterns: " + e.getMessage() + hint, e);
        }
    }

    /** The data of {@code --data FILE} with the {@code --target} column (default: the last), at least 2 rows. */
    static LabelledData read(Args args, Path file) {
        return CsvData.read(file, args.has("target") ? args.string("target") : null, 2);
    }

    private static ModelKind model(String id) {
        for (ModelKind kind : new ModelKind[] {ModelKind.RELU2, ModelKind.GATED2}) {
            if (kind.id().equals(id)) return kind;
        }
        throw new CliException("--model must be " + ModelKind.RELU2.id() + " or " + ModelKind.GATED2.id() + ", got '" + id + "'");
    }

    /**
     * The interior-point settings of {@code --max-iter}, {@code --tol}, {@code --threads},
     * {@code --time-limit}, {@code --verbose}, {@code --working-set}, {@code --double-schur}.
     */
    static IpmSettings settings(Args args) {
        IpmSettings s = IpmSettings.defaults();
        if (args.has("max-iter")) s = s.withMaxIterations(args.intValue("max-iter", 1, Integer.MAX_VALUE));
        if (args.has("tol")) s = s.withTolerance(args.doubleValue("tol", new Range(0, false, 1, false)));
        if (args.has("threads")) s = s.withThreads(args.intValue("threads", 1, 4096));
        if (args.has("time-limit")) {
            double seconds = args.doubleValue("time-limit", Range.positive());
            s = s.withTimeLimit(Duration.ofNanos(Math.max(1, Math.round(Math.min(seconds * 1e9, Long.MAX_VALUE)))));
        }
        return s.withVerbose(args.flag("verbose")).withWorkingSet(args.flag("working-set"))
                .withMixedPrecision(!args.flag("double-schur"));
    }

    /** The gates of {@code file}: d numbers per line, or d+1 with a bias feature. */
    static double[][] readGates(Path file, int features, boolean bias) {
        int width = bias ? features + 1 : features;
        String row = bias ? "gate (" + features + " feature weights + 1 bias weight, as --bias is given)"
                : "gate (one weight per feature; " + features + " features, no --bias)";
        double[] values = CsvData.readRows(file, width, row);
        double[][] gates = new double[values.length / width][];
        for (int k = 0; k < gates.length; k++) gates[k] = Arrays.copyOfRange(values, k * width, (k + 1) * width);
        return gates;
    }
}
