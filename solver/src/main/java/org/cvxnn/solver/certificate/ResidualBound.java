package org.cvxnn.solver.certificate;

import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Function;

import org.cvxnn.solver.baseline.ParallelThreeLayerNetwork;
import org.cvxnn.solver.combo.ComboSet;
import org.cvxnn.solver.data.Dataset;

/**
 * The lower bound of a network from its residual (formulations §1.6): {@code v = y − f(X)},
 * {@code t = clip(yᵀv/‖v‖², 0, β/σ(v))}, {@code LB = t yᵀv − ½t²‖v‖²}, valid for any σ that bounds
 * the dual constraint of the program (two-layer patterns, three-layer or tree combos); with the
 * argument checks and the text every {@link GapCertificate} shares.
 *
 * @param sigma      σ(v) and where it is attained
 * @param scale      t
 * @param lowerBound LB
 */
record ResidualBound(DualNorm sigma, double scale, double lowerBound) {

    /** The canonical constructor of a certificate record: (scope, β, F(θ), LB, σ, t, argmax, sign). */
    @FunctionalInterface
    interface Assembler<C extends GapCertificate> {
        C assemble(Scope scope, double beta, double objective, double lowerBound, double sigma, double scale, int argmax,
                   int sign);
    }

    /** The bound at β (checked by the caller, see {@link #requireBeta}) with σ from {@code dualNorm}. */
    static ResidualBound of(double[] y, double[] prediction, double beta, Function<double[], DualNorm> dualNorm) {
        double[] v = new double[y.length];
        double yv = 0;
        double vv = 0;
        for (int i = 0; i < v.length; i++) {
            v[i] = y[i] - prediction[i];
            yv += y[i] * v[i];
            vv += v[i] * v[i];
        }
        DualNorm sigma = dualNorm.apply(v);
        double t = 0;
        if (vv > 0) {
            t = Math.max(0.0, yv / vv);
            if (sigma.value() > 0) t = Math.min(t, beta / sigma.value());
        }
        return new ResidualBound(sigma, t, t * yv - 0.5 * t * t * vv);
    }

    /**
     * The bound of a parallel three-layer network on combos of {@code design}, with σ from the dual
     * norm {@code dualNorm} builds on them.
     *
     * @throws IllegalArgumentException as {@link #requireArguments}, for combos that do not belong to
     *                                  {@code design} or an empty set, or combos of another width m1
     */
    static ResidualBound ofParallel(ParallelThreeLayerNetwork network, Dataset design, ComboSet combos, double beta,
                                    Scope scope, BiFunction<Dataset, ComboSet, Function<double[], DualNorm>> dualNorm) {
        Objects.requireNonNull(network, "network");
        requireArguments(network.d(), design, "design", scope, beta);
        Function<double[], DualNorm> sigma = dualNorm.apply(design, combos);
        if (combos.m1() != network.width())
            throw new IllegalArgumentException("the combos have m1 = " + combos.m1() + " first-layer neurons, the network's"
                    + " sub-networks have width " + network.width() + "; enumerate the combos with the network's width");
        return of(design.y(), network.predict(design), beta, sigma);
    }

    /** The certificate of a network with objective F(θ) = {@code objective} and this bound. */
    <C extends GapCertificate> C certificate(Scope scope, double beta, double objective, Assembler<C> assembler) {
        return assembler.assemble(scope, beta, objective, lowerBound, sigma.value(), scale, sigma.pattern(), sigma.sign());
    }

    /**
     * Rejects a null data set (named {@code dataName} in the message) or scope, a bad β, or a network
     * whose input dimension {@code networkD} is not the data's.
     */
    static void requireArguments(int networkD, Dataset data, String dataName, Scope scope, double beta) {
        Objects.requireNonNull(data, dataName);
        Objects.requireNonNull(scope, "scope");
        requireBeta(beta);
        if (networkD != data.d())
            throw new IllegalArgumentException("the network has input dimension " + networkD + ", the data have d = "
                    + data.d() + " features (include the bias column in both or in neither)");
    }

    /** Rejects a β that is not finite and positive. */
    static void requireBeta(double beta) {
        if (!(beta > 0) || !Double.isFinite(beta))
            throw new IllegalArgumentException("beta must be finite and > 0, got " + beta);
    }

    /** {@code Name[scope (meaning), beta=…, …, argmaxName=index (±)]}, the text of a certificate. */
    static String describe(GapCertificate c, String argmaxName, int argmax) {
        String where = argmax < 0 ? "none" : argmax + (c.maxSign() > 0 ? " (+)" : " (-)");
        return c.getClass().getSimpleName() + "[" + c.scope() + " (" + c.scope().meaning() + "), beta=" + c.beta()
                + ", objective=" + c.objective() + ", lowerBound=" + c.lowerBound() + ", gap=" + c.gap()
                + ", relativeGap=" + c.relativeGap() + ", sigma=" + c.sigma() + ", t=" + c.scale() + ", " + argmaxName
                + "=" + where + "]";
    }
}
