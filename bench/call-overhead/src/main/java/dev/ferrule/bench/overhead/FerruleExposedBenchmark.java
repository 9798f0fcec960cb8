package dev.ferrule.bench.overhead;

import dev.ferrule.bench.overhead.generated.exposed.CallOverheadExposed;
import dev.ferrule.bench.overhead.generated.exposed.CallOverheadExposedException;
import dev.ferrule.bench.overhead.generated.exposed.Counter;
import dev.ferrule.bench.overhead.generated.exposed.ApplyCallbackCallback;
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
 * ferrule-exposed: {@link FerruleSafeBenchmark}'s calls through the safe layer of the same
 * functions written with ferrule-ffi's attributes (src/main/rust-exposed) instead of
 * {@code export!}: what writing plain Rust costs per call, if anything.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class FerruleExposedBenchmark extends CallInputs {

    private final ApplyCallbackCallback plusOne = CallInputs::plusOne;
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
        CallOverheadExposed.noop();
    }

    @Benchmark
    public long add() {
        return CallOverheadExposed.add(addLeft, addRight);
    }

    @Benchmark
    public long addCritical() {
        return CallOverheadExposed.addCritical(addLeft, addRight);
    }

    /** The u32 arrives as an unsigned long; the int of the other styles holds the same bits. */
    @Benchmark
    public int checksum1k() {
        return (int) CallOverheadExposed.checksum(checksumInput);
    }

    @Benchmark
    public int checksum1kCritical() {
        return (int) CallOverheadExposed.checksumCritical(checksumInput);
    }

    @Benchmark
    public String stringRoundTrip() {
        return CallOverheadExposed.echo(text);
    }

    @Benchmark
    public long handleMethod() {
        return counter.add(counterStep);
    }

    @Benchmark
    public CallOverheadExposedException failThrow() {
        try {
            CallOverheadExposed.alwaysFail();
        } catch (CallOverheadExposedException.RefusedException expected) {
            return expected;
        }
        throw new IllegalStateException("call_overhead_exposed_always_fail succeeded");
    }

    @Benchmark
    public long callback() {
        return CallOverheadExposed.applyCallback(callbackValue, plusOne);
    }
}
