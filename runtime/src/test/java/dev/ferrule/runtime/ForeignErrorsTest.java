package dev.ferrule.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import org.junit.jupiter.api.Test;

class ForeignErrorsTest {

    static final class Failed extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int code;

        Failed(int code, String message) {
            super(message);
            this.code = code;
        }
    }

    private final Arena arena = Arena.ofAuto();
    private final MemorySegment lastError = CStrings.allocate(arena, "no such key", "m");

    @Test
    void aStatusOtherThanSuccessThrowsWithTheLastErrorMessage() {
        ForeignErrors errors = new ForeignErrors(() -> lastError, null, Failed::new);

        errors.checkStatus(0, 0, "kv_put");
        assertThatThrownBy(() -> errors.checkStatus(2, 0, "kv_put")).isInstanceOfSatisfying(Failed.class, e -> {
            assertThat(e.code).isEqualTo(2);
            assertThat(e).hasMessage("no such key");
        });
    }

    @Test
    void aNegativeResultIsMinusTheCodeAndTheCodeMessageFunctionExplainsIt() {
        ForeignErrors errors = new ForeignErrors(null, code -> code == 5 ? lastError : MemorySegment.NULL,
                Failed::new);

        assertThat(errors.checkNonNegative(7L, "kv_get")).isEqualTo(7L);
        assertThat(errors.checkNonNegative(0, "kv_visit")).isZero();
        assertThatThrownBy(() -> errors.checkNonNegative(-5L, "kv_get")).isInstanceOfSatisfying(Failed.class,
                e -> assertThat(e.code).isEqualTo(5));
        assertThatThrownBy(() -> errors.checkNonNegative(-3, "kv_visit")).isInstanceOf(Failed.class)
                .hasMessage("kv_visit failed with code 3");
    }

    @Test
    void aNullResultFailsWithCodeZeroAndANonNullOneIsReturned() {
        ForeignErrors errors = new ForeignErrors(() -> MemorySegment.NULL, null, Failed::new);

        assertThat(errors.checkNotNull(lastError, "kv_new")).isSameAs(lastError);
        assertThatThrownBy(() -> errors.checkNotNull(MemorySegment.NULL, "kv_new")).isInstanceOfSatisfying(
                Failed.class, e -> {
                    assertThat(e.code).isZero();
                    assertThat(e).hasMessage("kv_new returned null");
                });
    }

    @Test
    void anErrorObjectIsReadFreedOnceAndThrownAndFalseWithoutOneStillFails() {
        java.util.List<Long> freed = new java.util.ArrayList<>();
        MemorySegment error = arena.allocate(8);
        ForeignErrors errors = new ForeignErrors(() -> lastError, null, new ForeignErrors.ErrorObjects(
                e -> CStrings.allocate(arena, "line 2: no '='", "m"), e -> 6, e -> freed.add(e.address())),
                Failed::new);
        MemorySegment slot = arena.allocate(java.lang.foreign.ValueLayout.ADDRESS);

        errors.checkErrorObject(slot, true, "kv_import");
        slot.set(java.lang.foreign.ValueLayout.ADDRESS, 0, error);
        assertThatThrownBy(() -> errors.checkErrorObject(slot, false, "kv_import")).isInstanceOfSatisfying(
                Failed.class, e -> {
                    assertThat(e.code).isEqualTo(6);
                    assertThat(e).hasMessage("line 2: no '='");
                });
        assertThat(freed).containsExactly(error.address());

        slot.set(java.lang.foreign.ValueLayout.ADDRESS, 0, MemorySegment.NULL);
        assertThatThrownBy(() -> errors.checkErrorObject(slot, false, "kv_import")).isInstanceOf(Failed.class)
                .hasMessage("no such key");
    }
}
