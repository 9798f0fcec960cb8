package dev.ferrule.examples.hello;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HelloTest {

    @Test
    void addsInRust() {
        assertThat(Hello.add(40, 2)).isEqualTo(42);
        assertThat(Hello.add(Integer.MAX_VALUE, 1)).isEqualTo(Integer.MIN_VALUE);
    }

    @Test
    void countsVowelsOfUtf8Text() {
        assertThat(Hello.countVowels("Hello, Ferrule")).isEqualTo(5);
        assertThat(Hello.countVowels("")).isZero();
        assertThat(Hello.countVowels("Grüße aus Bern")).isEqualTo(4);
    }

    @Test
    void loadedLibraryIsTheVerifiedPackagedOne() {
        assertThat(Hello.library().sha256()).hasSize(64);
        assertThat(Hello.library().path().getFileName().toString()).isEqualTo("libhello.so");
    }
}
