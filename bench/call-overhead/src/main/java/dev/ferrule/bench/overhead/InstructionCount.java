package dev.ferrule.bench.overhead;

import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Runs one benchmark method a given number of times after a fixed warm-up, for
 * {@code bench/call-overhead/callgrind.sh}: callgrind counts the instructions of the whole
 * process, so two runs that differ only in the number of calls give the instructions of one call
 * as their difference over the extra calls, whatever the machine's load.
 *
 * <pre>java ... InstructionCount STYLE FUNCTION CALLS</pre>
 *
 * with STYLE {@code raw-ffm} or {@code ferrule-safe} and FUNCTION {@code noop}, {@code add},
 * {@code string-round-trip} or {@code handle-method}.
 */
public final class InstructionCount {

    /** Calls before the counted ones, enough for C2 (with -Xbatch) to compile the call path. */
    static final int WARM_UP_CALLS = 30_000;
    static final int WARM_UP_ROUNDS = 30;

    private static volatile long sink;

    private InstructionCount() {
    }

    public static void main(String[] args) throws Throwable {
        if (args.length != 3) {
            throw new IllegalArgumentException("usage: InstructionCount raw-ffm|ferrule-safe "
                    + "noop|add|string-round-trip|handle-method CALLS");
        }
        LongSupplier call = call(args[0], args[1]);
        long calls = Long.parseLong(args[2]);
        // The loop is a method of its own, called often enough for C2 to compile it whole: a loop
        // in main would run interpreted until on-stack replacement, and those calls cost more.
        for (int round = 0; round < WARM_UP_ROUNDS; round++) {
            sink += run(call, WARM_UP_CALLS / WARM_UP_ROUNDS);
        }
        sink += run(call, calls);
    }

    private static long run(LongSupplier call, long calls) {
        long sum = 0;
        for (long i = 0; i < calls; i++) {
            sum += call.getAsLong();
        }
        return sum;
    }

    private static LongSupplier call(String style, String function) throws Throwable {
        Map<String, LongSupplier> calls = switch (style) {
            case "raw-ffm" -> {
                RawFfmBenchmark raw = new RawFfmBenchmark();
                raw.setUp();
                yield Map.of("noop", () -> rethrowing(() -> {
                    raw.noop();
                    return 0;
                }), "add", () -> rethrowing(raw::add), "string-round-trip",
                        () -> rethrowing(() -> raw.stringRoundTrip().length()), "handle-method",
                        () -> rethrowing(raw::handleMethod));
            }
            case "ferrule-safe" -> {
                FerruleSafeBenchmark safe = new FerruleSafeBenchmark();
                safe.setUp();
                yield Map.of("noop", () -> {
                    safe.noop();
                    return 0;
                }, "add", safe::add, "string-round-trip", () -> safe.stringRoundTrip().length(),
                        "handle-method", safe::handleMethod);
            }
            default -> throw new IllegalArgumentException("unknown style " + style + "; use raw-ffm or ferrule-safe");
        };
        LongSupplier call = calls.get(function);
        if (call == null) {
            throw new IllegalArgumentException("unknown function " + function + "; use one of " + calls.keySet());
        }
        return call;
    }

    /** The raw benchmarks declare Throwable, as invokeExact does. */
    interface ThrowingCall {
        long call() throws Throwable;
    }

    private static long rethrowing(ThrowingCall call) {
        try {
            return call.call();
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }
}
