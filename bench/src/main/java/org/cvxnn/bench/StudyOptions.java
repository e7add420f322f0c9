package org.cvxnn.bench;

import java.nio.file.Path;
import java.util.List;

import org.cvxnn.solver.combo.ComboEnumerationSettings;

import static org.cvxnn.bench.OptionValues.integer;
import static org.cvxnn.bench.OptionValues.list;
import static org.cvxnn.bench.OptionValues.longValue;
import static org.cvxnn.bench.OptionValues.positive;

/**
 * Command line of {@link ScalingStudy}.
 *
 * @param ns            sample counts (default 500)
 * @param ds            feature counts (default 20)
 * @param ps            sampled gate counts P (default 100, 200, 500, 1000, 2000; ignored with {@code exact})
 * @param ranks         ranks of X; empty = full rank (default)
 * @param exact         patterns by exact enumeration instead of sampling (default false)
 * @param solve         whether to solve; false only with {@code exact} (enumeration study, default true)
 * @param repeats       runs per point (default 3)
 * @param seed          data and gate seed (default 1)
 * @param threads       OpenBLAS threads of the solve and of the dsyrk measurement (default 1)
 * @param maxIterations IPM iteration limit (default 200, the solver's)
 * @param warmup        one unrecorded solve of the smallest point first, to warm up the JIT (default true)
 * @param dsyrkCalls    timed calls per dsyrk-rate measurement (default 5)
 * @param workingSet    solve on a growing working set of masks ({@code IpmSettings.workingSet}, default false)
 * @param mixedPrecision mixed-precision Schur complement ({@code IpmSettings.mixedPrecision}, default true)
 * @param betaScale     factor on the planted data's β (default 1; larger β, sparser optimum)
 * @param comboM1s      first-layer widths m1 of a three-layer combo study ({@link ComboStudy}); empty = no
 *                      combo study (default); needs {@code exact} and not {@code solve}
 * @param maxCombos     the combo enumerator's limit ({@code ComboEnumerationSettings.maxCombos}, default
 *                      1 000 000, the enumerator's); larger requests are recorded as refused
 * @param out           result file: JSON if it ends in .json, CSV otherwise (required)
 */
