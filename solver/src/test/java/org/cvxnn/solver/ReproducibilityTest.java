package org.cvxnn.solver;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.cvxnn.solver.arrangement.PatternSet;
import org.cvxnn.solver.data.Dataset;
import org.cvxnn.solver.ipm.IpmSettings;
import org.cvxnn.solver.network.GatedNetwork;
import org.cvxnn.solver.network.Network;
import org.cvxnn.solver.network.TwoLayerNetwork;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A seed fixes the whole result bit for bit; another seed draws other patterns. */
class ReproducibilityTest {

    private static TwoLayerProblem problem(Dataset data, ModelKind kind, long seed) {
        return TwoLayerProblem.builder(data).model(kind).bias(true).beta(0.2).patterns(PatternSource.sampled(40, seed)).build();
    }

    private static double[][] weights(Network net) {
        return switch (net) {
            case TwoLayerNetwork relu -> new double[][] {relu.w1(), relu.alpha()};
            case GatedNetwork gated -> new double[][] {gated.gates(), gated.w1(), gated.alpha()};
            default -> throw new AssertionError("unexpected network " + net);
        };
    }

    private static Set<String> keys(PatternSet set) {
        Set<String> s = new HashSet<>();
        for (int i = 0; i < set.size(); i++) s.add(Arrays.toString(set.patternWords(i)));
        return s;
    }

    @ParameterizedTest
    @EnumSource(value = ModelKind.class, names = {"RELU2", "GATED2"})
    void sameSeedGivesIdenticalBits(ModelKind kind) {
        Dataset data = Reference.planar(60, 41);
        ConvexSolution a = problem(data, kind, 7).solve(IpmSettings.defaults());
        ConvexSolution b = problem(data, kind, 7).solve(IpmSettings.defaults());
        assertEquals(Double.doubleToRawLongBits(a.objective()), Double.doubleToRawLongBits(b.objective()));
        assertEquals(Double.doubleToRawLongBits(a.dualBound()), Double.doubleToRawLongBits(b.dualBound()));
        assertEquals(a.iterations(), b.iterations());
        assertEquals(a.status(), b.status());
        double[][] wa = weights(a.model().network()), wb = weights(b.model().network());
        for (int k = 0; k < wa.length; k++) assertArrayEquals(wa[k], wb[k]);
        assertArrayEquals(a.model().predict(data), b.model().predict(data));
    }

    @ParameterizedTest
    @EnumSource(value = ModelKind.class, names = {"RELU2", "GATED2"})
    void differentSeedsDrawDifferentPatternSets(ModelKind kind) {
        Dataset data = Reference.planar(60, 42);
        List<Set<String>> sets = List.of(keys(problem(data, kind, 1).patterns()), keys(problem(data, kind, 2).patterns()),
                keys(problem(data, kind, 3).patterns()));
        assertNotEquals(sets.get(0), sets.get(1));
        assertNotEquals(sets.get(0), sets.get(2));
        assertNotEquals(sets.get(1), sets.get(2));
        assertEquals(keys(problem(data, kind, 1).patterns()), sets.get(0));
    }
}
