package dev.ferrule.bench.overhead;

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
 * jna-direct: {@link JnaDirect}'s direct-mapped methods, used as JNA documents them: primitive
 * arrays for out-parameters, a {@code Structure} for the returned buffer, a {@code Callback}
 * object for the callback. Like raw-ffm, the out-parameters, structures and callback are made
 * once per thread and reused, and a failed status throws with the library's last error.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class JnaDirectBenchmark extends CallInputs {

    private final long[] longOut = new long[1];
    private final int[] intOut = new int[1];
    private final JnaDirect.FfiBuffer bufferOut = new JnaDirect.FfiBuffer();
    private final JnaDirect.FfiBuffer.ByValue bufferToFree = new JnaDirect.FfiBuffer.ByValue();
    private final byte[] lastError = new byte[NativeCallException.LAST_ERROR_CAPACITY];
    // JNA keeps one native stub per callback object, so a reused object pays for it once.
    private final JnaDirect.ValueCallback plusOne = (value, userData) -> CallInputs.plusOne(value);
    private long counter;

    @Setup(Level.Trial)
    public void setUp() {
        check(JnaDirect.call_overhead_counter_new(0, longOut));
        counter = longOut[0];
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        check(JnaDirect.call_overhead_counter_release(counter));
    }

    @Benchmark
    public void noop() {
        check(JnaDirect.call_overhead_noop());
    }

    @Benchmark
    public long add() {
        check(JnaDirect.call_overhead_add(addLeft, addRight, longOut));
        return longOut[0];
    }

    @Benchmark
    public int checksum1k() {
        check(JnaDirect.call_overhead_checksum(checksumInput, checksumInput.length, intOut));
        return intOut[0];
    }

    /** JNA has no critical call: the critical export through the same direct mapping. */
    @Benchmark
    public long addCritical() {
        check(JnaDirect.call_overhead_add_critical(addLeft, addRight, longOut));
        return longOut[0];
    }

    @Benchmark
    public int checksum1kCritical() {
        check(JnaDirect.call_overhead_checksum_critical(checksumInput, checksumInput.length, intOut));
        return intOut[0];
    }

    @Benchmark
    public String stringRoundTrip() {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        check(JnaDirect.call_overhead_echo(utf8, utf8.length, bufferOut));
        try {
            return bufferOut.len == 0 ? ""
                    : new String(bufferOut.ptr.getByteArray(0, (int) bufferOut.len), StandardCharsets.UTF_8);
        } finally {
            bufferToFree.ptr = bufferOut.ptr;
            bufferToFree.len = bufferOut.len;
            JnaDirect.call_overhead_buffer_free(bufferToFree);
        }
    }

    @Benchmark
    public long handleMethod() {
        check(JnaDirect.call_overhead_counter_add(counter, counterStep, longOut));
        return longOut[0];
    }

    @Benchmark
    public NativeCallException failThrow() {
        try {
            check(JnaDirect.call_overhead_always_fail());
        } catch (NativeCallException expected) {
            return expected;
        }
        throw new IllegalStateException("call_overhead_always_fail succeeded");
    }

    @Benchmark
    public long callback() {
        check(JnaDirect.call_overhead_apply_callback(callbackValue, plusOne, 0, longOut));
        return longOut[0];
    }

    private void check(int status) {
        if (status != 0) {
            long written = JnaDirect.call_overhead_last_error_message(lastError, lastError.length);
            throw new NativeCallException(status, new String(lastError, 0, (int) written, StandardCharsets.UTF_8));
        }
    }
}
