package it.roundtrip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ferrule.runtime.junit.FerruleLeakCheck;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Every type the attributes carry, sent to the real library and back through the generated
 * bindings: minima and maxima, empties, non-ASCII text, absent options, and the error paths.
 */
@FerruleLeakCheck(Roundtrip.class)
class RoundtripTest {

    @Test
    void signedIntegersKeepEveryValue() {
        assertThat(Roundtrip.echoI8(Byte.MIN_VALUE)).isEqualTo(Byte.MIN_VALUE);
        assertThat(Roundtrip.echoI8(Byte.MAX_VALUE)).isEqualTo(Byte.MAX_VALUE);
        assertThat(Roundtrip.echoI16(Short.MIN_VALUE)).isEqualTo(Short.MIN_VALUE);
        assertThat(Roundtrip.echoI32(Integer.MIN_VALUE)).isEqualTo(Integer.MIN_VALUE);
        assertThat(Roundtrip.echoI32(Integer.MAX_VALUE)).isEqualTo(Integer.MAX_VALUE);
        assertThat(Roundtrip.echoI64(Long.MIN_VALUE)).isEqualTo(Long.MIN_VALUE);
        assertThat(Roundtrip.echoI64(Long.MAX_VALUE)).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void unsignedIntegersReadAsTheNumbersTheyAre() {
        assertThat(Roundtrip.echoU8(0)).isZero();
        assertThat(Roundtrip.echoU8(255)).isEqualTo(255);
        assertThat(Roundtrip.echoU16(65535)).isEqualTo(65535);
        assertThat(Roundtrip.echoU32(4_294_967_295L)).isEqualTo(4_294_967_295L);
        // u64 has no wider Java type: its bits travel in a long.
        assertThat(Long.toUnsignedString(Roundtrip.echoU64(-1L))).isEqualTo("18446744073709551615");
    }

    @Test
    void unsignedValuesOutsideTheRustRangeAreRefusedBeforeTheCall() {
        assertThatThrownBy(() -> Roundtrip.echoU8(256)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Rust u8");
        assertThatThrownBy(() -> Roundtrip.echoU8(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Roundtrip.echoU16(70000)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Roundtrip.echoU32(-1L)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Roundtrip.echoU32(1L << 32)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void floatsAndBooleans() {
        assertThat(Roundtrip.echoF32(Float.MIN_VALUE)).isEqualTo(Float.MIN_VALUE);
        assertThat(Roundtrip.echoF32(Float.NEGATIVE_INFINITY)).isEqualTo(Float.NEGATIVE_INFINITY);
        assertThat(Roundtrip.echoF64(Double.MAX_VALUE)).isEqualTo(Double.MAX_VALUE);
        assertThat(Roundtrip.echoF64(Double.NaN)).isNaN();
        assertThat(Roundtrip.echoF64(-0.0)).isEqualTo(-0.0);
        assertThat(Roundtrip.negate(true)).isFalse();
        assertThat(Roundtrip.negate(false)).isTrue();
    }

    @Test
    void textCrossesAsUtf8() {
        assertThat(Roundtrip.echoStr("")).isEmpty();
        assertThat(Roundtrip.echoStr("Zoë 日本 🎉")).isEqualTo("Zoë 日本 🎉");
        assertThat(Roundtrip.echoStr("a\0b")).isEqualTo("a\0b");
        String large = "ß".repeat(1 << 20);
        assertThat(Roundtrip.echoStr(large)).isEqualTo(large);
        assertThat(Roundtrip.reverse("Zoë🎉")).isEqualTo("🎉ëoZ");
        assertThat(Roundtrip.measure("Zoë🎉")).isEqualTo("8/4");
        assertThatThrownBy(() -> Roundtrip.echoStr("\ud800")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Roundtrip.echoStr(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void bytesCrossUnchanged() {
        assertThat(Roundtrip.echoBytes(new byte[0])).isEmpty();
        byte[] every = new byte[256];
        for (int i = 0; i < every.length; i++) {
            every[i] = (byte) i;
        }
        assertThat(Roundtrip.echoBytes(every)).isEqualTo(every);
        assertThat(Roundtrip.reverseBytes(new byte[] {1, 2, (byte) 255})).containsExactly(255, 2, 1);
        byte[] large = new byte[1 << 20];
        large[large.length - 1] = 7;
        assertThat(Roundtrip.echoBytes(large)).isEqualTo(large);
    }

    @Test
    void optionsAreNullInAndOptionalOut() {
        assertThat(Roundtrip.echoOptionI64(null)).isEmpty();
        assertThat(Roundtrip.echoOptionI64(Long.MIN_VALUE)).contains(Long.MIN_VALUE);
        assertThat(Roundtrip.echoOptionU8(null)).isEmpty();
        assertThat(Roundtrip.echoOptionU8(255)).contains(255);
        assertThatThrownBy(() -> Roundtrip.echoOptionU8(256)).isInstanceOf(IllegalArgumentException.class);
        assertThat(Roundtrip.echoOptionBool(null)).isEmpty();
        assertThat(Roundtrip.echoOptionBool(false)).contains(false);
        assertThat(Roundtrip.echoOptionStr(null)).isEmpty();
        assertThat(Roundtrip.echoOptionStr("")).contains("");
        assertThat(Roundtrip.echoOptionStr("Zoë")).contains("Zoë");
        assertThat(Roundtrip.echoOptionBytes(null)).isEmpty();
        assertThat(Roundtrip.echoOptionBytes(new byte[0])).hasValueSatisfying(b -> assertThat(b).isEmpty());
        assertThat(Roundtrip.echoOptionColor(null)).isEmpty();
        assertThat(Roundtrip.echoOptionColor(Color.BLUE)).contains(Color.BLUE);
        assertThat(Roundtrip.echoOptionSample(null)).isEmpty();
        assertThat(Roundtrip.echoOptionSample(sample())).contains(sample());
    }

    @Test
    void enumsKeepTheirRustValues() {
        assertThat(Color.RED.value()).isZero();
        assertThat(Color.GREEN.value()).isEqualTo(10);
        assertThat(Color.BLUE.value()).isEqualTo(11);
        for (Color color : Color.values()) {
            assertThat(Roundtrip.echoColor(color)).isEqualTo(color);
        }
    }

    private static Sample sample() {
        return new Sample((byte) -128, 255, Short.MIN_VALUE, 4_294_967_295L, Long.MIN_VALUE, -1L, 1.5f,
                Double.MAX_VALUE, true, Color.GREEN, new Span(Integer.MIN_VALUE, 65535));
    }

    @Test
    void recordsCrossByValueFieldForField() {
        assertThat(Roundtrip.echoSample(sample())).isEqualTo(sample());
        Sample zero = new Sample((byte) 0, 0, (short) 0, 0L, 0L, 0L, 0f, 0.0, false, Color.RED, new Span(0, 0));
        assertThat(Roundtrip.echoSample(zero)).isEqualTo(zero);
        assertThatThrownBy(() -> Roundtrip.echoSample(new Sample((byte) 0, 256, (short) 0, 0L, 0L, 0L, 0f, 0.0,
                false, Color.RED, new Span(0, 0)))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void errorsAreTheCratesOwnExceptions() {
        assertThat(Roundtrip.shift(new Span(1, 2), 3)).isEqualTo(new Span(4, 2));
        assertThatThrownBy(() -> Roundtrip.shift(new Span(Integer.MAX_VALUE, 0), 1))
                .isInstanceOf(RoundtripException.OutOfRangeException.class)
                .hasMessage("the value is out of range");
        Roundtrip.refuse(false);
        assertThatThrownBy(() -> Roundtrip.refuse(true)).isInstanceOf(RoundtripException.RefusedException.class)
                .satisfies(e -> assertThat(((RoundtripException) e).code()).isEqualTo(6));
        assertThatThrownBy(() -> Roundtrip.panicIf(true)).isInstanceOf(RoundtripException.PanicException.class)
                .hasMessageContaining("asked to panic");
        assertThat(Roundtrip.panicIf(false)).isZero();
    }

    @Test
    void closuresRunDuringTheCall() {
        assertThat(Roundtrip.sumOf(4, i -> (long) i * 10)).isEqualTo(60);
        List<Boolean> evens = new ArrayList<>();
        assertThat(Roundtrip.countWhile(100L, (step, even) -> {
            evens.add(even);
            return step < 4;
        })).isEqualTo(4);
        assertThat(evens).containsExactly(true, false, true, false, true);
        assertThatThrownBy(() -> Roundtrip.sumOf(3, i -> {
            throw new IllegalStateException("from Java");
        })).isInstanceOf(IllegalStateException.class).hasMessage("from Java");
    }

    @Test
    void unsignedNumbersInClosuresWidenBothWays() {
        List<Long> seen = new ArrayList<>();
        assertThat(Roundtrip.pickUnsigned((small, large) -> {
            seen.add((long) small);
            seen.add(large);
            return large - 1;
        })).isEqualTo(4_294_967_294L);
        assertThat(seen).containsExactly(255L, 4_294_967_295L);
        assertThatThrownBy(() -> Roundtrip.pickUnsigned((small, large) -> large + 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("4294967296");
    }

    @Test
    void objectsAreClassesWithTheirConstructorsMethodsAndStatics() {
        try (Counter counter = Counter.create(5); Counter other = Counter.nonNegative(7)) {
            assertThat(counter.add(3)).isEqualTo(8);
            assertThat(counter.absorb(other)).isEqualTo(15);
            assertThat(counter.value()).isEqualTo(15);
            assertThat(Counter.total(counter, other)).isEqualTo(22);
            assertThat(Counter.total(counter, null)).isEqualTo(15);
            Optional<Counter> split = counter.split();
            assertThat(split).isPresent();
            try (Counter copy = split.get()) {
                assertThat(copy.value()).isEqualTo(15);
            }
            List<Long> steps = new ArrayList<>();
            assertThat(other.steps(step -> steps.add(step) && step < 3)).isEqualTo(2);
            assertThat(steps).containsExactly(1L, 2L, 3L);
            try (Counter same = counter.duplicate()) {
                assertThat(same.value()).isEqualTo(15);
            }
        }
        try (Counter zero = Counter.create(0)) {
            assertThat(zero.split()).isEmpty();
        }
    }

    @Test
    void objectErrorsAndClosing() {
        assertThatThrownBy(() -> Counter.nonNegative(-1)).isInstanceOf(RoundtripException.OutOfRangeException.class);
        Counter counter = Counter.create(Long.MAX_VALUE);
        assertThatThrownBy(() -> counter.add(1)).isInstanceOf(RoundtripException.OverflowException.class)
                .hasMessage("the counter would overflow");
        counter.close();
        assertThatThrownBy(() -> counter.add(1)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> Counter.total(counter, null)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> Counter.total(null, null)).isInstanceOf(NullPointerException.class);
    }
}
