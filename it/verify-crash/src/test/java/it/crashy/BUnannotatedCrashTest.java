package it.crashy;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * No annotation: Ferrule's test options isolate every class, so the raw null call that crashes
 * fails one test, and the tests before and after it in this class still pass.
 */
@TestMethodOrder(MethodOrderer.MethodName.class)
class BUnannotatedCrashTest {

    @Test
    void a_before() {
        assertThat(Crashy.increment(1)).isEqualTo(2);
    }

    @Test
    void b_nullText() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment out = arena.allocate(ValueLayout.JAVA_LONG);
            assertThat(CrashyNative.crashy_length(MemorySegment.NULL, 1, out)).isEqualTo(-2);
        }
    }

    @Test
    void c_after() {
        assertThat(Crashy.increment(2)).isEqualTo(3);
    }
}
