package org.cvxnn.solver.compare;

import java.util.List;
import java.util.Objects;

import org.cvxnn.solver.ModelKind;

/**
 * The outcome of a {@link Comparison}.
 *
 * @param kind        the convex model, which fixes the objective of every row
 * @param methods     the convex method first, then one row per baseline optimiser in the order asked
 * @param certificate the convex solve's duality certificate
 * @param beta        the regularisation strength every objective used
 * @param trainSize   training samples
 * @param testSize    test samples
 */
public record ComparisonReport(ModelKind kind, List<MethodResult> methods, ConvexCertificate certificate, double beta, int trainSize,
                               int testSize) {

    public ComparisonReport {
        Objects.requireNonNull(kind, "kind");
        methods = List.copyOf(methods);
        Objects.requireNonNull(certificate, "certificate");
        if (methods.isEmpty()) throw new IllegalArgumentException("a report needs at least the convex row");
    }

    /** The convex method's row. */
    public MethodResult convex() {
        return methods.getFirst();
    }

    /** The baseline rows. */
    public List<MethodResult> baselines() {
        return methods.subList(1, methods.size());
    }
}
