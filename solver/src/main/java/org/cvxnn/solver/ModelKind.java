package org.cvxnn.solver;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The network families cvxnn trains; {@link #id()} is the name used on the command line and in model files. */
public enum ModelKind {
    /** Two-layer ReLU network, exact convex program (formulations (1.2)). */
    RELU2("relu2"),
    /** Two-layer gated-ReLU network, convex program (1.5); a relaxation of {@link #RELU2}. */
    GATED2("gated2"),
    /** Parallel three-layer ReLU network with path regularisation, convex program (4.2). */
    PATH3("path3"),
    /** Parallel three-layer ReLU network with weight decay, convex program (3.4) of problem (3.1). */
    RELU3("relu3"),
    /**
     * Parallel depth-L ReLU network of path-regularised tree sub-networks, convex program of
     * formulations §4.3 (L = 3 is the model of {@link #PATH3}).
     */
    PATHL("pathL");

    private final String id;

    ModelKind(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /** Whether this is a parallel three-layer kind ({@link #PATH3} or {@link #RELU3}). */
    public boolean threeLayer() {
        return this == PATH3 || this == RELU3;
    }

    /** Whether this is a parallel kind trained on combos ({@link #PATH3}, {@link #RELU3} or {@link #PATHL}). */
    public boolean parallel() {
        return threeLayer() || this == PATHL;
    }

    /** The kind named {@code id}, or an exception listing the known names. */
    public static ModelKind of(String id) {
        for (ModelKind k : values()) if (k.id.equals(id)) return k;
        throw new IllegalArgumentException("unknown model '" + id + "'; known models: "
                + Arrays.stream(values()).map(ModelKind::id).collect(Collectors.joining(", ")));
    }
}
