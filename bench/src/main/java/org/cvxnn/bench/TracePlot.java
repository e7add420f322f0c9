package org.cvxnn.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Stroke;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

import javax.imageio.ImageIO;

/**
 * Objective-vs-time plot of training traces (headless AWT): objective against seconds, both on log
 * scales, one colour per group (e.g. per K), solid or dashed lines per curve, a horizontal reference
 * line (the lower bound), axis labels, ticks and a legend. The y range ends at a ceiling (e.g. the
 * zero network's objective) so that the region near the reference stays visible; points above it or
 * at time 0 are not drawn.
 */
final class TracePlot {
    /** Image width in pixels. */
    static final int WIDTH = 1000;
    /** Image height in pixels. */
    static final int HEIGHT = 650;
    private static final int LEFT = 90, RIGHT = 210, TOP = 50, BOTTOM = 70;
    private static final Color[] PALETTE = {
        new Color(0xd62728), new Color(0xff7f0e), new Color(0x2ca02c), new Color(0x1f77b4), new Color(0x9467bd),
        new Color(0x8c564b), new Color(0xe377c2), new Color(0x17becf), new Color(0x7f7f7f), new Color(0xbcbd22)};

    /**
     * One trace.
     *
     * @param seconds    x values, ascending
     * @param objectives y values (positive), same length
     * @param group      index into the group labels, which picks the colour
     * @param dashed     dashed instead of solid line
     */
    record Curve(double[] seconds, double[] objectives, int group, boolean dashed) {
        Curve {
            if (seconds.length != objectives.length)
                throw new IllegalArgumentException(seconds.length + " times but " + objectives.length + " objectives");
        }
    }

    /**
     * What to draw besides the curves.
     *
     * @param title          the heading
     * @param groupLabels    legend text per group
     * @param solidLabel     legend text of solid lines (null: no entry)
     * @param dashedLabel    legend text of dashed lines (null: no entry)
     * @param reference      y of the horizontal reference line (positive)
     * @param referenceLabel legend text of that line
     * @param ceiling        largest y shown (above the reference)
     */
    record Labels(String title, List<String> groupLabels, String solidLabel, String dashedLabel, double reference,
                  String referenceLabel, double ceiling) {
    }

    private TracePlot() { }

    /** The colour of group {@code g} (cycling through a 10-colour palette). */
    static Color colour(int g) {
        return PALETTE[Math.floorMod(g, PALETTE.length)];
    }

    /**
     * The y axis: log scale covering the reference and every positive objective up to {@code ceiling},
     * 3% margins (in log units).
     */
    static PlotAxis yAxis(List<Curve> curves, double reference, double ceiling) {
        if (!(reference > 0)) throw new IllegalArgumentException("the reference line must be positive for a log axis, got " + reference);
        if (!(ceiling > reference)) throw new IllegalArgumentException("ceiling " + ceiling + " is not above the reference " + reference);
        double lo = reference, hi = reference;
        for (Curve c : curves)
            for (double v : c.objectives())
                if (v > 0 && Double.isFinite(v)) { lo = Math.min(lo, v); hi = Math.max(hi, Math.min(v, ceiling)); }
        return PlotAxis.covering(lo, hi, true, 0.03, HEIGHT - BOTTOM, TOP);
    }

    /** The x axis: log scale over the positive times, 2% margins (in log units). */
    static PlotAxis xAxis(List<Curve> curves) {
        double lo = Double.POSITIVE_INFINITY, hi = 0;
        for (Curve c : curves)
            for (double v : c.seconds())
                if (v > 0 && Double.isFinite(v)) { lo = Math.min(lo, v); hi = Math.max(hi, v); }
        if (hi == 0) { lo = 1e-3; hi = 1; }
        return PlotAxis.covering(lo, hi, true, 0.02, LEFT, WIDTH - RIGHT);
    }

