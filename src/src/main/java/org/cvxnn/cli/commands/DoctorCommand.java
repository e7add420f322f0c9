package org.cvxnn.cli.commands;

import org.cvxnn.cli.Args;
import org.cvxnn.cli.Command;
import org.cvxnn.cli.Options;
import org.cvxnn.cli.Streams;
import org.cvxnn.cli.io.Json;
import org.cvxnn.kernels.KernelInfo;
import org.cvxnn.kernels.Kernels;
import org.cvxnn.linalg.Blas;
import org.cvxnn.linalg.BlasLibrary;
import org.cvxnn.linalg.Lapack;
import org.cvxnn.linalg.LapackInfo;
import org.cvxnn.linalg.Matrix;
import org.cvxnn.linalg.OpenBlas;
import org.cvxnn.linalg.Trans;
import org.cvxnn.linalg.Uplo;

import java.lang.foreign.Arena;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * {@code cvxnn doctor}: what the JVM, the vector kernels and BLAS are, and a self-check of
 * {@code dgemm}, {@code dsyrk} and {@code dpotrf} on seeded random 200×200 matrices against plain
 * Java loops. Prints one JSON object; exits 0 when every check passes, 1 otherwise (including when
 * OpenBLAS cannot be loaded, which the {@code blas.error} field then explains).
 */
public final class DoctorCommand implements Command {
    /** Order of the self-check matrices. */
    static final int SIZE = 200;
    /** Largest accepted error, relative to the largest entry of the reference result. */
    static final double TOLERANCE = 1e-10;
    private static final long SEED = 20240601L;

    @Override
    public String name() {
        return "doctor";
    }

    @Override
    public String description() {
        return "report the JDK, vector kernels and BLAS in use, and self-check BLAS/LAPACK";
    }

    @Override
    public Options options() {
        return Options.of();
    }

    @Override
    public int run(Args args, Streams streams) {
        Map<String, Object> report = new LinkedHashMap<>();
        Map<String, Object> java = new LinkedHashMap<>();
        java.put("version", Runtime.version().toString());
        java.put("vendor", System.getProperty("java.vendor"));
        java.put("home", System.getProperty("java.home"));
        report.put("java", java);
        KernelInfo kernels = Kernels.get().info();
        Map<String, Object> vector = new LinkedHashMap<>();
        vector.put("implementation", kernels.implementation().name().toLowerCase(Locale.ROOT));
        vector.put("species_bits", kernels.speciesBits());
        vector.put("lanes", kernels.lanes());
        report.put("vector", vector);

        boolean pass;
        try {
            BlasLibrary.Loaded library = BlasLibrary.get();
            Map<String, Object> blas = new LinkedHashMap<>();
            blas.put("source", library.source().name().toLowerCase(Locale.ROOT));
            blas.put("path", library.path());
            blas.put("config", OpenBlas.config());
            blas.put("core", OpenBlas.coreName());
            blas.put("threads", OpenBlas.threads());
            report.put("blas", blas);
            Map<String, Object> check = selfCheck();
            report.put("selfcheck", check);
            pass = (Boolean) check.get("pass");
        } catch (LinkageError e) {
            report.put("blas", Map.of("error", String.valueOf(e.getMessage())));
            report.put("selfcheck", Map.of("pass", false));
            pass = false;
        }
        streams.out().println(Json.pretty(report));
        return pass ? 0 : 1;
    }

    /** Runs the three routines on seeded random data and compares them with {@link Reference}. */
    static Map<String, Object> selfCheck() {
        int n = SIZE;
        SplittableRandom random = new SplittableRandom(SEED);
        double[] a = new double[n * n], b = new double[n * n];
        for (int k = 0; k < a.length; k++) {
            a[k] = random.nextGaussian();
            b[k] = random.nextGaussian();
        }
        double gemm, syrk, potrf;
        try (Arena arena = Arena.ofConfined()) {
            Matrix ma = Matrix.of(arena, n, n, a), mb = Matrix.of(arena, n, n, b);
            Matrix c = Matrix.allocate(arena, n, n);
            Blas.dgemm(Trans.NO_TRANS, Trans.NO_TRANS, 1, ma, mb, 0, c);
            gemm = Reference.maxError(c.toArray(), Reference.multiply(a, b, n), n, false);

            double[] aat = Reference.gram(a, n);
            Matrix s = Matrix.allocate(arena, n, n);
            Blas.dsyrk(Uplo.LOWER, Trans.NO_TRANS, 1, ma, 0, s);
            syrk = Reference.maxError(s.toArray(), aat, n, true);

            double[] spd = aat.clone();
            for (int i = 0; i < n; i++) spd[i + i * n] += n;
            Matrix f = Matrix.of(arena, n, n, spd);
            LapackInfo info = Lapack.dpotrf(Uplo.LOWER, f);
            potrf = info.ok() ? Reference.maxError(f.toArray(), Reference.cholesky(spd, n), n, true) : Double.POSITIVE_INFINITY;
        }
        Map<String, Object> check = new LinkedHashMap<>();
        check.put("size", n);
        check.put("dgemm", Reports.number(gemm));
        check.put("dsyrk", Reports.number(syrk));
        check.put("dpotrf", Reports.number(potrf));
        check.put("tolerance", TOLERANCE);
        check.put("pass", gemm <= TOLERANCE && syrk <= TOLERANCE && potrf <= TOLERANCE);
        return check;
    }

    /** Plain-Java reference results (column-major n×n), independent of BLAS and of the kernels. */
    static final class Reference {
        private Reference() {}

        /** A·B by the textbook triple loop. */
        static double[] multiply(double[] a, double[] b, int n) {
            double[] c = new double[n * n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    double s = 0;
                    for (int k = 0; k < n; k++) s += a[i + k * n] * b[k + j * n];
                    c[i + j * n] = s;
                }
            }
            return c;
        }

        /** A·Aᵀ. */
        static double[] gram(double[] a, int n) {
            double[] c = new double[n * n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    double s = 0;
                    for (int k = 0; k < n; k++) s += a[i + k * n] * a[j + k * n];
                    c[i + j * n] = s;
                }
            }
            return c;
        }

        /** The lower Cholesky factor L of a symmetric positive definite S = LLᵀ (Cholesky–Banachiewicz). */
        static double[] cholesky(double[] s, int n) {
            double[] l = new double[n * n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j <= i; j++) {
                    double sum = s[i + j * n];
                    for (int k = 0; k < j; k++) sum -= l[i + k * n] * l[j + k * n];
                    if (i == j) {
                        if (!(sum > 0)) throw new ArithmeticException("reference Cholesky: matrix not positive definite at " + i);
                        l[i + i * n] = Math.sqrt(sum);
                    } else {
                        l[i + j * n] = sum / l[j + j * n];
                    }
                }
            }
            return l;
        }

        /**
         * max |x − ref| over the entries (the lower triangle only when {@code lower}), divided by
         * max(1, max |ref|); NaN in {@code x} counts as an infinite error.
         */
        static double maxError(double[] x, double[] ref, int n, boolean lower) {
            double err = 0, scale = 1;
            for (int j = 0; j < n; j++) {
                for (int i = lower ? j : 0; i < n; i++) {
                    double diff = Math.abs(x[i + j * n] - ref[i + j * n]);
                    err = Double.isNaN(diff) ? Double.POSITIVE_INFINITY : Math.max(err, diff);
                    scale = Math.max(scale, Math.abs(ref[i + j * n]));
                }
            }
            return err / scale;
        }
    }
}
