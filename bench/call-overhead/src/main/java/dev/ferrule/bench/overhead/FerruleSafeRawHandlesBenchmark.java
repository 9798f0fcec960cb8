package dev.ferrule.bench.overhead;

import dev.ferrule.bench.overhead.generated.rawhandles.CallOverheadRawHandles;
import dev.ferrule.bench.overhead.generated.rawhandles.CallOverheadRawHandlesException;
import dev.ferrule.bench.overhead.generated.rawhandles.Counter;
import dev.ferrule.bench.overhead.generated.rawhandles.ValueCallback;
import dev.ferrule.runtime.LibraryIdentity;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * ferrule-safe-raw-handles: {@link FerruleSafeBenchmark}'s calls through the safe layer of the
 * same source built with ferrule-ffi's {@code unsafe-raw-handles} feature (src/main/rust-raw-handles),
 * where a handle is the object's pointer and nothing is looked up. The bindings refuse that build
 * unless the application allows the feature, which the forks running this class do.
 */
@State(Scope.Thread)
@Fork(jvmArgsAppend = "-D" + LibraryIdentity.ALLOW_PROPERTY + "=unsafe-raw-handles")
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class FerruleSafeRawHandlesBenchmark extends CallInputs {

    private final ValueCallback plusOne = CallInputs::plusOne;
    private Counter counter;

    @Setup(Level.Trial)
    public void setUp() {
        counter = Counter.create(0);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        counter.close();
    }

    @Benchmark
    public void noop() {
        CallOverheadRawHandles.noop();
    }

    @Benchmark
    public long add() {
        return CallOverheadRawHandles.add(addLeft, addRight);
    }

    @Benchmark
    public long addCritical() {
        return CallOverheadRawHandles.addCritical(addLeft, addRight);
    }

    @Benchmark
    public int checksum1k() {
        return CallOverheadRawHandles.checksum(checksumInput);
    }

    @Benchmark
    public int checksum1kCritical() {
        return CallOverheadRawHandles.checksumCritical(checksumInput);
    }

    @Benchmark
    public String stringRoundTrip() {
        return CallOverheadRawHandles.echo(text);
    }

    @Benchmark
    public long handleMethod() {
        return counter.add(counterStep);
    }

    @Benchmark
    public CallOverheadRawHandlesException failThrow() {
        try {
            CallOverheadRawHandles.alwaysFail();
        } catch (CallOverheadRawHandlesException.RefusedException expected) {
            return expected;
        }
        throw new IllegalStateException("call_overhead_always_fail succeeded");
    }

    @Benchmark
    public long callback() {
        return CallOverheadRawHandles.applyCallback(callbackValue, plusOne);
    }
}
