package dev.ferrule.bench.overhead;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.ferrule.bench.overhead.generated.CallOverhead;
import dev.ferrule.bench.overhead.generated.CallOverheadNative;
import dev.ferrule.runtime.NativeLibrary;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.nio.charset.StandardCharsets;
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
 * raw-ffm: {@code invokeExact} on {@code static final} downcall handles, written by hand the way
 * a caller after the fastest FFM code writes it. Scratch memory is allocated once per thread, the
 * callback's upcall stub is made once, and the status is checked after every call, with the last
 * error read into an exception on failure. Every other style is reported as a ratio of this one.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class RawFfmBenchmark extends CallInputs {

    /** ferrule-ffi's {@code FfiBuffer}: a pointer and a length. */
    static final StructLayout FFI_BUFFER = MemoryLayout.structLayout(ADDRESS.withName("ptr"),
            JAVA_LONG.withName("len"));
    static final long FFI_BUFFER_LEN = FFI_BUFFER.byteOffset(MemoryLayout.PathElement.groupElement("len"));

    /**
     * Handles in {@code static final} fields, which the JIT treats as constants, as the generated
     * raw class holds them.
     */
    static final class Downcalls {
        static final SymbolLookup SYMBOLS = verifiedLibrary();
        static final MethodHandle NOOP = downcall("call_overhead_noop", FunctionDescriptor.of(JAVA_INT));
        static final MethodHandle ADD = downcall("call_overhead_add",
                FunctionDescriptor.of(JAVA_INT, JAVA_LONG, JAVA_LONG, ADDRESS));
        static final MethodHandle CHECKSUM = downcall("call_overhead_checksum",
                FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_LONG, ADDRESS));
        // Critical, with heap access: no thread-state transitions, and Java arrays in place.
        static final MethodHandle ADD_CRITICAL = downcall("call_overhead_add_critical",
                FunctionDescriptor.of(JAVA_INT, JAVA_LONG, JAVA_LONG, ADDRESS), Linker.Option.critical(true));
        static final MethodHandle CHECKSUM_CRITICAL = downcall("call_overhead_checksum_critical",
                FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_LONG, ADDRESS), Linker.Option.critical(true));
        static final MethodHandle ECHO = downcall("call_overhead_echo",
                FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_LONG, ADDRESS));
        static final MethodHandle BUFFER_FREE = downcall("call_overhead_buffer_free",
                FunctionDescriptor.ofVoid(FFI_BUFFER));
        static final MethodHandle COUNTER_NEW = downcall("call_overhead_counter_new",
                FunctionDescriptor.of(JAVA_INT, JAVA_LONG, ADDRESS));
        static final MethodHandle COUNTER_ADD = downcall("call_overhead_counter_add",
                FunctionDescriptor.of(JAVA_INT, JAVA_LONG, JAVA_LONG, ADDRESS));
        static final MethodHandle COUNTER_RELEASE = downcall("call_overhead_counter_release",
                FunctionDescriptor.of(JAVA_INT, JAVA_LONG));
        static final MethodHandle ALWAYS_FAIL = downcall("call_overhead_always_fail", FunctionDescriptor.of(JAVA_INT));
        static final MethodHandle APPLY_CALLBACK = downcall("call_overhead_apply_callback",
                FunctionDescriptor.of(JAVA_INT, JAVA_LONG, ADDRESS, JAVA_LONG, ADDRESS));
        static final MethodHandle LAST_ERROR_MESSAGE = downcall("call_overhead_last_error_message",
                FunctionDescriptor.of(JAVA_LONG, ADDRESS, JAVA_LONG));
        static final MemorySegment PLUS_ONE = plusOneStub();

        private static SymbolLookup verifiedLibrary() {
            // Loading through the generated class first runs its ABI fingerprint check.
            CallOverhead.noop();
            return NativeLibrary.load(CallOverheadNative.class, CallOverheadNative.LIBRARY).lookup();
        }

        @SuppressWarnings("restricted")
        private static MethodHandle downcall(String name, FunctionDescriptor descriptor, Linker.Option... options) {
            return Linker.nativeLinker().downcallHandle(SYMBOLS.find(name).orElseThrow(), descriptor, options);
        }

        @SuppressWarnings("restricted")
        private static MemorySegment plusOneStub() {
            try {
                MethodHandle target = MethodHandles.lookup().findStatic(Downcalls.class, "plusOne",
                        MethodType.methodType(long.class, long.class, long.class));
                return Linker.nativeLinker().upcallStub(target, FunctionDescriptor.of(JAVA_LONG, JAVA_LONG,
                        JAVA_LONG), Arena.global());
            } catch (ReflectiveOperationException e) {
                throw new ExceptionInInitializerError(e);
            }
        }

        private static long plusOne(long value, long userData) {
            return CallInputs.plusOne(value);
        }
    }

    private Arena arena;
    private MemorySegment longOut;
    private MemorySegment intOut;
    private MemorySegment bufferOut;
    private MemorySegment checksumBytes;
    private MemorySegment textBytes;
    private MemorySegment lastError;
    private long counter;

    @Setup(Level.Trial)
    public void setUp() throws Throwable {
        arena = Arena.ofConfined();
        longOut = arena.allocate(JAVA_LONG);
        intOut = arena.allocate(JAVA_INT);
        bufferOut = arena.allocate(FFI_BUFFER);
        checksumBytes = arena.allocate(checksumInput.length);
        // Sized for this benchmark's text; a general caller would grow it as needed.
        textBytes = arena.allocate(text.getBytes(StandardCharsets.UTF_8).length);
        lastError = arena.allocate(NativeCallException.LAST_ERROR_CAPACITY);
        check((int) Downcalls.COUNTER_NEW.invokeExact(0L, longOut));
        counter = longOut.get(JAVA_LONG, 0);
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Throwable {
        check((int) Downcalls.COUNTER_RELEASE.invokeExact(counter));
        arena.close();
    }

    @Benchmark
    public void noop() throws Throwable {
        check((int) Downcalls.NOOP.invokeExact());
    }

    @Benchmark
    public long add() throws Throwable {
        check((int) Downcalls.ADD.invokeExact(addLeft, addRight, longOut));
        return longOut.get(JAVA_LONG, 0);
    }

    @Benchmark
    public long addCritical() throws Throwable {
        check((int) Downcalls.ADD_CRITICAL.invokeExact(addLeft, addRight, longOut));
        return longOut.get(JAVA_LONG, 0);
    }

    /** The array itself, as a heap segment: a critical call may read it in place. */
    @Benchmark
    public int checksum1kCritical() throws Throwable {
        check((int) Downcalls.CHECKSUM_CRITICAL.invokeExact(MemorySegment.ofArray(checksumInput),
                (long) checksumInput.length, intOut));
        return intOut.get(JAVA_INT, 0);
    }

    @Benchmark
    public int checksum1k() throws Throwable {
        MemorySegment.copy(checksumInput, 0, checksumBytes, JAVA_BYTE, 0, checksumInput.length);
        check((int) Downcalls.CHECKSUM.invokeExact(checksumBytes, (long) checksumInput.length, intOut));
        return intOut.get(JAVA_INT, 0);
    }

    @Benchmark
    @SuppressWarnings("restricted")
    public String stringRoundTrip() throws Throwable {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        MemorySegment.copy(utf8, 0, textBytes, JAVA_BYTE, 0, utf8.length);
        check((int) Downcalls.ECHO.invokeExact(textBytes, (long) utf8.length, bufferOut));
        long length = bufferOut.get(JAVA_LONG, FFI_BUFFER_LEN);
        try {
            return new String(bufferOut.get(ADDRESS, 0).reinterpret(length).toArray(JAVA_BYTE),
                    StandardCharsets.UTF_8);
        } finally {
            Downcalls.BUFFER_FREE.invokeExact(bufferOut);
        }
    }

    @Benchmark
    public long handleMethod() throws Throwable {
        check((int) Downcalls.COUNTER_ADD.invokeExact(counter, counterStep, longOut));
        return longOut.get(JAVA_LONG, 0);
    }

    @Benchmark
    public NativeCallException failThrow() throws Throwable {
        try {
            check((int) Downcalls.ALWAYS_FAIL.invokeExact());
        } catch (NativeCallException expected) {
            return expected;
        }
        throw new IllegalStateException("call_overhead_always_fail succeeded");
    }

    @Benchmark
    public long callback() throws Throwable {
        check((int) Downcalls.APPLY_CALLBACK.invokeExact(callbackValue, Downcalls.PLUS_ONE, 0L, longOut));
        return longOut.get(JAVA_LONG, 0);
    }

    private void check(int status) throws Throwable {
        if (status != 0) {
            long written = (long) Downcalls.LAST_ERROR_MESSAGE.invokeExact(lastError,
                    (long) NativeCallException.LAST_ERROR_CAPACITY);
            throw new NativeCallException(status, new String(lastError.asSlice(0, written).toArray(JAVA_BYTE),
                    StandardCharsets.UTF_8));
        }
    }
}
