package org.cvxnn.bench;

import java.nio.file.Path;
import java.util.Arrays;

import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Main class of {@code bench/target/benchmarks.jar}.
 *
 * <p>Without one of the options below, every argument goes unchanged to JMH's own
 * {@link org.openjdk.jmh.Main}, so all JMH options work ({@code -h} lists them, {@code -l} lists the
 * benchmarks, a regex selects them, {@code -p threads=1} pins a parameter, {@code -prof gc}, …).
 *
 * <pre>
 * JAVA="/usr/lib/jvm/temurin-25-jdk-amd64/bin/java --add-modules=jdk.incubator.vector --enable-native-access=ALL-UNNAMED"
 * $JAVA -jar bench/target/benchmarks.jar                         # the full JMH suite, JMH defaults (long)
 * $JAVA -jar bench/target/benchmarks.jar BlasBench.dgemm -p n=1024  # any JMH command line
 * $JAVA -jar bench/target/benchmarks.jar --quick                 # short run of everything, JSON to jmh-quick.json
 * $JAVA -jar bench/target/benchmarks.jar --quick BlasBench -rff blas.json   # short run of a subset
 * $JAVA -jar bench/target/benchmarks.jar --report jmh-quick.json # Markdown table (GFLOP/s, ns, speed-ups)
 * $JAVA -jar bench/target/benchmarks.jar --info                  # machine, JDK and OpenBLAS description
 * $JAVA -jar bench/target/benchmarks.jar scaling --quick --out s.csv   # solver scaling study (ScalingStudy)
 * $JAVA -jar bench/target/benchmarks.jar figure4 --out fig4 --trials 5   # the paper's Figure 4 (Figure4)
 * $JAVA -jar bench/target/benchmarks.jar scaling --exact --no-solve --combos-m1 1,2 --n 8,12 --d 2 --out c.csv  # combo counts
 * $JAVA -jar bench/target/benchmarks.jar lowrank --n 50,100,200 --rank 2 --out lr.csv   # rank-r approximation (LowRankStudy)
 * </pre>
 *
 * <ul>
 *   <li>{@code --quick [JMH args]}: runs the suite (or the benchmarks the JMH args select) with short
 *       defaults — {@value #QUICK_SUMMARY} — and writes JSON results to {@value #QUICK_RESULT_FILE} in
 *       the working directory. Every default yields to the same option given explicitly after
 *       {@code --quick} (e.g. {@code --quick -i 5 -rff out.json}). Numbers from a quick run are
 *       indicative: one fork, few iterations, no error bars worth the name.</li>
 *   <li>{@code --report [args]}: runs {@link Report} (reads JMH JSON files, prints Markdown).</li>
 *   <li>{@code --info}: runs {@link MachineInfo} (prints the machine description as Markdown).</li>
 *   <li>{@code scaling [args]}: runs {@link ScalingStudy} (solver scaling sweep, one row per run in
 *       {@code --out}, Markdown summary on stdout; {@code scaling -h} lists its options).</li>
 *   <li>{@code table1 [options]}: runs {@link TableOne} (the paper's Table 1 for the two-layer model, or with
 *       {@code --model path3} for the path-regularised three-layer model).</li>
 *   <li>{@code figure4 [options]}: runs {@link Figure4} (the paper's Figure 4, path-regularised
 *       three-layer networks: objective-vs-time traces against the certified convex optimum;
 *       {@code figure4 --help} lists its options).</li>
 *   <li>{@code lowrank [options]}: runs {@link LowRankStudy} (time, pattern counts and bounds of the
 *       rank-r approximation algorithm vs n; {@code lowrank --help} lists its options).</li>
 * </ul>
 *
 * <p>The forks need {@code --add-modules=jdk.incubator.vector --enable-native-access=ALL-UNNAMED};
 * every benchmark class declares them with {@code @Fork(jvmArgsPrepend = …)}. Do not pass
 * {@code -jvmArgsAppend}/{@code -jvmArgs} without repeating those flags.
 */
public final class BenchMain {
    /** The short settings of {@code --quick}, for the documentation. */
    static final String QUICK_SUMMARY = "-f 1 -wi 2 -i 3 -w 1s -r 1s -rf json -rff jmh-quick.json";
    /** Where {@code --quick} writes its JSON results unless {@code -rff} says otherwise. */
    static final String QUICK_RESULT_FILE = "jmh-quick.json";

    private BenchMain() { }

    public static void main(String[] args) throws Exception {
        String first = args.length > 0 ? args[0] : "";
        String[] rest = args.length > 0 ? Arrays.copyOfRange(args, 1, args.length) : args;
        switch (first) {
            case "--quick" -> quick(rest);
            case "--report" -> Report.main(rest);
            case "--info" -> MachineInfo.main(rest);
            case "scaling", "--scaling" -> ScalingStudy.main(rest);
            case "table1", "--table1" -> TableOne.main(rest);
            case "figure4", "--figure4" -> Figure4.main(rest);
            case "lowrank", "--lowrank" -> LowRankStudy.main(rest);
            default -> org.openjdk.jmh.Main.main(args);
        }
    }

    /** Runs JMH with the short defaults, each overridable by the same option in {@code jmhArgs}. */
    private static void quick(String[] jmhArgs) throws RunnerException {
        CommandLineOptions cmd;
        try {
            cmd = new CommandLineOptions(jmhArgs);
        } catch (CommandLineOptionException e) {
            System.err.println("bench --quick: " + e.getMessage() + " (the arguments after --quick are JMH options; -h lists them)");
            System.exit(2);
            return;
        }
        ChainedOptionsBuilder b = new OptionsBuilder().parent(cmd);
        if (!cmd.getForkCount().hasValue()) b.forks(1);
        if (!cmd.getWarmupIterations().hasValue()) b.warmupIterations(2);
        if (!cmd.getMeasurementIterations().hasValue()) b.measurementIterations(3);
        if (!cmd.getWarmupTime().hasValue()) b.warmupTime(TimeValue.seconds(1));
        if (!cmd.getMeasurementTime().hasValue()) b.measurementTime(TimeValue.seconds(1));
        if (!cmd.getResultFormat().hasValue()) b.resultFormat(ResultFormatType.JSON);
        String resultFile = cmd.getResult().hasValue() ? cmd.getResult().get() : QUICK_RESULT_FILE;
        b.result(resultFile);
        new Runner(b.build()).run();
        System.out.println("bench --quick: results in " + Path.of(resultFile).toAbsolutePath()
                + " (Markdown: java -jar benchmarks.jar --report " + resultFile + ")");
    }
}
