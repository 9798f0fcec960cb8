package dev.ferrule.bench.overhead;

import java.util.concurrent.TimeUnit;
import java.util.function.LongUnaryOperator;
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
 * jni: {@link JniBindings}, hand-written JNI glue. The C code does the marshalling: it reads the
 * byte array in place, converts strings with JNI's UTF functions, throws on a failed status, and
 * calls the Java callback with a method id looked up once.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class JniBenchmark extends CallInputs {

    private final LongUnaryOperator plusOne = CallInputs::plusOne;
    private long counter;

    @Setup(Level.Trial)
    public void setUp() {
        counter = JniBindings.counterNew(0);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        JniBindings.counterRelease(counter);
    }

    @Benchmark
    public void noop() {
        JniBindings.noop();
    }

    @Benchmark
    public long add() {
        return JniBindings.add(addLeft, addRight);
    }

    /** JNI has no critical call; the same glue as {@link #add}, so the critical styles are held to it. */
    @Benchmark
    public long addCritical() {
        return JniBindings.add(addLeft, addRight);
    }

    @Benchmark
    public int checksum1k() {
        return JniBindings.checksum(checksumInput);
    }

    /** The same glue as {@link #checksum1k}. */
    @Benchmark
    public int checksum1kCritical() {
        return JniBindings.checksum(checksumInput);
    }

    @Benchmark
    public String stringRoundTrip() {
        return JniBindings.echo(text);
    }

    @Benchmark
    public long handleMethod() {
        return JniBindings.counterAdd(counter, counterStep);
    }

    @Benchmark
    public NativeCallException failThrow() {
        try {
            JniBindings.alwaysFail();
        } catch (NativeCallException expected) {
            return expected;
        }
        throw new IllegalStateException("call_overhead_always_fail succeeded");
    }

    @Benchmark
    public long callback() {
        return JniBindings.applyCallback(callbackValue, plusOne);
    }
}
