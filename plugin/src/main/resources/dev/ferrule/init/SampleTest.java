package @packageName@;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Calls the Rust library through the bindings ferrule:generate wrote into target/generated-sources. */
class @Camel@Test {

    @Test
    void counterAddsThroughItsHandle() {
        try (Counter counter = Counter.create(40)) {
            assertEquals(42, counter.add(2));
        }
        assertEquals(0, @Camel@.liveObjects());
    }

    @Test
    void rustErrorsArriveAsTypedExceptions() {
        try (Counter counter = Counter.create(0)) {
            assertThrows(@Camel@Exception.NegativeAmountException.class, () -> counter.add(-1));
        }
    }
}
