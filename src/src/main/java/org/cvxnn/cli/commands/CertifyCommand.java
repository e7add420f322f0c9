package org.cvxnn.cli.commands;

import org.cvxnn.cli.Args;
import org.cvxnn.cli.CliException;
import org.cvxnn.cli.Command;
import org.cvxnn.cli.Option;
import org.cvxnn.cli.Options;
import org.cvxnn.cli.Range;
import org.cvxnn.cli.Streams;
import org.cvxnn.cli.io.Json;
import org.cvxnn.cli.model.ComboFile;
import org.cvxnn.solver.ComboSource;
import org.cvxnn.solver.ModelKind;
import org.cvxnn.solver.PatternSource;
import org.cvxnn.solver.arrangement.PatternSet;
import org.cvxnn.solver.baseline.ParallelThreeLayerNetwork;
import org.cvxnn.solver.baseline.ThreeLayerPenalty;
import org.cvxnn.solver.certificate.DualCertificate;
import org.cvxnn.solver.certificate.GapCertificate;
import org.cvxnn.solver.certificate.PathCertificate;
import org.cvxnn.solver.certificate.PathTreeCertificate;
import org.cvxnn.solver.certificate.Scope;
import org.cvxnn.solver.certificate.WeightDecayCertificate;
import org.cvxnn.solver.combo.ComboMasks;
import org.cvxnn.solver.combo.ComboSet;
import org.cvxnn.solver.combo.TreeComboSet;
import org.cvxnn.solver.data.Dataset;
import org.cvxnn.solver.network.ThreeLayerNetwork;
import org.cvxnn.solver.network.TreeNetwork;
import org.cvxnn.solver.network.TwoLayerNetwork;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code cvxnn certify}: the duality-gap certificate of a relu2 model (formulations §1.6), a path3
 * model (§4.1–4.2, {@link PathCertificate}), a relu3 model (§3.9, {@link WeightDecayCertificate}) or
 * a pathL model (§4.3, {@link PathTreeCertificate}) on a data set: its objective, a lower bound on
 * the optimal objective, and their gap. With {@code --exact} every activation pattern (every combo,
 * for path3 and relu3) is enumerated and the bound holds for every network of the family — any
 * width, and for the three-layer models any number of sub-networks of the model's width m1 (scope
 * {@code global}); with sampled patterns ({@code --patterns N}) or combos ({@code --combos N}, or
 * the combos of a combo file, {@code --combos-file}) it holds only relative to them (scope
 * {@code pattern_subset}). pathL models of depth L &gt; 3 are certified over sampled combos only.
 */
public final class CertifyCommand implements Command {
    private static final Options OPTIONS = Options.of(
                    Option.value("model", "MODEL.json", "the relu2, path3, relu3 or pathL model file to certify").asRequired(),
                    Option.value("data", "FILE.csv", "the data: CSV with the model's feature and target columns").asRequired(),
                    Option.value("beta", "B", "regularisation strength, > 0 (default: the model's)"),
                    Option.flag("exact", "enumerate every activation pattern (path3, relu3: combo): a rigorous, global lower bound"),
                    Option.value("patterns", "N", "relu2: patterns of N random Gaussian gates: a bound relative to them only")
                            .withDefault(Integer.toString(ProblemOptions.DEFAULT_PATTERNS)),
                    Option.value("combos", "N", "path3, relu3, pathL: combos of N random sub-networks: a bound relative to them only")
                            .withDefault(Integer.toString(PathOptions.DEFAULT_COMBOS)),
                    Option.value("combos-file", "FILE.json", "path3, relu3: the combos of a combo file (train --save-combos):"
                            + " a bound relative to them only"),
                    Option.value("seed", "S", "random seed of --patterns or --combos").withDefault("0"),
                    Option.flag("json", "print the result as one JSON object on the last line of stdout"))
            .exclusive("exact", "patterns", "combos", "combos-file");

    @Override
    public String name() {
        return "certify";
    }

    @Override
    public String description() {
        return "bound how far a relu2, path3, relu3 or pathL model is from the optimal objective (duality gap)";
    }

    @Override
    public Options options() {
        return OPTIONS;
    }

