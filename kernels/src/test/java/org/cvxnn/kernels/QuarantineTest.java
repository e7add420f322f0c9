package org.cvxnn.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Only {@code org.cvxnn.kernels.vector} may link against {@code jdk.incubator.vector}, and none of it is public. */
class QuarantineTest {

    private static final String INCUBATOR = "jdk/incubator/vector";
    private static final String VECTOR_PACKAGE = "org/cvxnn/kernels/vector/";

    @Test
    void incubatorTypesStayInTheVectorPackage() throws IOException, URISyntaxException {
        Path root = Path.of(Kernels.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<Path> classes;
        try (Stream<Path> files = Files.walk(root)) {
            classes = files.filter(p -> p.toString().endsWith(".class")).toList();
        }
        assertFalse(classes.isEmpty(), "no classes found under " + root);
        List<String> offenders = classes.stream()
                .filter(p -> !root.relativize(p).toString().replace('\\', '/').startsWith(VECTOR_PACKAGE))
                .filter(QuarantineTest::mentionsIncubator)
                .map(p -> root.relativize(p).toString())
                .toList();
        assertEquals(List.of(), offenders, "classes outside " + VECTOR_PACKAGE + " referencing " + INCUBATOR);
    }

    @Test
    void vectorPackageExposesNoPublicClass() throws IOException, URISyntaxException {
        Path root = Path.of(Kernels.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        try (Stream<Path> files = Files.list(root.resolve(VECTOR_PACKAGE))) {
            List<String> publicOnes = files.map(p -> p.getFileName().toString())
                    .filter(name -> name.endsWith(".class") && !name.equals("package-info.class"))
                    .map(name -> VECTOR_PACKAGE.replace('/', '.') + name.substring(0, name.length() - ".class".length()))
                    .filter(QuarantineTest::isPublic)
                    .toList();
            assertEquals(List.of(), publicOnes);
        }
    }

    private static boolean mentionsIncubator(Path classFile) {
        try {
            return new String(Files.readAllBytes(classFile), StandardCharsets.ISO_8859_1).contains(INCUBATOR);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Reads the access flags without initialising (or linking) the class. */
    private static boolean isPublic(String className) {
        try {
            Class<?> cls = Class.forName(className, false, QuarantineTest.class.getClassLoader());
            return java.lang.reflect.Modifier.isPublic(cls.getModifiers());
        } catch (ClassNotFoundException e) {
            throw new AssertionError(e);
        }
    }
}
