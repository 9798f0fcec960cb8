package it.clash;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferrule.runtime.junit.FerruleLeakCheck;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import org.junit.jupiter.api.Test;

/**
 * The clash crate's parameters are named like the generated code's own locals; each value must
 * still arrive where it belongs. The crate weighs its arguments differently, so a swapped or
 * shadowed one changes the result.
 */
@FerruleLeakCheck(Clash.class)
class ClashTest {

    @Test
    void everyArgumentNamedLikeALocalArrivesInItsPlace() {
        assertThat(Clash.locals(1, 1, 1, 1, 1, 1, 1)).isEqualTo(42);
        assertThat(Clash.locals(1, 0, 0, 0, 0, 0, 0)).isEqualTo(1);
        assertThat(Clash.locals(0, 1, 0, 0, 0, 0, 0)).isEqualTo(2);
        assertThat(Clash.locals(0, 0, 1, 0, 0, 0, 0)).isEqualTo(3);
        assertThat(Clash.locals(0, 0, 0, 1, 0, 0, 0)).isEqualTo(5);
        assertThat(Clash.locals(0, 0, 0, 0, 1, 0, 0)).isEqualTo(7);
        assertThat(Clash.locals(0, 0, 0, 0, 0, 1, 0)).isEqualTo(11);
        assertThat(Clash.locals(0, 0, 0, 0, 0, 0, 1)).isEqualTo(13);
    }

    @Test
    void aStringNamedFrameIsStillTheString() {
        assertThat(Clash.label("frame", 3)).isEqualTo("frame#3");
    }

    @Test
    void outAsAValueAndResultAsTheOutParameter() {
        assertThat(Clash.outValue(21)).isEqualTo(42);
    }

    @Test
    void theRawLayersCatchClausesDoNotShadowEOrT() {
        assertThat(Clash.catch_(5, 3)).isEqualTo(2);
    }

    @Test
    void aRecordWhoseFieldsAreNamedLikeItsMethodsParametersIsWrittenWhole() {
        assertThat(Clash.spanWidth(new Span(2, 9))).isEqualTo(7);
    }

    @Test
    void aCallbackParameterNamedContextReachesTheCallback() {
        assertThat(Clash.visit(5, context -> (int) context * 2)).isEqualTo(10);
    }

    @Test
    void aTwoWordObjectWorksThroughItsClass() {
        try (ByteBuffer buffer = ByteBuffer.create(16)) {
            assertThat(buffer.append(new byte[] {1, 2, 3})).isEqualTo(3);
            try (ByteBuffer second = buffer.duplicate()) {
                assertThat(second.len()).isEqualTo(3);
            }
        }
        try (NameTag tag = NameTag.create(7)) {
            assertThat(tag.id()).isEqualTo(7);
        }
    }

    @Test
    void theRawLayersAllocatorDoesNotShadowAParameterNamedAllocator() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment span = ClashNative.clash_span_of(arena, 4);
            assertThat(span.get(ValueLayout.JAVA_LONG, 0)).isEqualTo(4);
            assertThat(span.get(ValueLayout.JAVA_LONG, 8)).isEqualTo(5);
        }
    }
}
