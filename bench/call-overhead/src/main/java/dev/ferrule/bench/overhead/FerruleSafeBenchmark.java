package dev.ferrule.bench.overhead;

import dev.ferrule.bench.overhead.generated.CallOverhead;
import dev.ferrule.bench.overhead.generated.CallOverheadException;
import dev.ferrule.bench.overhead.generated.Counter;
import dev.ferrule.bench.overhead.generated.ValueCallback;
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
 * ferrule-safe: the safe layer ferrule:generate writes for the library as it ships (registry
 * handles), used as its Javadoc says: status checks become exceptions, bytes and strings are
 * copied for the call, the handle is a {@link Counter} object, the callback a lambda.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class FerruleSafeBenchmark extends CallInputs {

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
        CallOverhead.noop();
    }

    @Benchmark
    public long add() {
        return CallOverhead.add(addLeft, addRight);
    }

    @Benchmark
    public long addCritical() {
        return CallOverhead.addCritical(addLeft, addRight);
    }

    @Benchmark
    public int checksum1k() {
        return CallOverhead.checksum(checksumInput);
    }

    @Benchmark
    public int checksum1kCritical() {
        return CallOverhead.checksumCritical(checksumInput);
    }

    @Benchmark
    public String stringRoundTrip() {
        return CallOverhead.echo(text);
    }

    @Benchmark
    public long handleMethod() {
        return counter.add(counterStep);
    }

    @Benchmark
    public CallOverheadException failThrow() {
        try {
            CallOverhead.alwaysFail();
        } catch (CallOverheadException.RefusedException expected) {
            return expected;
        }
        throw new IllegalStateException("call_overhead_always_fail succeeded");
    }

    @Benchmark
    public long callback() {
        return CallOverhead.applyCallback(callbackValue, plusOne);
    }
}
