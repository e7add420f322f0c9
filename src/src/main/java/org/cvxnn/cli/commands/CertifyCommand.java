package org.cvxnn.cli.commands;

import org.cvxnn.cli.Args;
import org.cvxnn.cli.CliException;
import org.cvxnn.cli.Command;
import org.cvxnn.cli.Option;
import org.cvxnn.cli.Options;
import org.cvxnn.cli.Range;
import org.cvxnn.cli.Streams;
import org.cvxnn.cli.io.Json;
import org.cvxnn.solver.ModelKind;
import org.cvxnn.solver.PatternSource;
import org.cvxnn.solver.arrangement.PatternSet;
import org.cvxnn.solver.certificate.DualCertificate;
import org.cvxnn.solver.certificate.Scope;
import org.cvxnn.solver.data.Dataset;
import org.cvxnn.solver.network.TwoLayerNetwork;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code cvxnn certify}: the duality-gap certificate (formulations §1.6) of a relu2 model on a
 * data set: its objective, a lower bound on the optimal objective, and their gap. With
 * {@code --exact} every activation pattern is enumerated and the bound holds for every two-layer
 * ReLU network of any width (scope {@code global}); with sampled patterns it holds only relative
 * to that pattern set (scope {@code pattern_subset}).
 */
public final class CertifyCommand implements Command {
    private static final Options OPTIONS = Options.of(
                    Option.value("model", "MODEL.json", "the relu2 model file to certify").asRequired(),
                    Option.value("data", "FILE.csv", "the data: CSV with the model's feature and target columns").asRequired(),
                    Option.value("beta", "B", "regularisation strength, > 0 (default: the model's)"),
                    Option.flag("exact", "enumerate every activation pattern: a rigorous, global lower bound"),
                    Option.value("patterns", "N", "patterns of N random Gaussian gates: a bound relative to them only")
                            .withDefault(Integer.toString(ProblemOptions.DEFAULT_PATTERNS)),
                    Option.value("seed", "S", "random seed of --patterns").withDefault("0"),
                    Option.flag("json", "print the result as one JSON object on the last line of stdout"))
            .exclusive("exact", "patterns");

    @Override
    public String name() {
        return "certify";
    }

    @Override
    public String description() {
        return "bound how far a relu2 model is from the optimal objective (duality gap)";
    }

    @Override
    public Options options() {
        return OPTIONS;
    }

    @Override
    public int run(Args args, Streams streams) {
        if (args.has("seed") && args.flag("exact")) throw new CliException("--seed applies only to sampled patterns (--patterns N), not to --exact");
        Double givenBeta = args.has("beta") ? args.doubleValue("beta", Range.positive()) : null;
        int count = args.intValue("patterns", 1, Integer.MAX_VALUE);
        long seed = args.longValue("seed", Long.MIN_VALUE, Long.MAX_VALUE);
        Path modelFile = Path.of(args.string("model")), dataFile = Path.of(args.string("data"));
        ModelInputs in = ModelInputs.read(modelFile, dataFile, true);
        if (in.model().model().kind() != ModelKind.RELU2 || !(in.model().model().network() instanceof TwoLayerNetwork network))
            throw new CliException(modelFile + ": is a " + in.model().model().kind().id()
                    + " model; certify bounds relu2 models only (the dual certificate is that of the ReLU program)");
        double beta = givenBeta != null ? givenBeta : in.model().beta();
        boolean exact = args.flag("exact");

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
        r.put("objective", c.objective());
        r.put("lower_bound", c.lowerBound());
        r.put("gap", c.gap());
        r.put("gap_rel", c.relativeGap());
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
        else summary(streams.out(), modelFile, dataFile, c, patterns.size(), exact);
        return 0;
    }

    private static void summary(PrintStream o, Path model, Path data, DualCertificate c, int patterns, boolean exact) {
        o.printf("certificate of %s on %s, beta = %s%n", model, data, c.beta());
        Reports.line(o, "objective", Reports.format(c.objective()));
        Reports.line(o, "lower bound", Reports.format(c.lowerBound()));
        Reports.line(o, "gap", Reports.format(c.gap()) + " (relative " + Reports.format(c.relativeGap()) + ")");
        Reports.line(o, "scope", (exact ? "global" : "pattern_subset") + ": " + c.scope().meaning());
        Reports.line(o, "patterns", patterns + (exact ? " (all)" : " (sampled)"));
    }
}
