package org.cvxnn.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.cvxnn.kernels.KernelInfo.Implementation;
import org.junit.jupiter.api.Test;

class KernelsTest {

    @Test
    void getHonoursTheSystemProperty() {
        String value = System.getProperty(Kernels.PROPERTY, "auto").strip().toLowerCase(Locale.ROOT);
        Implementation expected = switch (value) {
            case "scalar" -> Implementation.SCALAR;
            case "vector" -> Implementation.VECTOR;
            default -> KernelProvider.vectorUnavailableReason().isEmpty() ? Implementation.VECTOR : Implementation.SCALAR;
        };
        assertEquals(expected, Kernels.get().info().implementation());
        assertSame(Kernels.get(), Kernels.get(), "selected once");
    }

    @Test
    void scalarDescribesItself() {
        KernelInfo info = Kernels.scalar().info();
        assertEquals(new KernelInfo(Implementation.SCALAR, 64, 1), info);
        assertEquals("scalar (reference loops)", info.describe());
    }

    @Test
    void vectorDescribesItsSpecies() {
        KernelInfo info = Fixtures.vectorOrSkip().info();
        assertEquals(Implementation.VECTOR, info.implementation());
        assertTrue(info.speciesBits() >= 256, info::describe);
        assertEquals(info.speciesBits() / Double.SIZE, info.lanes());
        assertEquals("vector (" + info.speciesBits() + "-bit DoubleVector, " + info.lanes() + " lanes)", info.describe());
    }

    @Test
    void selectParsesEveryValue() {
        assertSame(Kernels.scalar(), KernelProvider.select(" Scalar "));
        if (KernelProvider.vectorUnavailableReason().isEmpty()) {
            assertSame(Kernels.vector(), KernelProvider.select("vector"));
            assertSame(Kernels.vector(), KernelProvider.select("auto"));
            assertSame(Kernels.vector(), KernelProvider.select(null));
        } else {
            assertSame(Kernels.scalar(), KernelProvider.select("auto"));
            assertThrows(IllegalStateException.class, () -> KernelProvider.select("vector"));
        }
    }

    @Test
    void bogusValueIsRejectedClearly() {
        var e = assertThrows(IllegalArgumentException.class, () -> KernelProvider.select("bogus"));
        assertEquals("system property cvxnn.kernels = 'bogus' is not supported; use one of auto, vector, scalar", e.getMessage());
    }

    // ---- the choice in fresh JVMs (the selection runs once per JVM) ----

    @Test
    void bogusValueFailsGetInAFreshJvm() {
        String out = probe(List.of("--add-modules=jdk.incubator.vector", "-Dcvxnn.kernels=bogus"));
        assertTrue(out.contains("error: IllegalStateException: system property cvxnn.kernels = 'bogus' is not supported"), out);
    }

    @Test
    void autoFallsBackToScalarWithoutTheModule() {
        String out = probe(List.of("-Dcvxnn.kernels=auto"));
        assertTrue(out.contains("selected: scalar"), out);
        assertTrue(out.contains("WARNING: cvxnn kernels: scalar reference, because the jdk.incubator.vector module is not loaded; "
                + "add --add-modules=jdk.incubator.vector"), out);
    }

    @Test
    void forcedVectorWithoutTheModuleIsAnError() {
        String out = probe(List.of("-Dcvxnn.kernels=vector"));
        assertTrue(out.contains("error: IllegalStateException: cvxnn.kernels=vector cannot be honoured: "
                + "the jdk.incubator.vector module is not loaded"), out);
    }

    @Test
    void forcedVectorWithNarrowVectorsIsAnError() {
        String out = probe(List.of("--add-modules=jdk.incubator.vector", "-XX:MaxVectorSize=16", "-Dcvxnn.kernels=vector"));
        assertTrue(out.contains("error: IllegalStateException: cvxnn.kernels=vector cannot be honoured: "
                + "the preferred DoubleVector species has 128 bits, fewer than 256"), out);
    }

    @Test
    void autoUsesVectorWhenAvailable() {
        Fixtures.vectorOrSkip();
        String out = probe(List.of("--add-modules=jdk.incubator.vector"));
        assertTrue(out.contains("selected: vector ("), out);
        assertTrue(out.contains("INFO: cvxnn kernels: vector ("), out);
    }

    /** Runs {@link SelectionProbe} in a child JVM with {@code jvmArgs}; returns its stdout and stderr. */
    private static String probe(List<String> jvmArgs) {
        try {
            Path log = Files.createTempFile("cvxnn-kernels-probe", ".log");
            try {
                List<String> command = new ArrayList<>();
                command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
                command.addAll(jvmArgs);
                command.add("-cp");
                command.add(codeSource(Kernels.class) + java.io.File.pathSeparator + codeSource(SelectionProbe.class));
                command.add(SelectionProbe.class.getName());
                Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
                assertTrue(p.waitFor(60, TimeUnit.SECONDS), "probe JVM timed out");
                return Files.readString(log, StandardCharsets.UTF_8);
            } finally {
                Files.deleteIfExists(log);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static String codeSource(Class<?> cls) {
        try {
            return Path.of(cls.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new AssertionError(e);
        }
    }
}
