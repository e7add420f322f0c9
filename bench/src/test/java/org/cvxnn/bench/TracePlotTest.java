package org.cvxnn.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TracePlotTest {

    static {
        System.setProperty("java.awt.headless", "true");
    }

    private static final List<TracePlot.Curve> CURVES = List.of(
            new TracePlot.Curve(new double[] {0, 0.01, 1, 2}, new double[] {900, 10, 3, 2}, 0, false),
            new TracePlot.Curve(new double[] {0.001, 0.5, 4}, new double[] {50, 1.2, 1.1}, 1, true));

    /** Optimum 0.9 computed in 0.02 s, lower bound 0.8, ceiling 60. */
    private static final TracePlot.Labels LABELS = new TracePlot.Labels("title", List.of("K = 1", "K = 2"), "Adam", "SGD",
            0.9, 0.02, "opt", 0.8, "LB", 60);

    @Test
    void axesCoverTheDataTheOptimumAndTheBound() {
        PlotAxis y = TracePlot.yAxis(CURVES, LABELS);
        // the ceiling 60 cuts off the 900 but keeps the 50; the bound 0.8 lies below every curve
        assertTrue(y.min() < 0.8 && y.max() > 50 && y.max() < 900, y.toString());
        // larger objectives are drawn higher (smaller pixel row)
        assertTrue(y.pixel(50) < y.pixel(0.9));
        PlotAxis x = TracePlot.xAxis(CURVES, LABELS);
        // time 0 has no place on the log axis: the range runs from the smallest positive time
        assertTrue(x.min() < 0.001 && x.min() > 0.0005 && x.max() >= 4, x.toString());
        // a convex solve slower than every trial widens the time axis to its marker; without a bound
        // the y axis need not reach below the curves' minimum 1.1 further than the optimum
        TracePlot.Labels slow = new TracePlot.Labels("t", List.of("K = 1"), "Adam", null, 1.0, 40, "opt", 0, "LB", 60);
        assertTrue(TracePlot.xAxis(CURVES, slow).max() >= 40);
        assertTrue(TracePlot.yAxis(CURVES, slow).min() > 0.8 && TracePlot.yAxis(CURVES, slow).min() < 1.0);
    }

    @Test
    void labelsRejectLinesAboveTheCeilingOrANonPositiveOptimum() {
        assertThrows(IllegalArgumentException.class,
                () -> new TracePlot.Labels("t", List.of(), null, null, 0, 1, "opt", 0, "LB", 60));
        assertThrows(IllegalArgumentException.class,
                () -> new TracePlot.Labels("t", List.of(), null, null, 70, 1, "opt", 0, "LB", 60));
        assertThrows(IllegalArgumentException.class,
                () -> new TracePlot.Labels("t", List.of(), null, null, 1, 1, "opt", 61, "LB", 60));
    }

    @Test
    void writesAReadablePngWithTheGroupColoursOptimumLineMarkerAndBoundLine(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("p.png");
        TracePlot.write(TracePlot.render(CURVES, LABELS), file);
        BufferedImage img = ImageIO.read(file.toFile());
        assertNotNull(img);
        assertEquals(TracePlot.WIDTH, img.getWidth());
        assertEquals(TracePlot.HEIGHT, img.getHeight());
        for (int g = 0; g < 2; g++) assertTrue(contains(img, TracePlot.colour(g).getRGB()), "legend colour of group " + g);
        PlotAxis y = TracePlot.yAxis(CURVES, LABELS), x = TracePlot.xAxis(CURVES, LABELS);
        // the optimum: a solid row of black pixels across the plot area
        int row = (int) Math.round(y.pixel(0.9));
        int black = 0;
        for (int px = 0; px < img.getWidth(); px++) if ((img.getRGB(px, row) & 0xffffff) == 0) black++;
        assertTrue(black > 500, "black pixels on the optimum's row: " + black);
        // its marker: black pixels just above and below the line at the solve time
        int col = (int) Math.round(x.pixel(0.02));
        assertEquals(0, img.getRGB(col, row - TracePlot.MARKER / 2) & 0xffffff);
        assertEquals(0, img.getRGB(col, row + TracePlot.MARKER / 2) & 0xffffff);
        // the bound: a dashed grey row (dashes 6 px, gaps 4 px) at LB's row, so well over a third of the plot width
        int lbRow = (int) Math.round(y.pixel(0.8));
        int grey = 0;
        for (int px = 0; px < img.getWidth(); px++) if ((img.getRGB(px, lbRow) & 0xffffff) == (TracePlot.BOUND_COLOUR.getRGB() & 0xffffff)) grey++;
        assertTrue(grey > 200, "grey pixels on the bound's row: " + grey);
        assertTrue(Math.abs(lbRow - row) > TracePlot.MARKER, "the two lines are apart");
    }

    private static boolean contains(BufferedImage img, int rgb) {
        for (int y = 0; y < img.getHeight(); y++)
            for (int x = 0; x < img.getWidth(); x++) if ((img.getRGB(x, y) & 0xffffff) == (rgb & 0xffffff)) return true;
        return false;
    }
}
