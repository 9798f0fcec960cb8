package dev.ferrule.bench.calls;

import dev.ferrule.bench.template.Counter;
import dev.ferrule.bench.template.Template;
import dev.ferrule.bench.template.TemplateNative;
import dev.ferrule.runtime.NativeLibrary;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The generated safe API against raw downcalls into the same functions of the template library.
 *
 * <ul>
 *   <li>{@code trivial}: {@code template_panic_if(0)}, a guarded export that does nothing and returns
 *       a status. Safe: {@code Template.panicIf(false)} checks the status. Raw: {@code invokeExact} on a
 *       {@code static final} handle made here, and the generated raw method.</li>
 *   <li>{@code counterAdd}: a handle lookup and an out-parameter. Safe: {@code Counter.add}, which
 *       also checks the handle is open, and {@code Template.counterAdd(Counter, long)}; both take the
 *       out-parameter from the thread's call frame. Raw: {@code invokeExact} on a handle made
 *       through the raw layer, with an out-parameter allocated once.</li>
 * </ul>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class SafeVersusRawBenchmark {

    /**
     * The raw baseline as a fast caller would write it: handles in {@code static final} fields,
     * which the JIT treats as constants, like the generated raw class does.
     */
    static final class Raw {
        static final MethodHandle PANIC_IF;
        static final MethodHandle COUNTER_ADD;

        static {
            // Loading through the generated class first runs its ABI fingerprint check.
            Template.panicIf(false);
            SymbolLookup symbols = NativeLibrary.load(TemplateNative.class, TemplateNative.LIBRARY).lookup();
            PANIC_IF = downcall(symbols, "template_panic_if", FunctionDescriptor.of(ValueLayout.JAVA_INT,
                    ValueLayout.JAVA_BYTE));
            COUNTER_ADD = downcall(symbols, "template_counter_add", FunctionDescriptor.of(ValueLayout.JAVA_INT,
                    ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG, ValueLayout.ADDRESS));
        }

        @SuppressWarnings("restricted")
        private static MethodHandle downcall(SymbolLookup symbols, String name, FunctionDescriptor descriptor) {
            return Linker.nativeLinker().downcallHandle(symbols.find(name).orElseThrow(), descriptor);
        }
    }

    private Arena arena;
    private MemorySegment out;
    private Counter counter;
    private long handle;

    @Setup(Level.Trial)
    public void setUp() {
        arena = Arena.ofConfined();
        out = arena.allocate(ValueLayout.JAVA_LONG);
        counter = Counter.create(0);
        if (TemplateNative.template_counter_new(0, out) != 0) {
            throw new IllegalStateException("template_counter_new failed");
        }
        handle = out.get(ValueLayout.JAVA_LONG, 0);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        counter.close();
        TemplateNative.template_counter_release(handle);
        arena.close();
    }

    @Benchmark
    public int trivialRawInvokeExact() throws Throwable {
        return (int) Raw.PANIC_IF.invokeExact((byte) 0);
    }

    @Benchmark
    public int trivialRawGenerated() {
        return TemplateNative.template_panic_if((byte) 0);
    }

    @Benchmark
    public void trivialSafe() {
        Template.panicIf(false);
    }

    @Benchmark
    public long counterAddRawInvokeExact() throws Throwable {
        int status = (int) Raw.COUNTER_ADD.invokeExact(handle, 0L, out);
        if (status != 0) {
            throw new IllegalStateException("status " + status);
        }
        return out.get(ValueLayout.JAVA_LONG, 0);
    }

    @Benchmark
    public long counterAddSafeStatic() {
        return Template.counterAdd(counter, 0);
    }

    @Benchmark
    public long counterAddSafeHandle() {
        return counter.add(0);
    }
}
