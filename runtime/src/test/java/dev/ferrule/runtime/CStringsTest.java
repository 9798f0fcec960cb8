package dev.ferrule.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CStringsTest {

    @Test
    void textIsCopiedWithOneTerminatorAndReadBack() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment text = CStrings.allocate(arena, "grüße", "name");

            assertThat(text.byteSize()).isEqualTo("grüße".getBytes(java.nio.charset.StandardCharsets.UTF_8).length + 1);
            assertThat(text.get(ValueLayout.JAVA_BYTE, text.byteSize() - 1)).isZero();
            assertThat(CStrings.read(MemorySegment.ofAddress(text.address()))).isEqualTo("grüße");
            assertThat(CStrings.read(CStrings.allocate(arena, "", "name"))).isEmpty();
        }
    }

    @Test
    void anEmbeddedNulIsRefusedAndOtherControlCharactersAreNot() {
        try (Arena arena = Arena.ofConfined()) {
            assertThatThrownBy(() -> CStrings.allocate(arena, "a\0b", "key"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("key holds a NUL character at byte 1");
            assertThat(CStrings.read(CStrings.allocate(arena, "a\u0001b", "key"))).isEqualTo("a\u0001b");
        }
    }

    @Test
    void anOwnedStringIsFreedOnceAfterItsCopy() {
        List<Long> freed = new ArrayList<>();
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment text = CStrings.allocate(arena, "value", "v");

            assertThat(CStrings.take(MemorySegment.ofAddress(text.address()), s -> freed.add(s.address())))
                    .isEqualTo("value");

            assertThat(freed).containsExactly(text.address());
        }
    }
}