    @Override
    public int run(Args args, Streams streams) {
        if (args.has("seed") && args.flag("exact"))
            throw new CliException("--seed applies only to sampled patterns or combos (--patterns N, --combos N), not to --exact");
        Double givenBeta = args.has("beta") ? args.doubleValue("beta", Range.positive()) : null;
        long seed = args.longValue("seed", Long.MIN_VALUE, Long.MAX_VALUE);
        Path modelFile = Path.of(args.string("model")), dataFile = Path.of(args.string("data"));
        ModelInputs in = ModelInputs.read(modelFile, dataFile, true);
        double beta = givenBeta != null ? givenBeta : in.model().beta();
        boolean exact = args.flag("exact");
        if (args.has("combos-file") && args.has("seed"))
            throw new CliException("--seed does not apply with --combos-file: the file gives the combos");
        if (args.has("combos-file") && !(in.model().model().network() instanceof ThreeLayerNetwork))
            throw new CliException("--combos-file applies to path3 and relu3 models; " + modelFile + " is a "
                    + in.model().model().kind().id() + " model");
        if (in.model().model().network() instanceof TreeNetwork tree) {
            if (args.has("patterns"))
                throw new CliException("--patterns applies to relu2 models; " + modelFile + " is a pathL model: use --combos N");
            if (exact && tree.depth() > 3)
                throw new CliException("--exact is not available for " + modelFile + ", a depth-" + tree.depth() + " pathL model: exact"
                        + " enumeration of tree combos is implemented only for depth 3; use --combos N [--seed S] (a bound relative to them)");
            ComboSource source = exact ? ComboSource.exact() : ComboSource.sampled(args.intValue("combos", 1, Integer.MAX_VALUE), seed);
            return certifyTree(args, streams, in, tree, beta, source, modelFile, dataFile);
        }
        if (in.model().model().network() instanceof ThreeLayerNetwork threeLayer) {
            String kind = in.model().model().kind().id();
            if (args.has("patterns"))
                throw new CliException("--patterns applies to relu2 models; " + modelFile + " is a " + kind
                        + " model: use --combos N or --exact");
            ComboSource source = exact ? ComboSource.exact()
                    : args.has("combos-file") ? comboFile(args.path("combos-file"), in.features().n())
                    : ComboSource.sampled(args.intValue("combos", 1, Integer.MAX_VALUE), seed);
            return certifyThreeLayer(args, streams, in, threeLayer, beta, source, modelFile, dataFile);
        }
        if (in.model().model().kind() != ModelKind.RELU2 || !(in.model().model().network() instanceof TwoLayerNetwork network))
            throw new CliException(modelFile + ": is a " + in.model().model().kind().id()
                    + " model; certify bounds relu2, path3 and relu3 models only (the dual certificate is that of the ReLU program)");
        if (args.has("combos"))
            throw new CliException("--combos applies to path3 and relu3 models; " + modelFile + " is a relu2 model: use --patterns N or --exact");
        int count = args.intValue("patterns", 1, Integer.MAX_VALUE);

        Dataset design = in.model().model().design(in.features());
        PatternSource source = exact ? PatternSource.exact() : PatternSource.sampled(count, seed);
        PatternSet patterns;
        try {
            patterns = source.patternsOf(design);
        } catch (IllegalArgumentException e) {
            throw new CliException(dataFile + ": cannot compute the activation patterns: " + e.getMessage()
                    + (exact ? "; use --patterns N to sample patterns instead" : ""), e);
        }
        DualCertificate c = DualCertificate.of(network, design, patterns, beta, exact ? Scope.ALL_PATTERNS : Scope.PATTERN_SUBSET);

        Map<String, Object> r = new LinkedHashMap<>();
        putGap(r, c);
        r.put("scope", exact ? "global" : "pattern_subset");
        r.put("scope_meaning", c.scope().meaning());
        r.put("patterns", patterns.size());
        if (!exact) {
            r.put("gates", count);
            r.put("seed", seed);
        }
        r.put("beta", beta);
        r.put("n", design.n());
        r.put("neurons", network.m());
        if (args.flag("json")) streams.out().println(Json.compact(r));
        else summary(streams.out(), modelFile, dataFile, c, exact, "patterns", patterns.size());
        return 0;
    }

