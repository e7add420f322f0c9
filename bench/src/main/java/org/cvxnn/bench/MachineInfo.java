package org.cvxnn.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.cvxnn.linalg.OpenBlas;

/**
 * Prints the machine a benchmark ran on as a Markdown list: CPU model, cores, memory, JDK, and
 * the OpenBLAS that cvxnn loads (path, build configuration, the core type it picked, threads) with
 * the environment variables that steer it. Run with the same environment as the benchmarks — the
 * core name depends on {@code OPENBLAS_CORETYPE}.
 *
 * <pre>java --add-modules=jdk.incubator.vector --enable-native-access=ALL-UNNAMED -jar benchmarks.jar --info [--openblas-only]</pre>
 */
public final class MachineInfo {
    private MachineInfo() { }

    public static void main(String[] args) {
        System.out.print(describe(List.of(args).contains("--openblas-only")));
    }

    /** The Markdown list, one {@code - key: value} line each; only the OpenBLAS lines if {@code openblasOnly}. */
    static String describe(boolean openblasOnly) {
        StringBuilder out = new StringBuilder();
        if (!openblasOnly) {
            Runtime rt = Runtime.getRuntime();
            line(out, "CPU", cpuinfo("model name").orElse(System.getProperty("os.arch"))
                    + cpuinfo("flags").map(f -> f.contains("avx512f") ? " (AVX-512)" : f.contains("avx2") ? " (AVX2, no AVX-512)" : "").orElse(""));
            line(out, "Cores visible to the JVM", String.valueOf(rt.availableProcessors()));
            line(out, "Memory", meminfo("MemTotal").map(kb -> String.format("%.1f GiB", kb / 1048576.0)).orElse("unknown")
                    + ", JVM max heap " + rt.maxMemory() / (1 << 20) + " MiB");
            line(out, "OS", System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
            line(out, "Load average (1, 5, 15 min) now", loadavg());
            line(out, "JDK", System.getProperty("java.vm.vendor") + " " + System.getProperty("java.vm.name") + " " + Runtime.version());
        }
        line(out, "OpenBLAS library", OpenBlas.library().source() + " " + OpenBlas.library().path());
        line(out, "OpenBLAS config", OpenBlas.config());
        line(out, "OpenBLAS core", OpenBlas.coreName());
        line(out, "OpenBLAS threads (default)", String.valueOf(OpenBlas.threads()));
        line(out, "Environment", "OPENBLAS_CORETYPE=" + env("OPENBLAS_CORETYPE") + ", OPENBLAS_L2_SIZE=" + env("OPENBLAS_L2_SIZE")
                + ", OPENBLAS_NUM_THREADS=" + env("OPENBLAS_NUM_THREADS"));
        return out.toString();
    }

    private static void line(StringBuilder out, String key, String value) {
        out.append("- ").append(key).append(": ").append(value).append('\n');
    }

    /** The first three fields of /proc/loadavg: other work on the machine skews every benchmark. */
    private static String loadavg() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f.length >= 3 ? f[0] + ", " + f[1] + ", " + f[2] : "unknown";
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private static String env(String name) {
        String v = System.getenv(name);
        return v == null ? "(unset)" : v;
    }

    private static Optional<String> cpuinfo(String key) {
        return procField(Path.of("/proc/cpuinfo"), key);
    }

    private static Optional<Long> meminfo(String key) {
        return procField(Path.of("/proc/meminfo"), key).map(v -> Long.parseLong(v.replace("kB", "").trim()));
    }

    /** The value of the first {@code key : value} line of a /proc file. */
    private static Optional<String> procField(Path file, String key) {
        try (var lines = Files.lines(file)) {
            return lines.filter(l -> l.startsWith(key) && l.indexOf(':') > 0 && l.substring(0, l.indexOf(':')).trim().equals(key))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim())
                    .findFirst();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
