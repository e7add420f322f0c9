package org.cvxnn.cli.data;

import org.cvxnn.cli.CliException;
import org.cvxnn.cli.io.LabelledData;
import org.cvxnn.solver.compare.TrainTestSplit;
import org.cvxnn.solver.data.Dataset;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EmbeddedDataTest {

    /** Sizes and class counts as published with the collection (SOURCE.md, the paper's Table 1). */
    private record Expected(String name, int n, int d, int classes) {}

    private static final List<Expected> EXPECTED = List.of(
            new Expected("acute-inflammation", 120, 6, 2), new Expected("acute-nephritis", 120, 6, 2),
            new Expected("balloons", 16, 4, 2), new Expected("breast-tissue", 106, 9, 6),
            new Expected("fertility", 100, 9, 2), new Expected("pittsburg-bridges-span", 92, 7, 3));

    @Test
    void everyDatasetLoadsWithItsPublishedShapeAndLabels() {
        assertEquals(EXPECTED.stream().map(Expected::name).toList(), EmbeddedData.names());
        for (Expected e : EXPECTED) {
            LabelledData l = EmbeddedData.load(e.name());
            assertEquals(e.n(), l.data().n(), e.name());
            assertEquals(e.d(), l.data().d(), e.name());
            assertEquals("label", l.target());
            double[] labels = Arrays.stream(l.data().y()).distinct().sorted().toArray();
            double[] expected = new double[e.classes()];
            for (int c = 0; c < expected.length; c++) expected[c] = c;
            assertArrayEquals(expected, labels, e.name() + ": labels are the class ids 0..c-1");
        }
    }

    @Test
    void splitFollowsTheSetColumnInFileOrder() {
        // acute-inflammation.split.csv: row 0 is test, row 1 is train; the first training sample is row 1.
        Dataset all = EmbeddedData.load("acute-inflammation").data();
        TrainTestSplit s = EmbeddedData.split("acute-inflammation", EmbeddedData.DEFAULT_SPLIT);
        assertEquals(all.n(), s.train().n() + s.test().n());
        assertArrayEquals(all.row(1), s.train().row(0));
        assertArrayEquals(all.row(0), s.test().row(0));
        TrainTestSplit balloons = EmbeddedData.split("balloons", "set");
        assertEquals(8, balloons.train().n(), "balloons: 8/8 in the collection");
        assertEquals(8, balloons.test().n());
    }

    @Test
    void foldColumnsHoldOutAboutAQuarter() {
        for (String name : EmbeddedData.names()) {
            for (String fold : List.of("fold1", "fold2", "fold3", "fold4")) {
                TrainTestSplit s = EmbeddedData.split(name, fold);
                double share = (double) s.test().n() / (s.train().n() + s.test().n());
                assertTrue(share > 0.15 && share < 0.35, name + " " + fold + ": test share " + share);
            }
        }
    }

    @Test
    void unknownNamesAndColumnsAreClearErrors() {
        String m = assertThrows(CliException.class, () -> EmbeddedData.load("fertilty")).getMessage();
        assertTrue(m.contains("did you mean fertility?") && m.contains("balloons"), m);
        m = assertThrows(CliException.class, () -> EmbeddedData.split("balloons", "fold9")).getMessage();
        assertTrue(m.contains("fold9") && m.contains("fold1"), m);
    }
}