record StudyOptions(List<Integer> ns, List<Integer> ds, List<Integer> ps, List<Integer> ranks, boolean exact, boolean solve,
                    int repeats, long seed, int threads, int maxIterations, boolean warmup, int dsyrkCalls, boolean workingSet, boolean mixedPrecision,
                    double betaScale, List<Integer> comboM1s, long maxCombos, Path out) {

    static final String USAGE = """
            usage: BenchMain scaling --out FILE [options]       (java -cp benchmarks.jar org.cvxnn.bench.ScalingStudy ...)
              --out FILE          one row per run: JSON if FILE ends in .json, CSV otherwise (rewritten after every run)
              --n LIST            sample counts, comma-separated (default 500)
              --d LIST            feature counts (default 20)
              --P LIST            sampled gates per problem (default 100,200,500,1000,2000)
              --rank LIST         ranks of X, each < d (default: full rank)
              --exact             enumerate all patterns (ExactEnumerator) instead of sampling; --P is ignored
              --no-solve          with --exact: time the enumeration only
              --repeats R         runs per point (default 3)
              --seed S            seed of data and gates (default 1)
              --threads T         OpenBLAS threads (default 1; the solver's own default is all processors)
              --max-iterations K  IPM iteration limit (default 200)
              --no-warmup         skip the unrecorded JIT warm-up solve
              --working-set       solve on a growing working set of masks (IpmSettings.workingSet)
              --double-schur      form the Schur complement exactly in double precision (the baseline of
                                  the default mixed-precision accumulation, IpmSettings.mixedPrecision)
              --beta-scale S      multiply the planted data's beta by S (default 1)
              --dsyrk-calls C     timed calls per dsyrk-rate measurement (default 5)
              --combos-m1 LIST    with --exact --no-solve: time the exact three-layer combo enumeration
                                  (ComboEnumerator) for each first-layer width m1 in LIST instead of the patterns
              --max-combos N      with --combos-m1: the enumerator's limit; larger requests are recorded as
                                  refused (default 1000000)
              --quick             smoke test: n 200,400, d 10, P 50,100,200, 1 repeat, 3 dsyrk calls (< 2 min)
            Off-heap peaks need the JVM flag -XX:NativeMemoryTracking=summary.""";

    /** Default of {@code --max-combos}: the combo enumerator's own default limit. */
    static final long DEFAULT_MAX_COMBOS = ComboEnumerationSettings.defaults().maxCombos();

    /** Parses {@code args}; throws {@link IllegalArgumentException} with a message for the user. */
    static StudyOptions parse(String[] args) {
        List<Integer> ns = List.of(500), ds = List.of(20), ps = List.of(100, 200, 500, 1000, 2000), ranks = List.of();
        boolean exact = false, solve = true, warmup = true, quick = false, workingSet = false, mixedPrecision = true;
        int repeats = 3, threads = 1, maxIterations = 200, dsyrkCalls = 5;
        long seed = 1;
        double betaScale = 1;
        List<Integer> comboM1s = List.of();
        long maxCombos = DEFAULT_MAX_COMBOS;
        boolean explicitMax = false;
        Path out = null;
        boolean explicitN = false, explicitD = false, explicitP = false, explicitR = false, explicitCalls = false;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--exact" -> exact = true;
                case "--no-solve" -> solve = false;
                case "--no-warmup" -> warmup = false;
                case "--working-set" -> workingSet = true;
                case "--double-schur" -> mixedPrecision = false;
                case "--quick" -> quick = true;
                case "--out", "--n", "--d", "--P", "--rank", "--repeats", "--seed", "--threads", "--max-iterations", "--dsyrk-calls", "--beta-scale",
                     "--combos-m1", "--max-combos" -> {
                    if (i + 1 >= args.length) throw new IllegalArgumentException(a + " needs a value");
                    String v = args[++i];
                    switch (a) {
                        case "--out" -> out = Path.of(v);
                        case "--n" -> { ns = list(a, v, 2); explicitN = true; }
                        case "--d" -> { ds = list(a, v, 1); explicitD = true; }
                        case "--P" -> { ps = list(a, v, 1); explicitP = true; }
                        case "--rank" -> ranks = list(a, v, 1);
                        case "--repeats" -> { repeats = integer(a, v, 1); explicitR = true; }
                        case "--seed" -> seed = longValue(a, v);
                        case "--threads" -> threads = integer(a, v, 1);
                        case "--max-iterations" -> maxIterations = integer(a, v, 1);
                        case "--dsyrk-calls" -> { dsyrkCalls = integer(a, v, 1); explicitCalls = true; }
                        case "--beta-scale" -> betaScale = positive(a, v);
                        case "--combos-m1" -> comboM1s = list(a, v, 1);
                        case "--max-combos" -> { maxCombos = longValue(a, v); explicitMax = true; }
                        default -> throw new AssertionError(a);
                    }
                }
                default -> throw new IllegalArgumentException("unknown option " + a);
            }
        }
        if (out == null) throw new IllegalArgumentException("--out FILE is required");
        if (quick) {
            if (!explicitN) ns = List.of(200, 400);
            if (!explicitD) ds = List.of(10);
            if (!explicitP) ps = List.of(50, 100, 200);
            if (!explicitR) repeats = 1;
            if (!explicitCalls) dsyrkCalls = 3;
        }
        if (!solve && !exact) throw new IllegalArgumentException("--no-solve needs --exact (there is nothing else to time)");
        if (!comboM1s.isEmpty() && (!exact || solve))
            throw new IllegalArgumentException("--combos-m1 needs --exact --no-solve (the combo study times enumeration only)");
        if (explicitMax && comboM1s.isEmpty()) throw new IllegalArgumentException("--max-combos needs --combos-m1");
        if (maxCombos < 1) throw new IllegalArgumentException("--max-combos: " + maxCombos + " is below the minimum 1");
        for (int r : ranks)
            for (int d : ds)
                if (r >= d) throw new IllegalArgumentException("--rank " + r + " is not below --d " + d + "; omit --rank for full rank");
        return new StudyOptions(ns, ds, ps, ranks, exact, solve, repeats, seed, threads, maxIterations, warmup, dsyrkCalls, workingSet, mixedPrecision,
                betaScale, comboM1s, maxCombos, out);
    }
}
