package org.cvxnn.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.cvxnn.solver.ModelKind;
import org.cvxnn.solver.baseline.Optimizer;

import static org.cvxnn.bench.OptionValues.fraction;
import static org.cvxnn.bench.OptionValues.integer;
import static org.cvxnn.bench.OptionValues.longValue;

/**
 * Command line of {@link Figure4}.
 *
 * @param model        {@link ModelKind#PATH3} (path-regularised, the default) or {@link ModelKind#RELU3} (weight decay)
 * @param out          output directory (default {@code figure4})
 * @param n            samples (default 12)
 * @param bias         one Gaussian feature plus a bias column instead of two Gaussian features (default false)
 * @param seed         seed of the data; trial t of every run uses training seed {@code seed + t} (default 1)
 * @param trials       seeded trials per K and optimizer (default 10)
 * @param epochs       epochs per trial (default 100000)
 * @param ks           numbers of sub-networks K (default 1, 2, 4, 8, 16)
 * @param optimizers   the methods (default Adam and SGD)
 * @param betaFraction β as a fraction of β_max of the data (default 0.05)
 */
record Figure4Options(ModelKind model, Path out, int n, boolean bias, long seed, int trials, int epochs, List<Integer> ks,
                      List<Optimizer> optimizers, double betaFraction) {

    static final String USAGE = """
            usage: BenchMain figure4 [options]     (the seed paper's Figure 4, parallel three-layer nets)
              --model M            path3 (path-regularised, default) or relu3 (weight decay, the paper's model)
              --out DIR            output directory (default figure4): traces.csv, summary.md, figure4.png
              --n N                samples, 2..40 (default 12; the exact combo count grows like n^4)
              --bias               one Gaussian feature plus a bias column (default: two Gaussian features)
              --seed S             data seed; trial t trains with seed S + t (default 1)
              --trials T           trials per K and optimizer (default 10)
              --epochs E           epochs per trial (default 100000)
              --k LIST             numbers of sub-networks K, comma-separated (default 1,2,4,8,16)
              --optimizers LIST    adam, sgd or both (default adam,sgd)
              --beta-fraction F    beta = F * beta_max of the data, 0 < F < 1 (default 0.05)""";

    /** Largest accepted n: the exact enumeration of m1 = 2 combos grows like n^4. */
    static final int MAX_N = 40;

    /** Parses {@code args}; throws {@link IllegalArgumentException} with a message for the user. */
    static Figure4Options parse(String[] args) {
        ModelKind model = ModelKind.PATH3;
        Path out = Path.of("figure4");
        int n = 12, trials = 10, epochs = 100000;
        boolean bias = false;
        long seed = 1;
        List<Integer> ks = List.of(1, 2, 4, 8, 16);
        List<Optimizer> optimizers = List.of(Optimizer.ADAM, Optimizer.SGD);
        double fraction = 0.05;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--bias")) {
                bias = true;
                continue;
            }
            if (!List.of("--model", "--out", "--n", "--seed", "--trials", "--epochs", "--k", "--optimizers", "--beta-fraction").contains(a))
                throw new IllegalArgumentException("unknown option " + a + "\n" + USAGE);
            if (i + 1 >= args.length) throw new IllegalArgumentException(a + " needs a value");
            String v = args[++i];
            switch (a) {
                case "--model" -> model = model(a, v);
                case "--out" -> out = Path.of(v);
                case "--n" -> n = integer(a, v, 2, MAX_N);
                case "--seed" -> seed = longValue(a, v);
                case "--trials" -> trials = integer(a, v, 1, 10_000);
                case "--epochs" -> epochs = integer(a, v, 1, 10_000_000);
                case "--k" -> ks = kList(a, v);
                case "--optimizers" -> optimizers = optimizerList(a, v);
                case "--beta-fraction" -> fraction = fraction(a, v);
                default -> throw new AssertionError(a);
            }
        }
        return new Figure4Options(model, out, n, bias, seed, trials, epochs, ks, optimizers, fraction);
    }

    private static ModelKind model(String opt, String v) {
        return switch (v) {
            case "path3" -> ModelKind.PATH3;
            case "relu3" -> ModelKind.RELU3;
            default -> throw new IllegalArgumentException(opt + ": '" + v + "' is not path3 or relu3");
        };
    }

    private static List<Integer> kList(String opt, String v) {
        List<Integer> l = new ArrayList<>();
        for (String part : v.split(",", -1)) {
            int k = integer(opt, part.trim(), 1, 1000);
            if (l.contains(k)) throw new IllegalArgumentException(opt + ": K = " + k + " is listed twice");
            l.add(k);
        }
        return List.copyOf(l);
    }

    private static List<Optimizer> optimizerList(String opt, String v) {
        List<Optimizer> l = new ArrayList<>();
        for (String part : v.split(",", -1)) {
            Optimizer o = switch (part.trim().toLowerCase(Locale.ROOT)) {
                case "adam" -> Optimizer.ADAM;
                case "sgd" -> Optimizer.SGD;
                default -> throw new IllegalArgumentException(opt + ": unknown optimizer '" + part.trim() + "'; use adam, sgd");
            };
            if (l.contains(o)) throw new IllegalArgumentException(opt + ": " + part.trim() + " is listed twice");
            l.add(o);
        }
        return List.copyOf(l);
    }
}
