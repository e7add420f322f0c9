package org.cvxnn.kernels;

import static java.lang.foreign.ValueLayout.JAVA_DOUBLE;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Once compiled, no kernel allocates. For the vector kernels this is the test that the JIT keeps
 * every vector in registers: a boxed vector (e.g. from a vector constant in a static field entering
 * a loop) allocates on every iteration and runs several times slower than the scalar loop.
 */
class AllocationFreeTest {

    /**
     * Per kernel: ample calls for C2 to compile it. The module's tests run with synchronous JIT
     * compilation (see kernels/pom.xml), so this is a call count, independent of the machine's load.
     * Until then every call is slow (the interpreter and C1 box every vector), hence the small shapes below.
     */
    private static final int MAX_BATCHES = 2_000;
    private static double sink;

    static Stream<Kernels> bothImplementations() {
        return KernelProvider.vectorUnavailableReason().isEmpty()
                ? Stream.of(Kernels.scalar(), Kernels.vector())
                : Stream.of(Kernels.scalar());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bothImplementations")
    void kernelsDoNotAllocateOnceCompiled(Kernels k) {
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        int n = 67, cols = 3, ld = 69, wpm = Masks.wordsFor(n), dim = 13;
        long len = 67;
        try (Arena arena = Arena.ofConfined()) {
            Random rnd = new Random(43);
            MemorySegment panel = Fixtures.panel(arena, n, cols, ld, rnd);
            MemorySegment work = Fixtures.copy(arena, panel);
            MemorySegment masks = Fixtures.longs(arena, (long) cols * wpm);
            Fixtures.fillRandomLongs(masks, rnd);
            MemorySegment r = Fixtures.doubles(arena, n);
            MemorySegment a = Fixtures.doubles(arena, len);
            MemorySegment b = Fixtures.doubles(arena, len);
            MemorySegment out = Fixtures.doubles(arena, len);
            Fixtures.fillGaussian(a, rnd);
            Fixtures.fillGaussian(b, rnd);
            MemorySegment z = Fixtures.doubles(arena, (long) ld * cols);
            MemorySegment x = Fixtures.doubles(arena, dim * 5L);
            for (long i = 0; i < 5; i++) x.setAtIndex(JAVA_DOUBLE, i * dim, 100.0);

            Map<String, Runnable> ops = new LinkedHashMap<>();
            ops.put("signPatterns", () -> k.signPatterns().extract(panel, ld, n, cols, masks, 0, wpm));
            ops.put("rowMasking", () -> k.rowMasking().apply(work, ld, n, cols, 2, masks, 0, wpm));
            MemorySegment floats = arena.allocate((long) n * cols * Float.BYTES, 64);
            ops.put("rowMaskingNarrow", () -> k.rowMasking().narrow(work, ld, n, cols, 2, masks, 0, wpm, floats));
            ops.put("widenAdd", () -> k.elementwise().widenAdd(floats, out, len));
            ops.put("narrow", () -> k.elementwise().narrow(out, floats, len));
            ops.put("maskedPanel", () -> k.maskedPanel().expand(r, n, cols, masks, 0, wpm, work, ld));
            ops.put("twoLevelRowSum", () -> k.twoLevelRowSum().sum(panel, ld, n, 1, cols, a, masks, 0, masks, 0, wpm,
                    z, ld, out, true));
            ops.put("twoLevelPreActivations", () -> k.twoLevelRowSum().preActivations(panel, ld, n, cols, 1, a, masks, 0, wpm, z, ld));
            ops.put("twoLevelPanel", () -> k.twoLevelPanel().expand(r, n, 1, cols, a, masks, 0, masks, 0, wpm, work, ld));
            ops.put("signFlip", () -> k.signFlip().apply(work, ld, n, cols, 1, masks, 0, wpm, -1.0, work, ld));
            ops.put("signFlipCombine", () -> k.signFlip().combine(work, ld, n, cols, 1, masks, 0, wpm, -1.0, panel, 2.0, panel, work, ld));
            ops.put("orthant", () -> sink += k.stepLength().orthant(a, b, len));
            ops.put("secondOrderCones", () -> sink += k.stepLength().secondOrderCones(x, b, dim, 5));
            ops.put("mul", () -> k.elementwise().mul(a, b, out, len));
            ops.put("div", () -> k.elementwise().div(a, b, out, len));
            ops.put("correctorRhs", () -> k.elementwise().correctorRhs(a, a, b, b, a, 0.5, out, len));
            ops.put("axpby", () -> k.elementwise().axpby(2, a, 3, b, out, len));
            ops.put("dot", () -> sink += k.elementwise().dot(a, b, len));
            ops.put("sumSquares", () -> sink += k.elementwise().sumSquares(a, len));
            ops.put("maxAbs", () -> sink += k.elementwise().maxAbs(a, len));
            ops.put("min", () -> sink += k.elementwise().min(a, len));

            List<String> allocating = new ArrayList<>();
            for (var op : ops.entrySet()) {
                if (!becomesAllocationFree(threads, op.getValue())) allocating.add(op.getKey());
            }
            assertEquals(List.of(), allocating, "kernels still allocating after warm-up");
        }
    }

    /** Runs {@code op} in batches until a whole batch allocates nothing, or the batch budget is spent. */
    private static boolean becomesAllocationFree(com.sun.management.ThreadMXBean threads, Runnable op) {
        for (int batch = 0; batch < MAX_BATCHES; batch++) {
            long before = threads.getCurrentThreadAllocatedBytes();
            for (int i = 0; i < 200; i++) op.run();
            if (threads.getCurrentThreadAllocatedBytes() == before) return true;
        }
        return false;
    }
}
