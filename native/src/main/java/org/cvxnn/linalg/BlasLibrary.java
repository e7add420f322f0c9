package org.cvxnn.linalg;

import java.io.IOException;
import java.io.InputStream;
import java.lang.foreign.Arena;
import java.lang.foreign.SymbolLookup;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds and loads OpenBLAS (with LAPACKE), once per JVM, in this order:
 * <ol>
 *   <li>an explicit path: system property {@value #PATH_PROPERTY} or environment variable
 *       {@value #PATH_ENV} naming a {@code libopenblas.so*} file;</li>
 *   <li>the natives shipped in {@code org.bytedeco:openblas:*:linux-x86_64} on the class path,
 *       extracted into a per-user cache directory ({@code $XDG_CACHE_HOME/cvxnn} or
 *       {@code ~/.cache/cvxnn}; override with system property {@value #CACHE_PROPERTY});</li>
 *   <li>the system's {@code libopenblas.so.0} (LAPACKE from {@code liblapacke.so.3} when the
 *       OpenBLAS build lacks it, as Debian's does).</li>
 * </ol>
 * The libraries are loaded into the global arena and never unloaded.
 */
public final class BlasLibrary {
    /** System property naming an explicit OpenBLAS shared library. */
    public static final String PATH_PROPERTY = "cvxnn.openblas.path";
    /** Environment variable naming an explicit OpenBLAS shared library. */
    public static final String PATH_ENV = "CVXNN_OPENBLAS";
    /** System property overriding the directory natives are extracted to. */
    public static final String CACHE_PROPERTY = "cvxnn.cache.dir";

    private static final String BUNDLE_DIR = "org/bytedeco/openblas/linux-x86_64/";
    /** Extracted in this order; loaded in this order except libgcc_s, which the system provides. */
    private static final List<String> BUNDLED_FILES = List.of("libquadmath.so.0", "libgfortran.so.5", "libgcc_s.so.1", "libopenblas.so.0");
    private static final List<String> BUNDLED_LOAD_ORDER = List.of("libquadmath.so.0", "libgfortran.so.5", "libopenblas.so.0");

    /** Where the loaded library came from. */
    public enum Source { EXPLICIT, BUNDLED, SYSTEM }

    /**
     * The loaded library.
     *
     * @param source where it came from
     * @param path   the file (or soname, for the system library) that was loaded
     * @param lookup symbols of OpenBLAS and LAPACKE
     */
    public record Loaded(Source source, String path, SymbolLookup lookup) { }

    private BlasLibrary() { }

    private static final class Holder {
        static final Loaded LOADED = load();
    }

    /**
     * The loaded library, loading it on first use.
     *
     * @throws UnsatisfiedLinkError naming every option tried and how to fix it
     */
    public static Loaded get() {
        return Holder.LOADED;
    }

    private static Loaded load() {
        List<String> tried = new ArrayList<>();
        String explicit = Optional.ofNullable(System.getProperty(PATH_PROPERTY)).orElse(System.getenv(PATH_ENV));
        if (explicit != null && !explicit.isBlank()) {
            Path p = Path.of(explicit);
            if (!Files.isReadable(p))
                throw new UnsatisfiedLinkError("OpenBLAS: the explicit library " + p + " (from -D" + PATH_PROPERTY + " or $" + PATH_ENV
                        + ") does not exist or is not readable; fix the path or unset it to use the bundled library");
            return new Loaded(Source.EXPLICIT, p.toString(), withLapacke(SymbolLookup.libraryLookup(p, Arena.global())));
        }
        try {
            Optional<Loaded> bundled = loadBundled();
            if (bundled.isPresent()) return bundled.get();
            tried.add("bundled: no " + BUNDLE_DIR + "libopenblas.so.0 on the class path");
        } catch (IOException | IllegalArgumentException | UnsatisfiedLinkError e) {
            tried.add("bundled: " + e.getMessage());
        }
        try {
            return new Loaded(Source.SYSTEM, "libopenblas.so.0", withLapacke(SymbolLookup.libraryLookup("libopenblas.so.0", Arena.global())));
        } catch (IllegalArgumentException | UnsatisfiedLinkError e) {
            tried.add("system: " + e.getMessage());
        }
        throw new UnsatisfiedLinkError("OpenBLAS could not be loaded (" + String.join("; ", tried) + "). Fix one of: "
                + "(1) point -D" + PATH_PROPERTY + "=/path/libopenblas.so.0 (or $" + PATH_ENV + ") at an OpenBLAS with LAPACKE; "
                + "(2) put org.bytedeco:openblas:<version>:linux-x86_64 on the class path (the Maven build does this); "
                + "(3) install the system library: apt-get install libopenblas0-pthread liblapacke");
    }

    private static Optional<Loaded> loadBundled() throws IOException {
        ClassLoader cl = BlasLibrary.class.getClassLoader();
        URL main = cl.getResource(BUNDLE_DIR + "libopenblas.so.0");
        if (main == null) return Optional.empty();
        String arch = System.getProperty("os.arch");
        if (!"amd64".equals(arch) && !"x86_64".equals(arch))
            throw new UnsatisfiedLinkError("the bundled OpenBLAS is for linux-x86_64 but this CPU is " + arch);
        Path dir = cacheDir().resolve(bundleKey(main));
        Files.createDirectories(dir);
        for (String name : BUNDLED_FILES) {
            URL url = cl.getResource(BUNDLE_DIR + name);
            if (url != null) extract(url, dir.resolve(name));
        }
        SymbolLookup lookup = null;
        for (String name : BUNDLED_LOAD_ORDER) {
            lookup = SymbolLookup.libraryLookup(dir.resolve(name), Arena.global());
        }
        return Optional.of(new Loaded(Source.BUNDLED, dir.resolve("libopenblas.so.0").toString(), lookup));
    }

    private static Path cacheDir() {
        String override = System.getProperty(CACHE_PROPERTY);
        if (override != null) return Path.of(override);
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = (xdg != null && !xdg.isBlank()) ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("cvxnn");
    }

    /** Names the extraction directory after the jar the natives come from, e.g. {@code openblas-0.3.31-1.5.13-linux-x86_64}. */
    private static String bundleKey(URL resource) {
        String s = resource.toString();
        int bang = s.indexOf("!/");
        String jar = bang > 0 ? s.substring(0, bang) : s;
        String name = jar.substring(jar.lastIndexOf('/') + 1).replaceAll("\\.jar$", "");
        return name.replaceAll("[^A-Za-z0-9._-]", "_");
    }

    /**
     * Copies a resource to {@code target} unless a file of the same size is already there. Safe
     * when several JVMs start at once: each writes its own temporary file and renames it
     * atomically, so a reader never maps a half-written library.
     */
    private static void extract(URL url, Path target) throws IOException {
        URLConnection conn = url.openConnection();
        long size = conn.getContentLengthLong();
        if (Files.exists(target) && size >= 0 && Files.size(target) == size) return;
        Path tmp = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".part");
        try (InputStream in = conn.getInputStream()) {
            Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Adds {@code liblapacke.so.3} to a lookup that lacks LAPACKE symbols (Debian's OpenBLAS). */
    private static SymbolLookup withLapacke(SymbolLookup blas) {
        if (blas.find("LAPACKE_dpotrf").isPresent()) return blas;
        try {
            return blas.or(SymbolLookup.libraryLookup("liblapacke.so.3", Arena.global()));
        } catch (IllegalArgumentException e) {
            throw new UnsatisfiedLinkError("this OpenBLAS has no LAPACKE and liblapacke.so.3 was not found: apt-get install liblapacke");
        }
    }
}
