package org.cvxnn.cli.model;

import org.cvxnn.cli.CliException;
import org.cvxnn.cli.io.AtomicFiles;
import org.cvxnn.cli.io.Json;
import org.cvxnn.solver.ModelKind;
import org.cvxnn.solver.PathProblem;
import org.cvxnn.solver.TrainedModel;
import org.cvxnn.solver.baseline.ParallelThreeLayerNetwork;
import org.cvxnn.solver.combo.TreeShape;
import org.cvxnn.solver.network.GatedNetwork;
import org.cvxnn.solver.network.Network;
import org.cvxnn.solver.network.ThreeLayerNetwork;
import org.cvxnn.solver.network.TreeNetwork;
import org.cvxnn.solver.network.TwoLayerNetwork;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A trained network as {@code train --out} writes it and {@code predict} and {@code certify} read
 * it: a JSON object
 * <pre>{@code
 * {"format": "cvxnn-model", "version": 1, "kind": "relu2" | "gated2" | "path3" | "relu3" | "pathL", "bias": true,
 *  "features": ["x1", "x2"], "target": "y", "beta": 0.01, "n": 40,
 *  "network": {"d": 3, "m": 2, "w1": [[...], [...]], "alpha": [...], "gates": [[...], [...]]}}
 * }</pre>
 * {@code d} counts the bias weight when {@code bias} is true (the last weight of every row
 * multiplies the constant 1); {@code w1} (and {@code gates}, for gated2 only) hold one row of
 * {@code d} weights per neuron; {@code n} is the number of training samples. A path3 or relu3
 * network (parallel three-layer, formulations §3.1; path-regularised or with weight decay) has instead
 * <pre>{@code
 *  "network": {"d": 3, "K": 2, "m1": 2, "w1": [[...], [...], [...], [...]], "w2": [[...], [...]], "w3": [...]}
 * }</pre>
 * with {@code K} sub-networks of {@code m1} first-layer neurons: {@code w1} holds {@code K·m1}
 * rows of d weights (row {@code k·m1 + j} is neuron j of sub-network k), {@code w2} K rows of
 * {@code m1} second-layer weights, {@code w3} the K output weights. A relu3 network's
 * sub-networks have {@code ‖W1k‖_F ≤ 1} (the constraint of (3.1)). A pathL network (parallel
 * depth-L path-regularised tree sub-networks, formulations §4.3, {@link TreeNetwork}) has
 * <pre>{@code
 *  "network": {"d": 3, "K": 2, "depth": 4, "widths": [2, 2], "leaves": [[...], ...], "edges": [[...], [...]], "output": [...]}
 * }</pre>
 * with {@code widths} the {@code depth − 2} hidden widths {@code m_1..m_{L−2}} bottom-up,
 * {@code leaves} {@code K·N1} rows of d weights ({@code N1} = the product of the widths; row
 * {@code k·N1 + ℓ} is leaf ℓ of sub-network k), {@code edges} K rows of {@code nodes − 1} edge
 * weights in the node order of {@link TreeShape} (leaves first, root excluded), {@code output} the
 * K output weights.
 *
 * @param model    the network and whether it appends a bias feature
 * @param features the feature column names, in the order the network reads them
 * @param target   the target column name of the training data
 * @param beta     the regularisation strength it was trained with
 * @param n        the number of training samples
 */
public record ModelFile(TrainedModel model, List<String> features, String target, double beta, int n) {
    /** The value of the {@code format} field. */
    public static final String FORMAT = "cvxnn-model";
    /** The version this code writes and reads. */
    public static final int VERSION = 1;

    public ModelFile {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(target, "target");
        features = List.copyOf(features);
        if (features.size() != model.features())
            throw new IllegalArgumentException(features.size() + " feature names for a model of " + model.features() + " features");
        if (new HashSet<>(features).size() != features.size()) throw new IllegalArgumentException("feature names repeat: " + features);
        if (!(beta > 0) || !Double.isFinite(beta)) throw new IllegalArgumentException("beta must be finite and > 0, got " + beta);
        if (n < 1) throw new IllegalArgumentException("n must be >= 1, got " + n);
        boolean fits = model.kind() == ModelKind.PATHL ? model.network() instanceof TreeNetwork
                : model.kind().threeLayer()
                ? model.network() instanceof ThreeLayerNetwork t && t.penalty() == PathProblem.penalty(model.kind())
                : !(model.network() instanceof ThreeLayerNetwork) && !(model.network() instanceof TreeNetwork);
        if (!fits)
            throw new IllegalArgumentException("a " + model.kind().id() + " model cannot hold a " + model.network().getClass().getSimpleName());
    }

