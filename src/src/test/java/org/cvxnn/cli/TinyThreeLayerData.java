package org.cvxnn.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * Tiny two-feature CSVs from a planted three-layer ReLU network, {@code y = max(0, max(0, a) −
 * max(0, b − ½)) + 0.1·noise}, for the three-layer CLI tests.
 */
final class TinyThreeLayerData {
    private TinyThreeLayerData() { }

    /**
     * Writes {@code n} rows drawn with {@code seed}; the header is {@code b,y,a} when
     * {@code targetBetweenFeatures} (so {@code --target y} has to pick a middle column), else {@code a,b,y}.
     */
    static void write(Path file, int n, long seed, boolean targetBetweenFeatures) throws IOException {
        SplittableRandom r = new SplittableRandom(seed);
        StringBuilder s = new StringBuilder(targetBetweenFeatures ? "b,y,a\n" : "a,b,y\n");
        for (int i = 0; i < n; i++) {
            double a = r.nextGaussian(), b = r.nextGaussian();
            double y = Math.max(0, Math.max(0, a) - Math.max(0, b - 0.5)) + 0.1 * r.nextGaussian();
            if (targetBetweenFeatures) s.append(b).append(',').append(y).append(',').append(a).append('\n');
            else s.append(a).append(',').append(b).append(',').append(y).append('\n');
        }
        Files.writeString(file, s);
    }
}