    /** Draws the plot. */
    static BufferedImage render(List<Curve> curves, Labels labels) {
        PlotAxis x = xAxis(curves), y = yAxis(curves, labels.reference(), labels.ceiling());
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, WIDTH, HEIGHT);
            axes(g, x, y);
            g.setClip(LEFT, TOP, WIDTH - RIGHT - LEFT, HEIGHT - BOTTOM - TOP);
            for (Curve c : curves) curve(g, c, x, y);
            g.setColor(Color.BLACK);
            g.setStroke(dash(2.0f));
            int ly = (int) Math.round(y.pixel(labels.reference()));
            g.drawLine(LEFT, ly, WIDTH - RIGHT, ly);
            g.setClip(null);
            text(g, labels);
            legend(g, labels);
        } finally {
            g.dispose();
        }
        return image;
    }

    /** Writes {@code image} as PNG, atomically (temporary file next to the target, then moved). */
    static void write(BufferedImage image, Path file) throws IOException {
        Path abs = file.toAbsolutePath();
        Path tmp = abs.resolveSibling(abs.getFileName() + ".tmp");
        if (!ImageIO.write(image, "png", tmp.toFile())) throw new IOException("no PNG writer available");
        Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static void axes(Graphics2D g, PlotAxis x, PlotAxis y) {
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        FontMetrics fm = g.getFontMetrics();
        g.setStroke(new BasicStroke(1f));
        for (double t : x.ticks(8)) {
            int px = (int) Math.round(x.pixel(t));
            g.setColor(new Color(0xe6e6e6));
            g.drawLine(px, TOP, px, HEIGHT - BOTTOM);
            g.setColor(Color.BLACK);
            g.drawLine(px, HEIGHT - BOTTOM, px, HEIGHT - BOTTOM + 5);
            String s = PlotAxis.label(t);
            g.drawString(s, px - fm.stringWidth(s) / 2, HEIGHT - BOTTOM + 8 + fm.getAscent());
        }
        for (double t : y.ticks(8)) {
            int py = (int) Math.round(y.pixel(t));
            g.setColor(new Color(0xe6e6e6));
            g.drawLine(LEFT, py, WIDTH - RIGHT, py);
            g.setColor(Color.BLACK);
            g.drawLine(LEFT - 5, py, LEFT, py);
            String s = PlotAxis.label(t);
            g.drawString(s, LEFT - 8 - fm.stringWidth(s), py + fm.getAscent() / 2 - 1);
        }
        g.setColor(Color.BLACK);
        g.drawRect(LEFT, TOP, WIDTH - RIGHT - LEFT, HEIGHT - BOTTOM - TOP);
    }

    private static void curve(Graphics2D g, Curve c, PlotAxis x, PlotAxis y) {
        Path2D.Double path = new Path2D.Double();
        boolean open = false;
        for (int i = 0; i < c.seconds().length; i++) {
            double v = c.objectives()[i], t = c.seconds()[i];
            if (!(v > 0) || !Double.isFinite(v) || !(t > 0)) { open = false; continue; }
            double px = x.pixel(c.seconds()[i]), py = y.pixel(v);
            if (open) path.lineTo(px, py); else path.moveTo(px, py);
            open = true;
        }
        Color col = colour(c.group());
        g.setColor(new Color(col.getRed(), col.getGreen(), col.getBlue(), 170));
        g.setStroke(c.dashed() ? dash(1.4f) : new BasicStroke(1.4f));
        g.draw(path);
    }

    private static void text(Graphics2D g, Labels labels) {
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
        FontMetrics fm = g.getFontMetrics();
        g.drawString(labels.title(), LEFT + (WIDTH - RIGHT - LEFT - fm.stringWidth(labels.title())) / 2, TOP - 18);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
        fm = g.getFontMetrics();
        String xl = "wall-clock time of the trial (seconds, log scale)";
        g.drawString(xl, LEFT + (WIDTH - RIGHT - LEFT - fm.stringWidth(xl)) / 2, HEIGHT - 20);
        String yl = "training objective (log scale)";
        Graphics2D r = (Graphics2D) g.create();
        r.rotate(-Math.PI / 2);
        r.drawString(yl, -(TOP + (HEIGHT - BOTTOM - TOP + fm.stringWidth(yl)) / 2), 22);
        r.dispose();
    }

    private static void legend(Graphics2D g, Labels labels) {
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        int lx = WIDTH - RIGHT + 15, ly = TOP + 10, step = 20;
        for (int i = 0; i < labels.groupLabels().size(); i++) {
            g.setColor(colour(i));
            g.setStroke(new BasicStroke(3f));
            g.drawLine(lx, ly + step * i, lx + 30, ly + step * i);
            g.setColor(Color.BLACK);
            g.drawString(labels.groupLabels().get(i), lx + 38, ly + step * i + 5);
        }
        int row = labels.groupLabels().size() + 1;
        g.setColor(Color.BLACK);
        if (labels.solidLabel() != null) {
            g.setStroke(new BasicStroke(1.5f));
            g.drawLine(lx, ly + step * row, lx + 30, ly + step * row);
            g.drawString(labels.solidLabel(), lx + 38, ly + step * row + 5);
            row++;
        }
        if (labels.dashedLabel() != null) {
            g.setStroke(dash(1.5f));
            g.drawLine(lx, ly + step * row, lx + 30, ly + step * row);
            g.drawString(labels.dashedLabel(), lx + 38, ly + step * row + 5);
            row++;
        }
        g.setStroke(dash(2.0f));
        g.drawLine(lx, ly + step * row, lx + 30, ly + step * row);
        g.drawString(labels.referenceLabel(), lx + 38, ly + step * row + 5);
    }

    private static Stroke dash(float width) {
        return new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f);
    }
}
