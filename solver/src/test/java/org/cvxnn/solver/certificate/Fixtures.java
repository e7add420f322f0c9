package org.cvxnn.solver.certificate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.cvxnn.solver.arrangement.PatternSet;
import org.cvxnn.solver.data.Dataset;
import org.cvxnn.solver.network.TwoLayerNetwork;

/** Small problems and independent brute-force computations shared by the certificate tests. */
final class Fixtures {
    private Fixtures() {
    }

    static Dataset gaussian(Random rng, int n, int d) {
        double[] x = new double[n * d];
        double[] y = new double[n];
        for (int k = 0; k < x.length; k++) x[k] = rng.nextGaussian();
        for (int i = 0; i < n; i++) y[i] = rng.nextGaussian();
        return new Dataset(n, d, x, y);
    }

    /** 1-D inputs with a bias column (d = 2): the classic univariate regression problem. */
    static Dataset univariateWithBias(Random rng, int n) {
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = -1 + 2.0 * (i + 0.3 * rng.nextDouble()) / n;
            y[i] = Math.sin(3 * x[i]) + 0.3 * rng.nextGaussian();
        }
        return new Dataset(n, 1, x, y).withBias();
    }

    /**
     * Every activation pattern of a d = 2 feature matrix whose cell is full-dimensional: one gate
     * in the middle of each arc between consecutive critical directions (where {@code x_rᵀg = 0}).
     */
    static PatternSet planarPatterns(Dataset data) {
        if (data.d() != 2) throw new IllegalArgumentException("planar enumeration needs d = 2");
        List<Double> critical = new ArrayList<>();
        for (int r = 0; r < data.n(); r++) {
            double a = data.get(r, 0), b = data.get(r, 1);
            if (a == 0 && b == 0) continue;
            double phi = Math.atan2(b, a);
            critical.add(wrap(phi + Math.PI / 2));
            critical.add(wrap(phi - Math.PI / 2));
        }
        double[] angles = critical.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        List<double[]> gates = new ArrayList<>();
        if (angles.length == 0) gates.add(new double[] {1, 0});
        for (int k = 0; k < angles.length; k++) {
            double lo = angles[k];
            double hi = k + 1 < angles.length ? angles[k + 1] : angles[0] + 2 * Math.PI;
            if (hi - lo < 1e-12) continue;
            double mid = 0.5 * (lo + hi);
            gates.add(new double[] {Math.cos(mid), Math.sin(mid)});
        }
        return fromGates(data, gates);
    }

    /** Distinct patterns {@code 1[X g >= 0]} of the given gates, in first-seen order. */
    static PatternSet fromGates(Dataset data, List<double[]> gates) {
        Map<String, double[]> distinct = new LinkedHashMap<>();
        for (double[] g : gates) distinct.putIfAbsent(Arrays.toString(activeRows(data, g)), g);
        List<boolean[]> patterns = new ArrayList<>();
        for (double[] g : distinct.values()) patterns.add(activeRows(data, g));
        return patternSet(data.d(), patterns, new ArrayList<>(distinct.values()));
    }

    static boolean[] activeRows(Dataset data, double[] g) {
        boolean[] active = new boolean[data.n()];
        for (int r = 0; r < data.n(); r++) {
            double z = 0;
            for (int j = 0; j < data.d(); j++) z += data.get(r, j) * g[j];
            active[r] = z >= 0;
        }
        return active;
    }

    /** Patterns given as boolean rows (gates are only stored, never used by the certificate). */
    static PatternSet patternSet(int gateDim, List<boolean[]> patterns, List<double[]> gates) {
        int n = patterns.getFirst().length;
        int w = PatternSet.wordsFor(n);
        long[] words = new long[patterns.size() * w];
        double[] g = new double[patterns.size() * gateDim];
        for (int i = 0; i < patterns.size(); i++) {
            boolean[] p = patterns.get(i);
            for (int r = 0; r < n; r++) if (p[r]) words[i * w + (r >>> 6)] |= 1L << (r & 63);
            System.arraycopy(gates.get(i), 0, g, i * gateDim, gateDim);
        }
        return new PatternSet(n, gateDim, words, g);
    }

    static PatternSet single(int gateDim, boolean[] pattern) {
        return patternSet(gateDim, List.of(pattern), List.of(new double[gateDim]));
    }

    static TwoLayerNetwork randomNetwork(Random rng, int d, int m, double scale) {
        double[] w1 = new double[d * m];
        double[] alpha = new double[m];
        for (int k = 0; k < w1.length; k++) w1[k] = scale * rng.nextGaussian();
        for (int j = 0; j < m; j++) alpha[j] = scale * rng.nextGaussian();
        return new TwoLayerNetwork(d, m, w1, alpha);
    }

    static TwoLayerNetwork zeroNetwork(int d) {
        return new TwoLayerNetwork(d, 0, new double[0], new double[0]);
    }

    /**
     * {@code Π_K(g)} for {@code K = {u : s_r x_rᵀu >= 0}} by brute force: the projection lies in the
     * relative interior of a face, i.e. it is the projection of g onto the null space of some
     * linearly independent set of at most d constraint normals; take the feasible candidate
     * closest to g.
     */
    static double[] projectByFaceEnumeration(Dataset data, boolean[] pattern, double[] g) {
        int n = data.n(), d = data.d();
        double[][] normals = new double[n][];
        for (int r = 0; r < n; r++) {
            normals[r] = data.row(r);
            if (!pattern[r]) for (int j = 0; j < d; j++) normals[r][j] = -normals[r][j];
        }
        double scale = Math.max(1e-300, norm(g));
        double[] best = null;
        double bestDist = Double.POSITIVE_INFINITY;
        for (int[] subset : subsetsUpTo(n, d)) {
            double[] u = projectOntoNullSpace(normals, subset, g);
            if (u == null) continue;
            boolean feasible = true;
            for (double[] a : normals) feasible &= dot(a, u) >= -1e-9 * scale * norm(a);
            double dist = distance(u, g);
            if (feasible && dist < bestDist) {
                bestDist = dist;
                best = u;
            }
        }
        return best;
    }

    /** {@code g − A_Sᵀ(A_S A_Sᵀ)⁻¹A_S g}, or null when the rows of {@code A_S} are (nearly) dependent. */
    private static double[] projectOntoNullSpace(double[][] normals, int[] subset, double[] g) {
        int k = subset.length, d = g.length;
        if (k == 0) return g.clone();
        double[][] gram = new double[k][k + 1];
        for (int a = 0; a < k; a++) {
            for (int b = 0; b < k; b++) gram[a][b] = dot(normals[subset[a]], normals[subset[b]]);
            gram[a][k] = dot(normals[subset[a]], g);
        }
        double[] lambda = solve(gram);
        if (lambda == null) return null;
        double[] u = g.clone();
        for (int a = 0; a < k; a++) for (int j = 0; j < d; j++) u[j] -= lambda[a] * normals[subset[a]][j];
        return u;
    }

    /** Gaussian elimination with partial pivoting on an augmented k×(k+1) system; null if singular. */
    static double[] solve(double[][] aug) {
        int k = aug.length;
        double scale = 0;
        for (double[] row : aug) for (int j = 0; j < k; j++) scale = Math.max(scale, Math.abs(row[j]));
        for (int c = 0; c < k; c++) {
            int p = c;
            for (int r = c + 1; r < k; r++) if (Math.abs(aug[r][c]) > Math.abs(aug[p][c])) p = r;
            if (Math.abs(aug[p][c]) <= 1e-10 * scale) return null;
            double[] tmp = aug[p];
            aug[p] = aug[c];
            aug[c] = tmp;
            for (int r = c + 1; r < k; r++) {
                double f = aug[r][c] / aug[c][c];
                for (int j = c; j <= k; j++) aug[r][j] -= f * aug[c][j];
            }
        }
        double[] x = new double[k];
        for (int r = k - 1; r >= 0; r--) {
            double s = aug[r][k];
            for (int j = r + 1; j < k; j++) s -= aug[r][j] * x[j];
            x[r] = s / aug[r][r];
        }
        return x;
    }

    private static List<int[]> subsetsUpTo(int n, int maxSize) {
        List<int[]> out = new ArrayList<>();
        for (int mask = 0; mask < (1 << n); mask++) {
            if (Integer.bitCount(mask) > maxSize) continue;
            int[] s = new int[Integer.bitCount(mask)];
            for (int r = 0, k = 0; r < n; r++) if ((mask >>> r & 1) != 0) s[k++] = r;
            out.add(s);
        }
        return out;
    }

    /** {@code max_{‖u‖<=1} |vᵀ(Xu)_+|} for d = 2 by evaluating {@code samples} directions on the circle. */
    static double sigmaByAngularSearch(Dataset data, double[] v, int samples) {
        double best = 0;
        for (int k = 0; k < samples; k++) {
            double th = 2 * Math.PI * k / samples;
            double c = Math.cos(th), s = Math.sin(th), acc = 0;
            for (int r = 0; r < data.n(); r++) acc += v[r] * Math.max(0, data.get(r, 0) * c + data.get(r, 1) * s);
            best = Math.max(best, Math.abs(acc));
        }
        return best;
    }

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) s += a[i] * b[i];
        return s;
    }

    static double norm(double[] a) {
        return Math.sqrt(dot(a, a));
    }

    static double distance(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) s += (a[i] - b[i]) * (a[i] - b[i]);
        return Math.sqrt(s);
    }

    private static double wrap(double angle) {
        double a = angle % (2 * Math.PI);
        return a < 0 ? a + 2 * Math.PI : a;
    }
}