    /** Writes the model as pretty-printed JSON, atomically: the file is complete or untouched. */
    public void write(Path file) {
        try {
            AtomicFiles.write(file, Json.pretty(toJson()) + "\n");
        } catch (IOException e) {
            throw CliException.io("cannot write", file, e);
        }
    }

    /**
     * Reads and validates a model file.
     *
     * @throws CliException naming the file and the field for anything missing, malformed, of the
     *                      wrong kind or version, of inconsistent shape, or not finite
     */
    public static ModelFile read(Path file) {
        Fields root = Fields.header(file, FORMAT, VERSION, "model");
        String kindId = root.string("kind");
        ModelKind kind = switch (kindId) {
            case "relu2" -> ModelKind.RELU2;
            case "gated2" -> ModelKind.GATED2;
            case "path3" -> ModelKind.PATH3;
            case "relu3" -> ModelKind.RELU3;
            case "pathL" -> ModelKind.PATHL;
            default -> throw root.error("kind", "is '" + kindId + "'; a model file holds a relu2, gated2, path3, relu3 or pathL network");
        };
        boolean bias = root.bool("bias");
        List<String> features = root.strings("features");
        if (features.isEmpty()) throw root.error("features", "is empty; a model reads at least one feature");
        if (new HashSet<>(features).size() != features.size()) throw root.error("features", "names a column twice");
        String target = root.string("target");
        double beta = root.number("beta");
        if (!(beta > 0)) throw root.error("beta", "must be > 0, got " + beta);
        int n = (int) root.integer("n", 1, Integer.MAX_VALUE);

        Fields net = root.object("network");
        int d = (int) net.integer("d", 1, Integer.MAX_VALUE);
        int expected = features.size() + (bias ? 1 : 0);
        if (d != expected)
            throw net.error("d", "is " + d + ", but " + features.size() + " features" + (bias ? " plus the bias" : "") + " make " + expected);
        Network network;
        if (kind == ModelKind.PATHL) {
            network = treeNetwork(net, d);
            return new ModelFile(new TrainedModel(kind, bias, network), features, target, beta, n);
        }
        if (kind.threeLayer()) {
            network = threeLayerNetwork(net, d, kind);
            return new ModelFile(new TrainedModel(kind, bias, network), features, target, beta, n);
        }
        int m = (int) net.integer("m", 0, Integer.MAX_VALUE);
        double[] w1 = net.matrix("w1", m, d);
        double[] alpha = net.vector("alpha", m);
        if (kind == ModelKind.GATED2) {
            network = new GatedNetwork(d, m, net.matrix("gates", m, d), w1, alpha);
        } else {
            if (net.has("gates")) throw net.error("gates", "is given, but only gated2 networks have gates");
            network = new TwoLayerNetwork(d, m, w1, alpha);
        }
        return new ModelFile(new TrainedModel(kind, bias, network), features, target, beta, n);
    }

    private static ThreeLayerNetwork threeLayerNetwork(Fields net, int d, ModelKind kind) {
        for (String name : new String[] {"m", "alpha", "gates"})
            if (net.has(name)) throw net.error(name, "is given, but a " + kind.id() + " network has K, m1, w1, w2 and w3");
        int k = (int) net.integer("K", 0, Integer.MAX_VALUE);
        int m1 = (int) net.integer("m1", 1, Integer.MAX_VALUE);
        if ((long) k * m1 > Integer.MAX_VALUE) throw net.error("K", "is too large: K*m1 = " + (long) k * m1 + " neurons");
        double[] w1 = net.matrix("w1", k * m1, "one per first-layer neuron: K*m1", d, "d");
        double[] w2 = net.matrix("w2", k, "one per sub-network: K", m1, "m1");
        double[] w3 = net.vector("w3", k);
        ParallelThreeLayerNetwork weights = new ParallelThreeLayerNetwork(d, k, m1, w1, w2, w3);
        if (kind == ModelKind.RELU3) {
            for (int s = 0; s < k; s++) {
                double norm = weights.firstLayerNorm(s);
                if (norm > 1 + ParallelThreeLayerNetwork.NORM_TOLERANCE)
                    throw net.error("w1", "gives sub-network " + s + " (rows " + s * m1 + ".." + ((s + 1) * m1 - 1)
                            + ") the Frobenius norm " + norm + " > 1; a relu3 network needs ‖W1k‖_F <= 1");
            }
        }
        return new ThreeLayerNetwork(weights, PathProblem.penalty(kind));
    }

