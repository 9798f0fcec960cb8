package dev.ferrule.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.foreign.Arena;
import java.lang.foreign.MemoryLayout.PathElement;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The generated safe layer against the real template library. */
class TemplateSafeApiTest {

    @AfterEach
    void nothingLeaks() {
        assertThat(Template.liveObjects()).isZero();
    }

    @Test
    void stringsRoundTripAsUtf8() {
        assertThat(Template.greet("Zoë")).isEqualTo("Hello, Zoë!");
        assertThat(Template.greet("")).isEqualTo("Hello, stranger!");
    }

    @Test
    void bytesCrossIncludingEmpty() {
        assertThat(Template.checksum(new byte[0])).isEqualTo(0x811c9dc5);
        assertThat(Template.checksum("a".getBytes(StandardCharsets.UTF_8))).isEqualTo(0xe40c292c);
    }

    @Test
    void crateErrorsArriveWithTheirCodeAndMessage() {
        long counter = Template.counterNew(Long.MAX_VALUE - 1);
        try {
            assertThat(Template.counterAdd(counter, 1)).isEqualTo(Long.MAX_VALUE);
            assertThatThrownBy(() -> Template.counterAdd(counter, 1))
                    .isExactlyInstanceOf(TemplateException.OverflowException.class)
                    .hasMessage("the counter would overflow")
                    .satisfies(e -> assertThat(((TemplateException) e).code()).isEqualTo(1));
            assertThatThrownBy(() -> Template.counterAdd(counter, -1))
                    .isExactlyInstanceOf(TemplateException.NegativeAmountException.class)
                    .hasMessage("the amount must not be negative");
        } finally {
            Template.counterRelease(counter);
        }
    }

    @Test
    void runtimeErrorsArriveAsTheirOwnTypes() {
        long counter = Template.counterNew(0);
        Template.counterRelease(counter);

        assertThatThrownBy(() -> Template.counterRelease(counter))
                .isInstanceOf(TemplateException.StaleHandleException.class)
                .hasMessage("Counter handle was already released");
        assertThatThrownBy(() -> Template.counterAdd(0, 1))
                .isInstanceOf(TemplateException.InvalidHandleException.class);
    }

    @Test
    void panicArrivesAsAnExceptionAndTheJvmSurvives() {
        assertThatThrownBy(() -> Template.panicIf(1))
                .isInstanceOf(TemplateException.PanicException.class)
                .hasMessage("panic: asked to panic");
        Template.panicIf(0);
        assertThat(Template.greet("still here")).isEqualTo("Hello, still here!");
    }

    @Test
    void structResultsAreCopiedOutOfTheCall() {
        long counter = Template.counterNew(5);
        try {
            Template.counterAdd(counter, 2);
            MemorySegment stats = Template.counterStats(counter);
            long value = stats.get(ValueLayout.JAVA_LONG,
                    TemplateNative.COUNTER_STATS_LAYOUT.byteOffset(PathElement.groupElement("value")));
            long additions = stats.get(ValueLayout.JAVA_LONG,
                    TemplateNative.COUNTER_STATS_LAYOUT.byteOffset(PathElement.groupElement("additions")));
            assertThat(value).isEqualTo(7);
            assertThat(additions).isEqualTo(1);
        } finally {
            Template.counterRelease(counter);
        }
    }

    @Test
    void invalidUtf8ThroughTheRawLayerIsAStatus() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment bad = arena.allocateFrom(ValueLayout.JAVA_BYTE, (byte) 'a', (byte) 0xC3);
            MemorySegment out = arena.allocate(TemplateNative.FFI_BUFFER_LAYOUT);
            assertThat(TemplateNative.template_greet(bad, 2, out)).isEqualTo(-6);
        }
    }
}
