package org.cvxnn.cli.commands;

import org.cvxnn.cli.Args;
import org.cvxnn.cli.CliException;
import org.cvxnn.cli.Option;
import org.cvxnn.cli.Range;
import org.cvxnn.cli.io.LabelledData;
import org.cvxnn.cli.model.ComboFile;
import org.cvxnn.solver.ComboSource;
import org.cvxnn.solver.ModelKind;
import org.cvxnn.solver.PathProblem;
import org.cvxnn.solver.combo.ComboMasks;
import org.cvxnn.solver.combo.TreeShape;
import org.cvxnn.solver.ipm.IpmSettings;
import org.cvxnn.solver.ipm.PathTreeSolver;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The options of a parallel three-layer problem ({@code --model path3} or {@code --model relu3}) or
 * depth-L path problem ({@code --model pathL}) and their conversion to a {@link PathProblem} (for
 * {@code train} and {@code compare}): the options of {@link ProblemOptions} except the pattern
 * sources and {@code --working-set}, plus
 * <pre>
 *   --m1 M                     first-layer neurons per sub-network (required, or taken from --combos-file); for
 *                              pathL the width of every hidden layer below the root (M^(L-2) leaves)
 *   --depth L                  pathL only (required): depth L >= 3 of the sub-networks
 *   --combos N [--seed S] | --exact | --combos-file FILE.json
 *                              combo source (default: --combos 500 --seed 0); pathL: --exact only for L = 3,
 *                              no --combos-file
 * </pre>
 *
 * @param model    {@link ModelKind#PATH3}, {@link ModelKind#RELU3} or {@link ModelKind#PATHL}
 * @param dataFile the data file, for messages
 * @param data     the data read from it
 * @param beta     the regularisation strength β &gt; 0
 * @param bias     whether a constant bias feature is appended
 * @param m1       first-layer neurons per sub-network (pathL: per hidden layer)
 * @param depth    pathL: the depth L; 3 for path3 and relu3
 * @param combos   where the combos come from
 * @param source   the combo source as a JSON-ready map: {@code kind} (sampled: with {@code draws}
 *                 and {@code seed}; exact; file: with {@code file})
 * @param settings the interior-point settings
 */
record PathOptions(ModelKind model, Path dataFile, LabelledData data, double beta, boolean bias, int m1, int depth, ComboSource combos,
                   Map<String, Object> source, IpmSettings settings) {

    /** Random sub-networks drawn when neither {@code --combos} nor {@code --exact} is given. */
    static final int DEFAULT_COMBOS = 500;

    PathOptions {
        source = Collections.unmodifiableMap(new LinkedHashMap<>(source));
    }

    /** The options only the three-layer models take. */
    static Option[] options() {
        return new Option[] {
                Option.value("m1", "M", "path3/relu3/pathL only: first-layer neurons per sub-network, >= 1"
                        + " (pathL: neurons per hidden layer below the root)"),
                Option.value("depth", "L", "pathL only: depth L of the tree sub-networks, " + 3 + ".." + TreeShape.MAX_DEPTH
                        + " (M^(L-2) <= " + TreeShape.MAX_LEAVES + " leaves)"),
                Option.value("combos", "N", "path3/relu3/pathL only: combos of N random sub-networks (default "
                        + DEFAULT_COMBOS + "; --exact enumerates them all)"),
                Option.value("combos-file", "FILE.json", "path3/relu3 only: the combos of this combo file (train --save-combos"
                        + " writes one), masks over the rows of --data"),
        };
    }

    /** Rejects the three-layer-only options for a two-layer model. */
    static void rejectFor(String model, Args args) {
        for (String name : new String[] {"m1", "combos", "combos-file"}) {
            if (args.has(name)) throw new CliException("--" + name + " applies only to --model path3, relu3 or pathL, not to --model " + model);
        }
        if (args.has("depth")) throw new CliException("--depth applies only to --model pathL, not to --model " + model);
    }

    /** Checks the options of a {@code model} (path3 or relu3) problem and reads the data. */
    static PathOptions from(Args args, ModelKind model) {
        for (String name : new String[] {"patterns", "gates", "working-set"}) {
            if (args.has(name))
                throw new CliException("--" + name + " does not apply to --model " + model.id() + ": its program uses combos"
                        + " (--combos N [--seed S] or --exact)");
        }
        ComboMasks listed = null;
        if (args.has("combos-file")) {
            if (model == ModelKind.PATHL)
                throw new CliException("--combos-file applies to --model path3 and relu3; pathL tree combos are sampled (--combos N)");
            for (String name : new String[] {"combos", "exact", "seed"}) {
                if (args.has(name)) throw new CliException("--" + name + " does not apply with --combos-file: the file gives the combos");
            }
            listed = ComboFile.read(args.path("combos-file"));
        }
        if (!args.has("m1") && listed == null)
            throw new CliException("--model " + model.id() + " needs --m1 M (first-layer neurons per sub-network)");
        int m1 = args.has("m1") ? args.intValue("m1", 1, Integer.MAX_VALUE) : listed.m1();
        if (listed != null && listed.m1() != m1)
            throw new CliException("--m1 " + m1 + " does not match " + args.string("combos-file") + ", whose combos have m1 = " + listed.m1());
        int depth = 3;
        TreeShape shape = null;
        if (model == ModelKind.PATHL) {
            if (!args.has("depth")) throw new CliException("--model pathL needs --depth L (depth of the sub-networks, >= 3)");
            depth = args.intValue("depth", 3, TreeShape.MAX_DEPTH);
            try {
                shape = TreeShape.uniform(m1, depth);
            } catch (IllegalArgumentException e) {
                throw new CliException("--m1 " + m1 + " --depth " + depth + ": " + e.getMessage(), e);
            }
            if (depth > 3 && args.flag("exact"))
                throw new CliException("--exact is not available for --model pathL with --depth " + depth + ": exact enumeration"
                        + " of tree combos is implemented only for depth 3; sample them with --combos N [--seed S]");
        } else if (args.has("depth")) {
            throw new CliException("--depth applies only to --model pathL, not to --model " + model.id());
        }
        double beta = args.doubleValue("beta", Range.positive());
        boolean bias = args.flag("bias");
        if (args.has("seed") && args.flag("exact"))
            throw new CliException("--seed applies only to sampled combos (--combos N), not to --exact");
        IpmSettings settings = ProblemOptions.settings(args);
        Path file = Path.of(args.string("data"));
        LabelledData data = ProblemOptions.read(args, file);
        int weights = data.data().d() + (bias ? 1 : 0);
        if (shape != null && shape.leaves() * weights > PathTreeSolver.MAX_BLOCK_DIMENSION)
            throw new CliException(file + ": --m1 " + m1 + " --depth " + depth + " gives " + shape.leaves() + " leaves of " + weights
                    + " weights, a block of " + shape.leaves() * weights + " per sub-network; at most "
                    + PathTreeSolver.MAX_BLOCK_DIMENSION + " are supported: use a smaller --m1 or --depth");

        ComboSource combos;
        Map<String, Object> source = new LinkedHashMap<>();
        if (listed != null) {
            if (listed.n() != data.data().n())
                throw new CliException(args.string("combos-file") + ": its masks cover " + listed.n() + " rows, but " + file + " has "
                        + data.data().n() + " samples; a combo file belongs to the data it was written for");
            combos = ComboSource.listed(listed);
            source.put("kind", "file");
            source.put("file", args.string("combos-file"));
        } else if (args.flag("exact")) {
            combos = ComboSource.exact();
            source.put("kind", "exact");
        } else {
            int draws = args.has("combos") ? args.intValue("combos", 1, Integer.MAX_VALUE) : DEFAULT_COMBOS;
            long seed = args.longValue("seed", Long.MIN_VALUE, Long.MAX_VALUE);
            combos = ComboSource.sampled(draws, seed);
            source.put("kind", "sampled");
            source.put("draws", draws);
            source.put("seed", seed);
        }
        return new PathOptions(model, file, data, beta, bias, m1, depth, combos, source, settings);
    }

    /**
     * The problem these options describe; computes its combos.
     *
     * @throws CliException when no combo is left or exact enumeration is refused as too large
     */
    PathProblem problem() {
        try {
            PathProblem.Builder builder = PathProblem.builder(data.data()).model(model).m1(m1).beta(beta).bias(bias).combos(combos);
            return (model == ModelKind.PATHL ? builder.depth(depth) : builder).build();
        } catch (IllegalArgumentException e) {
            if (combos instanceof ComboSource.Listed)
                throw new CliException(source.get("file") + ": the combos do not fit " + dataFile + ": " + e.getMessage(), e);
            String hint = combos instanceof ComboSource.Exact ? "; use --combos N to sample combos instead" : "";
            throw new CliException(dataFile + ": cannot compute the combos: " + e.getMessage() + hint, e);
        }
    }
}
