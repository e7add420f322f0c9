package org.cvxnn.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
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

    @Test
    void axesCoverTheDataAndTheReference() {
        PlotAxis y = TracePlot.yAxis(CURVES, 0.9, 60);
        // the ceiling 60 cuts off the 900 but keeps the 50
        assertTrue(y.min() < 0.9 && y.max() > 50 && y.max() < 900, y.toString());
        // larger objectives are drawn higher (smaller pixel row)
        assertTrue(y.pixel(50) < y.pixel(0.9));
        PlotAxis x = TracePlot.xAxis(CURVES);
        // time 0 has no place on the log axis: the range runs from the smallest positive time
        assertTrue(x.min() < 0.001 && x.min() > 0.0005 && x.max() >= 4, x.toString());
    }

    @Test
    void writesAReadablePngWithTheGroupColoursAndReferenceLine(@TempDir Path dir) throws Exception {
        TracePlot.Labels labels = new TracePlot.Labels("title", List.of("K = 1", "K = 2"), "Adam", "SGD", 0.9, "LB", 60);
        Path file = dir.resolve("p.png");
        TracePlot.write(TracePlot.render(CURVES, labels), file);
        BufferedImage img = ImageIO.read(file.toFile());
        assertNotNull(img);
        assertEquals(TracePlot.WIDTH, img.getWidth());
        assertEquals(TracePlot.HEIGHT, img.getHeight());
        for (int g = 0; g < 2; g++) assertTrue(contains(img, TracePlot.colour(g).getRGB()), "legend colour of group " + g);
        // the reference line: a row of black pixels across the plot area at the LB's pixel row
        int row = (int) Math.round(TracePlot.yAxis(CURVES, 0.9, 60).pixel(0.9));
        int black = 0;
        for (int x = 0; x < img.getWidth(); x++) if ((img.getRGB(x, row) & 0xffffff) == 0) black++;
        assertTrue(black > 200, "black pixels on the LB row: " + black);
    }

    private static boolean contains(BufferedImage img, int rgb) {
        for (int y = 0; y < img.getHeight(); y++)
            for (int x = 0; x < img.getWidth(); x++) if ((img.getRGB(x, y) & 0xffffff) == (rgb & 0xffffff)) return true;
        return false;
    }
}
