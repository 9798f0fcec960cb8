package it.crashy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferrule.runtime.junit.CrashIsolated;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import org.junit.jupiter.api.Test;

/**
 * A hand-written test that calls the raw layer with a null pointer. The library has no null
 * check, so the call crashes; @CrashIsolated runs it in a child JVM, so the crash fails this test
 * and the test run goes on.
 */
@CrashIsolated
class ARawCallTest {

    @Test
    void nullTextIsRefused() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment out = arena.allocate(ValueLayout.JAVA_LONG);
            assertThat(CrashyNative.crashy_length(MemorySegment.NULL, 1, out)).isEqualTo(-2);
        }
    }

    @Test
    void incrementWorks() {
        assertThat(Crashy.increment(1)).isEqualTo(2);
    }
}
