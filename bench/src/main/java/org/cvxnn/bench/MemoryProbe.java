package org.cvxnn.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.management.ObjectName;

/**
 * Peak memory of one measured region (a solve), started by {@link #start()} and ended by
 * {@link #stop()}.
 *
 * <ul>
 *   <li><b>Heap</b>: {@link #start()} requests a full GC ({@code System.gc()}, so earlier garbage
 *       does not count) and resets every heap pool's peak; the result is the sum of the pools' peak
 *       usages at the end. Pools peak at different moments, so this is an upper bound on the peak of
 *       the whole heap, and it counts the region's own garbage not yet collected. Data and patterns
 *       built before the region are included (they are live).</li>
 *   <li><b>Off-heap</b> (only when the JVM runs with {@code -XX:NativeMemoryTracking=summary}):
 *       the solver's arenas allocate through {@code Unsafe.allocateMemory}, which Native Memory
 *       Tracking books under the category <i>Other</i>. A daemon thread reads that category's
 *       malloc total every {@value #SAMPLE_MILLIS} ms (a {@code VM.native_memory summary} diagnostic
 *       command, ≈ 0.1–0.2 ms each) and keeps the maximum; the result is that maximum minus the value
 *       at the start. Sampling can miss a peak shorter than the period — the solver allocates its
 *       workspaces up front and holds them to the end, so it is a close lower bound. OpenBLAS's own
 *       buffers (malloc/mmap inside the library) are not tracked by NMT and not included.</li>
 * </ul>
 * Without NMT no thread is started and the off-heap result is absent.
 */
final class MemoryProbe {
    static final int SAMPLE_MILLIS = 10;
    private static final Pattern OTHER = Pattern.compile(
            "Other \\(reserved=\\d+, committed=\\d+\\)\\s*\\(malloc=(\\d+)[^)]*\\)(?:\\s*\\(peak=(\\d+))?");

    /** Heap and off-heap peaks of a region, in bytes; off-heap empty without NMT. */
    record Peaks(long heapBytes, OptionalLong offHeapBytes) { }

    private final long offHeapBase;
    private final Thread sampler;
    private volatile boolean running = true;
    private volatile long offHeapMax;

    private MemoryProbe(boolean nmt) {
        for (MemoryPoolMXBean p : heapPools()) p.resetPeakUsage();
        offHeapBase = nmt ? nmtOther().orElse(0) : 0;
        offHeapMax = offHeapBase;
        if (nmt) {
            sampler = Thread.ofPlatform().daemon().name("memory-probe").start(this::sample);
        } else {
            sampler = null;
        }
    }

    /** Starts measuring: a full GC, then the heap pools' peaks are reset. Call outside timed regions. */
    static MemoryProbe start() {
        System.gc();
        return new MemoryProbe(nmtOther().isPresent());
    }

    /** Ends the region and returns its peaks. */
    Peaks stop() {
        long heap = 0;
        for (MemoryPoolMXBean p : heapPools()) heap += p.getPeakUsage().getUsed();
        if (sampler == null) return new Peaks(heap, OptionalLong.empty());
        running = false;
        try {
            sampler.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        nmtOther().ifPresent(v -> offHeapMax = Math.max(offHeapMax, v));
        return new Peaks(heap, OptionalLong.of(offHeapMax - offHeapBase));
    }

    private void sample() {
        while (running) {
            nmtOther().ifPresent(v -> offHeapMax = Math.max(offHeapMax, v));
            try {
                Thread.sleep(SAMPLE_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private static List<MemoryPoolMXBean> heapPools() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP).toList();
    }

    /** The NMT summary, in bytes, or empty when NMT is off or the command is unavailable. */
    static Optional<String> nmtSummary() {
        try {
            Object out = ManagementFactory.getPlatformMBeanServer().invoke(
                    new ObjectName("com.sun.management:type=DiagnosticCommand"), "vmNativeMemory",
                    new Object[] {new String[] {"summary scale=1"}}, new String[] {String[].class.getName()});
            String s = String.valueOf(out);
            return s.contains("Native memory tracking is not enabled") ? Optional.empty() : Optional.of(s);
        } catch (Exception | LinkageError e) {
            return Optional.empty();
        }
    }

    /** Current malloc bytes of NMT category Other, if NMT is on. */
    static OptionalLong nmtOther() {
        return nmtSummary().map(MemoryProbe::otherMalloc).orElse(OptionalLong.empty());
    }

    /** Lifetime peak of NMT category Other (bytes), if NMT is on. */
    static OptionalLong nmtOtherLifetimePeak() {
        return nmtSummary().map(s -> {
            Matcher m = OTHER.matcher(s);
            if (!m.find()) return OptionalLong.empty();
            return OptionalLong.of(Long.parseLong(m.group(m.group(2) != null ? 2 : 1)));
        }).orElse(OptionalLong.empty());
    }

    static OptionalLong otherMalloc(String summary) {
        Matcher m = OTHER.matcher(summary);
        return m.find() ? OptionalLong.of(Long.parseLong(m.group(1))) : OptionalLong.empty();
    }

    /** The process's resident-set high-water mark ({@code VmHWM} of /proc/self/status), if readable. */
    static OptionalLong residentPeak() {
        try (var lines = Files.lines(Path.of("/proc/self/status"))) {
            return lines.filter(l -> l.startsWith("VmHWM:")).findFirst()
                    .map(l -> OptionalLong.of(Long.parseLong(l.replaceAll("[^0-9]", "")) * 1024))
                    .orElse(OptionalLong.empty());
        } catch (Exception e) {
            return OptionalLong.empty();
        }
    }
}
