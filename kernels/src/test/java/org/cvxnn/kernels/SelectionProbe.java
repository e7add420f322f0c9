package org.cvxnn.kernels;

/** Run in a child JVM by {@link KernelsTest}: prints the selected implementation or the error. */
public final class SelectionProbe {

    private SelectionProbe() {}

    public static void main(String[] args) {
        try {
            System.out.println("selected: " + Kernels.get().info().describe());
        } catch (RuntimeException e) {
            System.out.println("error: " + e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }
}
