package dev.ferrule.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class UnsignedTest {

    @Test
    void theWholeRangeOfEachTypeGoesThroughWithItsBits() {
        assertThat(Unsigned.u8(0, "v")).isEqualTo((byte) 0);
        assertThat(Unsigned.u8(255, "v")).isEqualTo((byte) -1);
        assertThat(Unsigned.u16(65535, "v")).isEqualTo((short) -1);
        assertThat(Unsigned.u32(4294967295L, "v")).isEqualTo(-1);
        assertThat(Byte.toUnsignedInt(Unsigned.u8(200, "v"))).isEqualTo(200);
        assertThat(Integer.toUnsignedLong(Unsigned.u32(3_000_000_000L, "v"))).isEqualTo(3_000_000_000L);
    }

    @Test
    void aValueOutsideTheRustTypeIsRefusedByName() {
        assertThatThrownBy(() -> Unsigned.u8(256, "level")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("level is a Rust u8 (0..=255), and 256 is out of its range");
        assertThatThrownBy(() -> Unsigned.u8(-1, "level")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Unsigned.u16(65536, "port")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Unsigned.u32(-1, "count")).hasMessageContaining("Rust u32");
        assertThatThrownBy(() -> Unsigned.u32(1L << 32, "count")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void booleansAreOneAndZero() {
        assertThat(Unsigned.flag(true)).isEqualTo((byte) 1);
        assertThat(Unsigned.flag(false)).isEqualTo((byte) 0);
    }
}
