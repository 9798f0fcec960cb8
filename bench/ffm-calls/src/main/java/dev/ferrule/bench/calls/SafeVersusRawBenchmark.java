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
 *       a status. Safe: {@code Template.panicIf(0)} checks the status. Raw: {@code invokeExact} on a
 *       handle made here, and the generated raw method.</li>
 *   <li>{@code counterAdd}: a handle lookup and an out-parameter. Safe: {@code Counter.add}, which
 *       also checks the handle is open and allocates the out-parameter in a call-scoped arena.
 *       Raw: {@code invokeExact} with an out-parameter allocated once.</li>
 * </ul>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class SafeVersusRawBenchmark {

    private MethodHandle panicIf;
    private MethodHandle counterAdd;
    private Arena arena;
    private MemorySegment out;
    private Counter counter;
    private long handle;

    @Setup(Level.Trial)
    @SuppressWarnings("restricted")
    public void setUp() {
        // Loading through the generated class first runs its ABI fingerprint check.
        Template.panicIf(0);
        SymbolLookup symbols = NativeLibrary.load(TemplateNative.class, TemplateNative.LIBRARY).lookup();
        Linker linker = Linker.nativeLinker();
        panicIf = linker.downcallHandle(symbols.find("template_panic_if").orElseThrow(),
                FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT));
        counterAdd = linker.downcallHandle(symbols.find("template_counter_add").orElseThrow(),
                FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG,
                        ValueLayout.ADDRESS));
        arena = Arena.ofConfined();
        out = arena.allocate(ValueLayout.JAVA_LONG);
        counter = Counter.create(0);
        handle = Template.counterNew(0);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        counter.close();
        Template.counterRelease(handle);
        arena.close();
    }

    @Benchmark
    public int trivialRawInvokeExact() throws Throwable {
        return (int) panicIf.invokeExact(0);
    }

    @Benchmark
    public int trivialRawGenerated() {
        return TemplateNative.template_panic_if(0);
    }

    @Benchmark
    public void trivialSafe() {
        Template.panicIf(0);
    }

    @Benchmark
    public long counterAddRawInvokeExact() throws Throwable {
        int status = (int) counterAdd.invokeExact(handle, 0L, out);
        if (status != 0) {
            throw new IllegalStateException("status " + status);
        }
        return out.get(ValueLayout.JAVA_LONG, 0);
    }

    @Benchmark
    public long counterAddSafeStatic() {
        return Template.counterAdd(handle, 0);
    }

    @Benchmark
    public long counterAddSafeHandle() {
        return counter.add(0);
    }
}
