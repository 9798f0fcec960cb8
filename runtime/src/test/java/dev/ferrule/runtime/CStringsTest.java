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

    @Test
    void aFixedBufferHoldsTextUpToItsNulAndRefusesWhatDoesNotFit() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment tag = arena.allocate(8);
            tag.fill((byte) 'x');

            assertThat(CStrings.readBuffer(tag)).as("no NUL: all of it").isEqualTo("xxxxxxxx");
            CStrings.writeBuffer(tag, "beta", "tag");
            assertThat(CStrings.readBuffer(tag)).isEqualTo("beta");
            assertThat(tag.get(ValueLayout.JAVA_BYTE, 7)).isZero();
            CStrings.writeBuffer(tag, "1234567", "tag");
            assertThat(CStrings.readBuffer(tag)).isEqualTo("1234567");
            assertThatThrownBy(() -> CStrings.writeBuffer(tag, "12345678", "tag"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("tag is 8 UTF-8 bytes; its C buffer holds 7 and a NUL");
            assertThatThrownBy(() -> CStrings.writeBuffer(tag, "a\0b", "tag"))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("tag holds a NUL");
        }
    }

    @Test
    void aBufferTooSmallForTheValueIsAskedForAgainWithTheLengthItNeeds() {
        byte[] value = new byte[1000];
        java.util.Arrays.fill(value, (byte) 7);
        java.util.List<Long> capacities = new java.util.ArrayList<>();
        try (Arena arena = Arena.ofConfined()) {
            byte[] got = CArrays.filled(arena, (buffer, capacity) -> {
                capacities.add(capacity);
                if (value.length <= capacity) {
                    MemorySegment.copy(value, 0, buffer, ValueLayout.JAVA_BYTE, 0, value.length);
                }
                return value.length;
            });
            assertThat(got).isEqualTo(value);
            assertThat(capacities).containsExactly(256L, 1000L);
            assertThat(CArrays.filled(arena, (buffer, capacity) -> 0)).isEmpty();
            assertThatThrownBy(() -> CArrays.filled(arena, (buffer, capacity) -> capacity + 1))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("grew between 4 calls");
        }
    }
}
