package org.cvxnn.solver.baseline;

import java.util.Arrays;

/**
 * The exact training objective recorded during a run: point {@code t} was taken after
 * {@code epochs[t]} epochs (fractional when the time limit stopped an epoch part-way) and
 * {@code seconds[t]} of wall-clock time, including the time spent evaluating earlier points.
 * Point 0 is the initialisation.
 *
 * @param epochs     epochs completed at each point
 * @param seconds    wall-clock seconds since training started at each point
 * @param objectives the exact objective the run reports (e.g. (1.1)) at each point
 */
public record ObjectiveTrace(double[] epochs, double[] seconds, double[] objectives) {

    public ObjectiveTrace {
        if (epochs.length != seconds.length || epochs.length != objectives.length)
            throw new IllegalArgumentException("trace columns differ in length: " + epochs.length + " epochs, "
                    + seconds.length + " times, " + objectives.length + " objectives");
    }

    /** Number of recorded points. */
    public int size() {
        return objectives.length;
    }

    /** Collects points into arrays that grow geometrically, so recording is allocation-free almost always. */
    static final class Recorder {
        private double[] epochs;
        private double[] seconds;
        private double[] objectives;
        private int size;

        Recorder(int expectedPoints) {
            int capacity = Math.max(2, expectedPoints);
            epochs = new double[capacity];
            seconds = new double[capacity];
            objectives = new double[capacity];
        }

        void add(double epoch, double second, double objective) {
            if (size == objectives.length) {
                int capacity = 2 * size;
                epochs = Arrays.copyOf(epochs, capacity);
                seconds = Arrays.copyOf(seconds, capacity);
                objectives = Arrays.copyOf(objectives, capacity);
            }
            epochs[size] = epoch;
            seconds[size] = second;
            objectives[size] = objective;
            size++;
        }

        ObjectiveTrace build() {
            return new ObjectiveTrace(Arrays.copyOf(epochs, size), Arrays.copyOf(seconds, size), Arrays.copyOf(objectives, size));
        }
    }
}
