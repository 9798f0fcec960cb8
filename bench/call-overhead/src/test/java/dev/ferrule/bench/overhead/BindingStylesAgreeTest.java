package dev.ferrule.bench.overhead;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferrule.bench.overhead.generated.CallOverhead;
import dev.ferrule.bench.overhead.generated.exposed.CallOverheadExposed;
import dev.ferrule.bench.overhead.generated.rawhandles.CallOverheadRawHandles;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every style's benchmark methods compute what the library computes, through the same method
 * names the runner maps to function ids: a style that skipped or broke part of the work would
 * only look fast. Run with {@code -Dferrule.allowUnsafeFeatures=unsafe-raw-handles} (the module's
 * surefire configuration), as the raw-handles style needs it.
 */
class BindingStylesAgreeTest {

    private static final Map<Function, Object> EXPECTED = Map.of(
            Function.ADD, CallInputs.ADD_LEFT + CallInputs.ADD_RIGHT,
            Function.ADD_CRITICAL, CallInputs.ADD_LEFT + CallInputs.ADD_RIGHT,
            Function.CHECKSUM_1K, byteSum(CallInputs.checksumInput()),
            Function.CHECKSUM_1K_CRITICAL, byteSum(CallInputs.checksumInput()),
            Function.STRING_ROUND_TRIP, CallInputs.TEXT,
            Function.HANDLE_METHOD, CallInputs.COUNTER_STEP,
            Function.CALLBACK, CallInputs.CALLBACK_VALUE + 1);

    @ParameterizedTest
    @EnumSource(Style.class)
    void everyFunctionGivesTheLibrarysResult(Style style) throws Throwable {
        long liveBefore = liveObjectsOfTheSharedLibraries();
        Object benchmark = style.benchmark.getConstructor().newInstance();
        call(benchmark, "setUp");
        try {
            for (Function function : Function.values()) {
                Object result = call(benchmark, function.method);
                switch (function) {
                    case NOOP -> assertThat(result).as(function.id).isNull();
                    case FAIL_THROW -> assertThat(result).as(function.id).isInstanceOfSatisfying(
                            RuntimeException.class, thrown -> assertThat(thrown).hasMessage(
                                    "refused on purpose: call_overhead_always_fail times the error path"));
                    default -> assertThat(result).as(function.id).isEqualTo(EXPECTED.get(function));
                }
            }
        } finally {
            call(benchmark, "tearDown");
        }
        // The jni style has its own copy of the library, which Java cannot ask for its counts.
        if (style != Style.JNI) {
            assertThat(liveObjectsOfTheSharedLibraries()).as("buffers and handles left alive by " + style.id)
                    .isEqualTo(liveBefore);
        }
    }

    private static long liveObjectsOfTheSharedLibraries() {
        return CallOverhead.liveObjects() + CallOverheadRawHandles.liveObjects() + CallOverheadExposed.liveObjects();
    }

    private static Object call(Object benchmark, String method) throws Throwable {
        Method target = benchmark.getClass().getMethod(method);
        try {
            return target.invoke(benchmark);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private static int byteSum(byte[] bytes) {
        int sum = 0;
        for (byte b : bytes) {
            sum += b & 0xff;
        }
        return sum;
    }
}
