package it.crashy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Runs after the crashing test class, in the same Surefire JVM, and must still be reported. */
class ZAfterTheCrashTest {

    @Test
    void stillRuns() {
        assertThat(Crashy.increment(41)).isEqualTo(42);
    }
}
