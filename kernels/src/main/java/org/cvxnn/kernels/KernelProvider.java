package org.cvxnn.kernels;

import java.lang.System.Logger.Level;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Locale;
import java.util.Optional;

/**
 * Chooses the kernel implementation once per JVM and loads the Vector API one reflectively, so
 * that no class outside {@code org.cvxnn.kernels.vector} links against {@code jdk.incubator.vector}.
 */
final class KernelProvider {

    /** Smallest preferred species accepted (AVX2 width); narrower vectors use the scalar reference. */
    static final int MIN_VECTOR_BITS = 256;

    private static final String VECTOR_MODULE = "jdk.incubator.vector";
    private static final String VECTOR_CLASS = "org.cvxnn.kernels.vector.VectorKernels";
    private static final System.Logger LOG = System.getLogger(Kernels.class.getName());

    private KernelProvider() {}

    /** The outcome of one attempt to obtain kernels: exactly one of the fields is non-null. */
    private record Attempt(Kernels kernels, RuntimeException failure) {}

    /** Lazy holder: the vector implementation is probed on first use only. */
    private static final class VectorHolder {
        static final Attempt ATTEMPT = probeVector();
    }

    /** Lazy holder: the selection runs once, on the first {@link Kernels#get()}. */
    private static final class SelectedHolder {
        static final Attempt ATTEMPT = selectFromProperty();
    }

    static Kernels selected() {
        Attempt a = SelectedHolder.ATTEMPT;
        if (a.failure() != null) throw new IllegalStateException(a.failure().getMessage(), a.failure());
        return a.kernels();
    }

    static Kernels vector() {
        Attempt a = VectorHolder.ATTEMPT;
        if (a.failure() != null) {
            throw new IllegalStateException("Vector API kernels unavailable: " + a.failure().getMessage(), a.failure());
        }
        return a.kernels();
    }

    /** Why {@link Kernels#vector()} is unavailable in this JVM, or empty if it is available. */
    static Optional<String> vectorUnavailableReason() {
        return Optional.ofNullable(VectorHolder.ATTEMPT.failure()).map(RuntimeException::getMessage);
    }

    private static Attempt selectFromProperty() {
        try {
            return new Attempt(select(System.getProperty(Kernels.PROPERTY)), null);
        } catch (IllegalArgumentException | IllegalStateException e) {
            return new Attempt(null, e);
        }
    }

    /**
     * Applies the selection rules of {@link Kernels} to a property value and logs the choice in
     * one line.
     *
     * @throws IllegalArgumentException if the value is not {@code auto}, {@code vector} or {@code scalar}
     * @throws IllegalStateException    if the value is {@code vector} and that cannot be honoured
     */
    static Kernels select(String propertyValue) {
        KernelChoice choice = KernelChoice.parse(propertyValue);
        Optional<String> vectorMissing = choice == KernelChoice.SCALAR ? Optional.empty() : vectorUnavailableReason();
        if (choice == KernelChoice.AUTO && vectorMissing.isPresent()) {
            LOG.log(Level.WARNING, "cvxnn kernels: scalar reference, because " + vectorMissing.get());
            return Kernels.scalar();
        }
        if (choice == KernelChoice.VECTOR && vectorMissing.isPresent()) {
            throw new IllegalStateException(Kernels.PROPERTY + "=vector cannot be honoured: "
                    + vectorMissing.get() + " (or use " + Kernels.PROPERTY + "=auto)");
        }
        Kernels chosen = choice == KernelChoice.SCALAR ? Kernels.scalar() : VectorHolder.ATTEMPT.kernels();
        LOG.log(Level.INFO, "cvxnn kernels: " + chosen.info().describe()
                + " [" + Kernels.PROPERTY + "=" + choice.name().toLowerCase(Locale.ROOT) + "]");
        return chosen;
    }

    /** Checks the preconditions of the vector implementation, then instantiates it. */
    private static Attempt probeVector() {
        if (ModuleLayer.boot().findModule(VECTOR_MODULE).isEmpty()) {
            return unavailable("the " + VECTOR_MODULE + " module is not loaded; add --add-modules="
                    + VECTOR_MODULE + " to the java command line to enable the Vector API kernels");
        }
        Kernels kernels = instantiateVector();
        int bits = kernels.info().speciesBits();
        if (bits < MIN_VECTOR_BITS) {
            return unavailable("the preferred DoubleVector species has " + bits + " bits, fewer than "
                    + MIN_VECTOR_BITS + " (the CPU has no 256-bit vectors, or -XX:MaxVectorSize or -XX:UseAVX limit them)");
        }
        return new Attempt(kernels, null);
    }

    private static Attempt unavailable(String reason) {
        return new Attempt(null, new IllegalStateException(reason));
    }

    /** Instantiates the package-private vector implementation without linking against it. */
    private static Kernels instantiateVector() {
        try {
            Class<?> cls = Class.forName(VECTOR_CLASS, false, KernelProvider.class.getClassLoader());
            var lookup = MethodHandles.privateLookupIn(cls, MethodHandles.lookup());
            return (Kernels) lookup.findConstructor(cls, MethodType.methodType(void.class)).invoke();
        } catch (ReflectiveOperationException e) {
            throw new LinkageError(VECTOR_CLASS + " is missing or malformed in the cvxnn-kernels jar", e);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new AssertionError("the constructor of " + VECTOR_CLASS + " threw", t);
        }
    }
}
