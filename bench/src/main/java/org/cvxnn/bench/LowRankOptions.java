package org.cvxnn.bench;

import java.nio.file.Path;
import java.util.List;

import org.cvxnn.solver.ModelKind;

import static org.cvxnn.bench.OptionValues.integer;
import static org.cvxnn.bench.OptionValues.list;
import static org.cvxnn.bench.OptionValues.longValue;
import static org.cvxnn.bench.OptionValues.nonNegative;

/**
 * Command line of {@link LowRankStudy}.
 *
 * @param model             relu2 (default), path3 or relu3
 * @param m1                first-layer neurons per sub-network of path3/relu3 (default 2; 1 for relu2)
 * @param ns                sample counts (default 50, 100, 200, 400, 800)
 * @param d                 feature count (default 10)
 * @param ranks             planted ranks, each also the approximation rank r (default 2)
 * @param noise             standard deviation of the Gaussian noise added to every feature; the planted
 *                          signal has unit variance per entry (default 0.05)
 * @param bias              append a bias column (then the patterns are those of rank r+1; default false)
 * @param betaScale         factor on the planted data's β (default 1)
 * @param certificateSamples sampled gates (three-layer: sub-networks) of the certificate when the patterns
 *                          (combos) of X are too many (default 2000)
 * @param seed              data and certificate seed (default 1)
 * @param threads           OpenBLAS threads (default 1)
 * @param maxIterations     IPM iteration limit (default 200)
 * @param workingSet        relu2: solve on a growing working set of masks (default true; most patterns are inactive)
 * @param out               result file: JSON if it ends in .json, CSV otherwise (required)
 */
record LowRankOptions(ModelKind model, int m1, List<Integer> ns, int d, List<Integer> ranks, double noise, boolean bias, double betaScale,
                      int certificateSamples, long seed, int threads, int maxIterations, boolean workingSet, Path out) {

    static final String USAGE = """
            usage: BenchMain lowrank --out FILE [options]   (formulations §4.4: train on the rank-r approximation)
              --out FILE                one row per run: JSON if FILE ends in .json, CSV otherwise (rewritten after every run)
              --model M                 relu2 (default), path3 or relu3
              --m1 M1                   first-layer neurons per sub-network of path3/relu3 (default 2)
              --n LIST                  sample counts, comma-separated (default 50,100,200,400,800)
              --d D                     features (default 10)
              --rank LIST               planted rank = approximation rank r, each < d (default 2)
              --noise S                 std of the noise added to every feature; the signal has unit variance (default 0.05)
              --bias                    append a bias column (patterns of rank r+1)
              --beta-scale F            factor on the planted data's beta (default 1)
              --certificate-samples G   sampled gates (three-layer: sub-networks) of the certificate on X (default 2000)
              --seed S                  seed of data and certificate samples (default 1)
              --threads T               OpenBLAS threads (default 1)
              --max-iterations K        IPM iteration limit (default 200)
              --no-working-set          relu2: solve on all patterns at once instead of a growing working set
            """;

    static LowRankOptions parse(String[] args) {
        List<Integer> ns = List.of(50, 100, 200, 400, 800), ranks = List.of(2);
        int d = 10, gates = 2000, threads = 1, maxIterations = 200, m1 = 2;
        ModelKind model = ModelKind.RELU2;
        double noise = 0.05, betaScale = 1;
        boolean bias = false, workingSet = true;
        long seed = 1;
        Path out = null;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--bias" -> bias = true;
                case "--no-working-set" -> workingSet = false;
                case "--model", "--m1", "--out", "--n", "--d", "--rank", "--noise", "--beta-scale", "--certificate-samples", "--seed", "--threads",
                     "--max-iterations" -> {
                    if (i + 1 >= args.length) throw new IllegalArgumentException(a + " needs a value");
                    String v = args[++i];
                    switch (a) {
                        case "--model" -> model = model(v);
                        case "--m1" -> m1 = integer(a, v, 1);
                        case "--out" -> out = Path.of(v);
                        case "--n" -> ns = list(a, v, 2);
                        case "--d" -> d = integer(a, v, 2);
                        case "--rank" -> ranks = list(a, v, 1);
                        case "--noise" -> noise = nonNegative(a, v);
                        case "--beta-scale" -> betaScale = nonNegative(a, v);
                        case "--certificate-samples" -> gates = integer(a, v, 1);
                        case "--seed" -> seed = longValue(a, v);
                        case "--threads" -> threads = integer(a, v, 1);
                        case "--max-iterations" -> maxIterations = integer(a, v, 1);
                        default -> throw new AssertionError(a);
                    }
                }
                default -> throw new IllegalArgumentException("unknown option " + a);
            }
        }
        if (out == null) throw new IllegalArgumentException("--out FILE is required");
        if (!(betaScale > 0)) throw new IllegalArgumentException("--beta-scale must be > 0");
        for (int r : ranks)
            if (r >= d) throw new IllegalArgumentException("--rank " + r + " is not below --d " + d);
        return new LowRankOptions(model, model == ModelKind.RELU2 ? 1 : m1, ns, d, ranks, noise, bias, betaScale, gates, seed, threads, maxIterations, workingSet, out);
    }

    private static ModelKind model(String v) {
        for (ModelKind k : new ModelKind[] {ModelKind.RELU2, ModelKind.PATH3, ModelKind.RELU3})
            if (k.id().equals(v)) return k;
        throw new IllegalArgumentException("--model must be relu2, path3 or relu3, got '" + v + "'");
    }
}
