package dev.ferrule.template;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferrule.runtime.junit.FerruleLeakCheck;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.Test;

/**
 * Sustained load on the template library through the safe layer: a million create/use/close
 * cycles and ten million short calls over eight threads. Native memory must stay flat, nothing
 * may leak, and the leak net must have nothing to do. The measurements go to
 * {@code target/load-test.txt}; speed targets live in the JMH benchmark, not here.
 */
@FerruleLeakCheck(Template.class)
class LoadTest {

    private static final int THREADS = 8;

    @Test
    void millionsOfCyclesAndCallsKeepMemoryFlatAndLeakNothing() throws Throwable {
        // Warm up, so JIT code, thread stacks and the heap size the collector settles on are in the
        // baseline rather than counted as growth.
        runOnThreads(250_000, 2_500_000);
        System.gc();
        long rssBefore = residentKiB();
        long nativeBefore = mallocInUseBytes();
        long reclaimedBefore = Counter.reclaimedByCleaner();

        long start = System.nanoTime();
        long cycles = runOnThreads(1_000_000, 0);
        long cyclesNanos = System.nanoTime() - start;
        start = System.nanoTime();
        long calls = runOnThreads(0, 10_000_000);
        long callsNanos = System.nanoTime() - start;
        System.gc();
        long rssAfter = residentKiB();
        long nativeAfter = mallocInUseBytes();

        assertThat(cycles).isEqualTo(1_000_000);
        assertThat(calls).isEqualTo(10_000_000);
        assertThat(Template.liveObjects()).isZero();
        assertThat(Counter.reclaimedByCleaner()).as("every counter was closed: no backlog for the leak net")
                .isEqualTo(reclaimedBefore);
        // Native objects are released as they are closed: the C heap (where Rust allocates) must not
        // keep what a million counters would hold (over 100 MiB). RSS is recorded, not asserted,
        // because the JVM may grow its own heap during the run.
        assertThat(nativeAfter - nativeBefore).as("C heap growth in bytes").isLessThan(16L << 20);

        String report = String.format("create/use/close cycles: %d on %d threads in %.2f s (%.0f ns each)%n"
                        + "short calls: %d on %d threads in %.2f s (%.1f ns each)%n"
                        + "RSS before: %d KiB, after: %d KiB (growth %d KiB)%n"
                        + "C heap in use (mallinfo2) before: %d KiB, after: %d KiB (growth %d KiB)%n"
                        + "live objects after: %d, leaks released by the net: %d%n",
                cycles, THREADS, cyclesNanos / 1e9, (double) cyclesNanos / cycles,
                calls, THREADS, callsNanos / 1e9, (double) callsNanos / calls,
                rssBefore, rssAfter, rssAfter - rssBefore, nativeBefore >> 10, nativeAfter >> 10,
                (nativeAfter - nativeBefore) >> 10, Template.liveObjects(),
                Counter.reclaimedByCleaner() - reclaimedBefore);
        Files.writeString(Path.of("target/load-test.txt"), report, StandardCharsets.UTF_8);
        System.out.print(report);
    }

    /** Each thread makes its share of create/add/stats/close cycles, then its share of short calls. */
    private static long runOnThreads(int totalCycles, int totalCalls) throws InterruptedException {
        LongAdder done = new LongAdder();
        List<Throwable> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            threads.add(Thread.ofPlatform().start(() -> {
                try {
                    for (int i = 0; i < totalCycles / THREADS; i++) {
                        try (Counter counter = Counter.create(i)) {
                            counter.add(1);
                            if (counter.stats().additions() != 1) {
                                throw new AssertionError("stats lost an addition");
                            }
                        }
                        done.increment();
                    }
                    if (totalCalls > 0) {
                        try (Counter shared = Counter.create(0)) {
                            for (int i = 0; i < totalCalls / THREADS; i++) {
                                shared.add(0);
                                done.increment();
                            }
                        }
                    }
                } catch (Throwable e) {
                    failures.add(e);
                }
            }));
        }
        for (Thread thread : threads) {
            thread.join();
        }
        assertThat(failures).isEmpty();
        return done.sum();
    }

    /**
     * Bytes the C allocator has handed out and not got back (glibc {@code mallinfo2}: small
     * chunks plus mmapped ones), which is where the Rust side's objects live.
     */
    @SuppressWarnings("restricted")
    private static long mallocInUseBytes() throws Throwable {
        java.lang.foreign.Linker linker = java.lang.foreign.Linker.nativeLinker();
        java.lang.foreign.MemoryLayout[] fields = new java.lang.foreign.MemoryLayout[10];
        java.util.Arrays.fill(fields, java.lang.foreign.ValueLayout.JAVA_LONG);
        java.lang.foreign.StructLayout mallinfo2 = java.lang.foreign.MemoryLayout.structLayout(fields);
        java.lang.invoke.MethodHandle call = linker.downcallHandle(linker.defaultLookup().find("mallinfo2")
                .orElseThrow(() -> new IllegalStateException("mallinfo2 needs glibc 2.33 or later")),
                java.lang.foreign.FunctionDescriptor.of(mallinfo2));
        try (java.lang.foreign.Arena arena = java.lang.foreign.Arena.ofConfined()) {
            java.lang.foreign.MemorySegment info = (java.lang.foreign.MemorySegment) call.invokeExact(
                    (java.lang.foreign.SegmentAllocator) arena);
            long mmapped = info.get(java.lang.foreign.ValueLayout.JAVA_LONG, 4 * 8);
            long allocated = info.get(java.lang.foreign.ValueLayout.JAVA_LONG, 7 * 8);
            return mmapped + allocated;
        }
    }

    private static long residentKiB() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        throw new IllegalStateException("no VmRSS in /proc/self/status");
    }
}
