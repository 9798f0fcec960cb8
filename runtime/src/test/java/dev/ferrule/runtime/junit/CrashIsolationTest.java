package dev.ferrule.runtime.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

class CrashIsolationTest {

    static int refusesNull() {
        return -2;
    }

    /** strlen(NULL): a real native crash (SIGSEGV) in the child. */
    @SuppressWarnings("restricted")
    static int crashes() throws Throwable {
        Linker linker = Linker.nativeLinker();
        MethodHandle strlen = linker.downcallHandle(linker.defaultLookup().find("strlen").orElseThrow(),
                FunctionDescriptor.of(ValueLayout.JAVA_LONG, ValueLayout.ADDRESS));
        return (int) (long) strlen.invokeExact(MemorySegment.NULL);
    }

    static int throwsInstead() {
        throw new IllegalStateException("probe failed in Java");
    }

    @Test
    void aProbeThatReturnsReportsItsStatus() throws Exception {
        CrashIsolation.Outcome outcome = CrashIsolation.run(CrashIsolationTest.class, "refusesNull");
        assertThat(outcome.crashed()).isFalse();
        assertThat(outcome.status()).contains(-2);
        CrashIsolation.assertStatus(CrashIsolationTest.class, "refusesNull", -2, "a null pointer");
    }

    @Test
    void aNativeCrashBecomesAFailureWithTheCrashLog() throws Exception {
        CrashIsolation.Outcome outcome = CrashIsolation.run(CrashIsolationTest.class, "crashes");
        assertThat(outcome.crashed()).isTrue();
        assertThat(outcome.exitCode()).isNotZero();
        assertThat(outcome.crashLog()).isPresent();
        assertThat(Files.readString(outcome.crashLog().get())).contains("SIGSEGV");

        assertThatThrownBy(() -> CrashIsolation.assertStatus(CrashIsolationTest.class, "crashes", -2,
                "a null pointer"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("CrashIsolationTest.crashes crashed the JVM")
                .hasMessageContaining("hs_err_pid");
    }

    @Test
    void aProbeThatThrowsIsNotCalledACrash() {
        assertThatThrownBy(() -> CrashIsolation.assertStatus(CrashIsolationTest.class, "throwsInstead", -2, "x"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("threw instead of returning a status")
                .hasMessageContaining("probe failed in Java");
    }
}