    /** The path3 ({@link PathCertificate}) or relu3 ({@link WeightDecayCertificate}) certificate. */
    private static int certifyThreeLayer(Args args, Streams streams, ModelInputs in, ThreeLayerNetwork model, double beta,
                                         ComboSource source, Path modelFile, Path dataFile) {
        boolean exact = source.complete();
        ParallelThreeLayerNetwork network = model.network();
        Dataset design = in.model().model().design(in.features());
        ComboSet combos = combos(dataFile, exact ? "; use --combos N to sample combos instead" : "",
                () -> source.combosOf(design, network.width()));
        Scope scope = exact ? Scope.ALL_PATTERNS : Scope.PATTERN_SUBSET;
        // the model file reader has checked ‖W1k‖_F <= 1, so (3.1) is defined for weight decay
        GapCertificate c = model.penalty() == ThreeLayerPenalty.WEIGHT_DECAY
                ? WeightDecayCertificate.of(network, design, combos, beta, scope)
                : PathCertificate.of(network, design, combos, beta, scope);

        Map<String, Object> r = new LinkedHashMap<>();
        r.put("model", in.model().model().kind().id());
        putGap(r, c);
        r.put("sigma", c.sigma());
        putCombos(r, c, exact, combos.size(), source, design.n(), network.subnetworks());
        r.put("m1", network.width());
        if (args.flag("json")) streams.out().println(Json.compact(r));
        else summary(streams.out(), modelFile, dataFile, c, exact, "combos", combos.size());
        return 0;
    }

    private static int certifyTree(Args args, Streams streams, ModelInputs in, TreeNetwork network, double beta,
                                   ComboSource source, Path modelFile, Path dataFile) {
        boolean exact = source.complete();
        Dataset design = in.model().model().design(in.features());
        TreeComboSet combos = combos(dataFile, "", () -> source.treeCombosOf(design, network.shape()));
        PathTreeCertificate c = PathTreeCertificate.of(network, design, combos, beta, exact ? Scope.ALL_PATTERNS : Scope.PATTERN_SUBSET);

        Map<String, Object> r = new LinkedHashMap<>();
        putGap(r, c);
        putCombos(r, c, exact, combos.size(), source, design.n(), network.subnetworks());
        r.put("depth", network.depth());
        r.put("widths", network.shape().widths());
        if (args.flag("json")) streams.out().println(Json.compact(r));
        else summary(streams.out(), modelFile, dataFile, c, exact, "combos", combos.size());
        return 0;
    }

    /** The combos {@code compute} gives; its rejection becomes an error naming the data file, with {@code hint} appended. */
    private static <T> T combos(Path dataFile, String hint, Supplier<T> compute) {
        try {
            return compute.get();
        } catch (IllegalArgumentException e) {
            throw new CliException(dataFile + ": cannot compute the combos: " + e.getMessage() + hint, e);
        }
    }

    /** The JSON fields objective, lower_bound, gap and gap_rel of a certificate. */
    private static void putGap(Map<String, Object> r, GapCertificate c) {
        r.put("objective", c.objective());
        r.put("lower_bound", c.lowerBound());
        r.put("gap", c.gap());
        r.put("gap_rel", c.relativeGap());
    }

    /** The JSON fields scope, scope_meaning, combos (with draws and seed if sampled), beta, n and subnetworks. */
    private static void putCombos(Map<String, Object> r, GapCertificate c, boolean exact, int combos, ComboSource source,
                                  int n, int subnetworks) {
        r.put("scope", exact ? "global" : "pattern_subset");
        r.put("scope_meaning", c.scope().meaning());
        r.put("combos", combos);
        if (source instanceof ComboSource.Sampled sampled) {
            r.put("draws", sampled.draws());
            r.put("seed", sampled.seed());
        }
        r.put("beta", c.beta());
        r.put("n", n);
        r.put("subnetworks", subnetworks);
    }

    /** The combos of a combo file whose masks must cover the {@code rows} rows of the data. */
    private static ComboSource comboFile(Path file, int rows) {
        ComboMasks masks = ComboFile.read(file);
        if (masks.n() != rows)
            throw new CliException(file + ": its masks cover " + masks.n() + " rows, but the data have " + rows
                    + " samples; a combo file belongs to the data it was written for");
        return ComboSource.listed(masks);
    }

    private static void summary(PrintStream o, Path model, Path data, GapCertificate c, boolean exact, String what, int count) {
        o.printf("certificate of %s on %s, beta = %s%n", model, data, c.beta());
        Reports.line(o, "objective", Reports.format(c.objective()));
        Reports.line(o, "lower bound", Reports.format(c.lowerBound()));
        Reports.line(o, "gap", Reports.format(c.gap()) + " (relative " + Reports.format(c.relativeGap()) + ")");
        Reports.line(o, "scope", (exact ? "global" : "pattern_subset") + ": " + c.scope().meaning());
        Reports.line(o, what, count + (exact ? " (all)" : " (sampled)"));
    }
}
