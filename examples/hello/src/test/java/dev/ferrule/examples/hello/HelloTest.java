package dev.ferrule.examples.hello;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ferrule.runtime.junit.FerruleLeakCheck;
import org.junit.jupiter.api.Test;

/**
 * The generated safe API of the example crate (class {@code Hello}, written by ferrule:generate).
 * {@code @FerruleLeakCheck} fails any test after which the library holds more objects than before.
 */
@FerruleLeakCheck(Hello.class)
class HelloTest {

    @Test
    void addsInRust() {
        assertThat(Hello.add(40, 2)).isEqualTo(42);
    }

    @Test
    void overflowArrivesAsTheCratesOwnException() {
        assertThatThrownBy(() -> Hello.add(Integer.MAX_VALUE, 1))
                .isInstanceOf(HelloException.OverflowException.class)
                .hasMessage("the sum does not fit in 32 bits");
    }

    @Test
    void countsVowelsOfUtf8Text() {
        assertThat(Hello.countVowels("Hello, Ferrule")).isEqualTo(5);
        assertThat(Hello.countVowels("")).isZero();
        assertThat(Hello.countVowels("Grüße aus Bern")).isEqualTo(4);
    }
}