    private static TreeNetwork treeNetwork(Fields net, int d) {
        for (String name : new String[] {"m", "alpha", "gates", "m1", "w1", "w2", "w3"})
            if (net.has(name)) throw net.error(name, "is given, but a pathL network has K, depth, widths, leaves, edges and output");
        int k = (int) net.integer("K", 0, Integer.MAX_VALUE);
        int depth = (int) net.integer("depth", 3, TreeShape.MAX_DEPTH);
        double[] raw = net.vector("widths", depth - 2);
        int[] widths = new int[raw.length];
        for (int i = 0; i < raw.length; i++) {
            if (raw[i] != Math.rint(raw[i]) || raw[i] < 1 || raw[i] > TreeShape.MAX_LEAVES)
                throw net.error("widths[" + i + "]", "must be a whole number between 1 and " + TreeShape.MAX_LEAVES + ", got " + raw[i]);
            widths[i] = (int) raw[i];
        }
        TreeShape shape;
        try {
            shape = TreeShape.of(widths);
        } catch (IllegalArgumentException e) {
            throw net.error("widths", "describe an unsupported tree: " + e.getMessage());
        }
        if ((long) k * shape.nodes() > Integer.MAX_VALUE / Math.max(1, d))
            throw net.error("K", "is too large: " + k + " sub-networks of " + shape.nodes() + " nodes");
        double[] leaves = net.matrix("leaves", k * shape.leaves(), "one per leaf: K*" + shape.leaves(), d, "d");
        double[] edges = net.matrix("edges", k, "one per sub-network: K", shape.nodes() - 1, "nodes-1");
        double[] output = net.vector("output", k);
        return new TreeNetwork(d, shape, k, leaves, edges, output);
    }

    /** The JSON object {@link #write} writes. */
    public Map<String, Object> toJson() {
        Network network = model.network();
        Map<String, Object> net = new LinkedHashMap<>();
        net.put("d", network.d());
        if (!(network instanceof ThreeLayerNetwork) && !(network instanceof TreeNetwork)) net.put("m", network.m());
        switch (network) {
            case TreeNetwork t -> {
                net.put("K", t.subnetworks());
                net.put("depth", t.depth());
                net.put("widths", t.shape().widths());
                net.put("leaves", rows(t.leaves(), t.subnetworks() * t.shape().leaves(), t.d()));
                net.put("edges", rows(t.edges(), t.subnetworks(), t.shape().nodes() - 1));
                net.put("output", t.output());
            }
            case ThreeLayerNetwork p -> {
                ParallelThreeLayerNetwork w = p.network();
                net.put("K", w.subnetworks());
                net.put("m1", w.width());
                net.put("w1", rows(w.w1(), w.subnetworks() * w.width(), w.d()));
                net.put("w2", rows(w.w2(), w.subnetworks(), w.width()));
                net.put("w3", w.w3());
            }
            case TwoLayerNetwork t -> {
                net.put("w1", rows(t.w1(), t.m(), t.d()));
                net.put("alpha", t.alpha());
            }
            case GatedNetwork g -> {
                net.put("w1", rows(g.w1(), g.m(), g.d()));
                net.put("alpha", g.alpha());
                net.put("gates", rows(g.gates(), g.m(), g.d()));
            }
            default -> throw new IllegalStateException("no file format for " + network.getClass().getSimpleName());
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("format", FORMAT);
        json.put("version", VERSION);
        json.put("kind", model.kind().id());
        json.put("bias", model.bias());
        json.put("features", features);
        json.put("target", target);
        json.put("beta", beta);
        json.put("n", n);
        json.put("network", net);
        return json;
    }

    private static List<double[]> rows(double[] values, int m, int d) {
        List<double[]> rows = new ArrayList<>(m);
        for (int j = 0; j < m; j++) rows.add(Arrays.copyOfRange(values, j * d, (j + 1) * d));
        return rows;
    }
}
