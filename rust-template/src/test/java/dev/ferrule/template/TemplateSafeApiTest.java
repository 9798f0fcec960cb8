package dev.ferrule.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.foreign.Arena;
import java.lang.foreign.MemoryLayout.PathElement;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;
import dev.ferrule.runtime.junit.FerruleLeakCheck;
import org.junit.jupiter.api.Test;

/** The generated safe layer against the real template library. */
@FerruleLeakCheck(Template.class)
class TemplateSafeApiTest {


    @Test
    void stringsRoundTripAsUtf8() {
        assertThat(Template.greet("Zoë")).isEqualTo("Hello, Zoë!");
        assertThat(Template.greet("")).isEqualTo("Hello, stranger!");
    }

    @Test
    void aLoneSurrogateIsRefusedBeforeTheCall() {
        assertThatThrownBy(() -> Template.greet("Zo\uD800")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("holds a lone surrogate U+D800 at index 2");
    }

    @Test
    void bytesCrossIncludingEmpty() {
        assertThat(Template.checksum(new byte[0])).as("u32 arrives unsigned").isEqualTo(0x811c9dc5L);
        assertThat(Template.checksum("a".getBytes(StandardCharsets.UTF_8))).isEqualTo(0xe40c292cL);
    }

    @Test
    void bytesCrossFromSegmentsAndBuffersWithTheSameResult() {
        byte[] data = "ferrule".getBytes(StandardCharsets.UTF_8);
        long expected = Template.checksum(data);
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment nativeBytes = arena.allocateFrom(ValueLayout.JAVA_BYTE, data);
            assertThat(Template.checksum(nativeBytes)).isEqualTo(expected);
            assertThat(Template.checksum(MemorySegment.ofArray(data))).isEqualTo(expected);
        }
        java.nio.ByteBuffer direct = java.nio.ByteBuffer.allocateDirect(16).put(data).flip();
        assertThat(Template.checksum(direct)).isEqualTo(expected);
        assertThat(direct.position()).as("the buffer's position does not move").isZero();
        java.nio.ByteBuffer heap = java.nio.ByteBuffer.wrap(("xx" + "ferrule").getBytes(StandardCharsets.UTF_8))
                .position(2);
        assertThat(Template.checksum(heap)).as("only position..limit is read").isEqualTo(expected);
    }

    @Test
    void largeInputsOverflowTheCallFrameAndAreFreedAfterTheCall() {
        byte[] large = new byte[64 << 20];
        large[large.length - 1] = 1;
        int expected = 0x811c9dc5;
        for (byte b : large) {
            expected = (expected ^ (b & 0xff)) * 0x01000193;
        }
        assertThat(Template.checksum(large)).isEqualTo(Integer.toUnsignedLong(expected));
        assertThat(Template.greet("small after large")).isEqualTo("Hello, small after large!");
    }

    @Test
    void callsNestInsideCallbacksWithoutClobberingEachOther() {
        try (Counter outer = Counter.create(3); Counter inner = Counter.create(0)) {
            java.util.List<String> seen = new java.util.ArrayList<>();
            outer.steps(step -> {
                seen.add(Template.greet("step " + step) + " " + inner.add(step) + " " + inner.stats().value());
                return true;
            });
            assertThat(seen).containsExactly("Hello, step 1! 1 1", "Hello, step 2! 3 3", "Hello, step 3! 6 6");
            assertThat(outer.add(1)).isEqualTo(4);
        }
    }

    @Test
    void aSegmentOfAClosedArenaIsRefusedBeforeTheCall() {
        Arena arena = Arena.ofConfined();
        MemorySegment gone = arena.allocate(8);
        arena.close();
        assertThatThrownBy(() -> Template.checksum(gone)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void crateErrorsArriveWithTheirCodeAndMessage() {
        try (Counter counter = Template.counterNew(Long.MAX_VALUE - 1)) {
            assertThat(Template.counterAdd(counter, 1)).isEqualTo(Long.MAX_VALUE);
            assertThatThrownBy(() -> Template.counterAdd(counter, 1))
                    .isExactlyInstanceOf(TemplateException.OverflowException.class)
                    .hasMessage("the counter would overflow")
                    .satisfies(e -> assertThat(((TemplateException) e).code()).isEqualTo(1));
            assertThatThrownBy(() -> Template.counterAdd(counter, -1))
                    .isExactlyInstanceOf(TemplateException.NegativeAmountException.class)
                    .hasMessage("the amount must not be negative");
        }
    }

    @Test
    void runtimeErrorsArriveAsTheirOwnTypes() {
        Counter counter = Template.counterNew(0);
        long handle = counter.handle();
        Template.counterRelease(handle);

        assertThatThrownBy(() -> Template.counterRelease(handle))
                .isInstanceOf(TemplateException.StaleHandleException.class)
                .hasMessage("Counter handle was already released");
        assertThatThrownBy(() -> Template.counterRelease(0))
                .isInstanceOf(TemplateException.InvalidHandleException.class);
        // The object's own release finds its handle gone; it is closed all the same, not leaked.
        assertThatThrownBy(counter::close).isInstanceOf(TemplateException.StaleHandleException.class);
        assertThat(counter.isClosed()).isTrue();
    }

    @Test
    void panicArrivesAsAnExceptionAndTheJvmSurvives() {
        assertThatThrownBy(() -> Template.panicIf(true))
                .isInstanceOf(TemplateException.PanicException.class)
                .hasMessage("panic: asked to panic");
        Template.panicIf(false);
        assertThat(Template.greet("still here")).isEqualTo("Hello, still here!");
    }

    @Test
    void structResultsArriveAsRecords() {
        try (Counter counter = Template.counterNew(5)) {
            Template.counterAdd(counter, 2);
            assertThat(Template.counterStats(counter)).isEqualTo(new CounterStats(7, 1));
        }
    }

    @Test
    void recordFieldsAreWhereRustReadsThem() {
        // Rust formats the struct it received, so every field's offset and encoding is checked by Rust.
        assertThat(Template.settingsDescribe(new CounterSettings(-3, OverflowMode.SATURATE, true)))
                .isEqualTo("limit=-3 mode=Saturate count_zero=true");
        assertThat(Template.settingsDescribe(new CounterSettings(Long.MAX_VALUE, OverflowMode.FAIL, false)))
                .isEqualTo("limit=9223372036854775807 mode=Fail count_zero=false");
    }

    @Test
    void recordsRoundTripFieldByFieldThroughRust() {
        try (Counter counter = Counter.create(5)) {
            CounterSettings defaults = counter.settings();
            assertThat(defaults.limit()).isEqualTo(Long.MAX_VALUE);
            assertThat(defaults.mode()).isEqualTo(OverflowMode.FAIL);
            assertThat(defaults.countZero()).isFalse();

            counter.configure(new CounterSettings(8, OverflowMode.SATURATE, true));
            CounterSettings read = counter.settings();
            assertThat(read.limit()).isEqualTo(8);
            assertThat(read.mode()).isEqualTo(OverflowMode.SATURATE);
            assertThat(read.countZero()).isTrue();
            assertThat(counter.add(10)).as("saturates at the limit Java wrote").isEqualTo(8);

            counter.configure(new CounterSettings(8, OverflowMode.FAIL, false));
            assertThatThrownBy(() -> counter.add(1)).isInstanceOf(TemplateException.OverflowException.class);
        }
    }

    @Test
    void recordsMatchTheCompilerLayout() {
        try (Arena arena = Arena.ofConfined()) {
            CounterSettings settings = new CounterSettings(42, OverflowMode.SATURATE, true);
            MemorySegment memory = settings.allocate(arena);
            assertThat(memory.byteSize()).isEqualTo(TemplateNative.COUNTER_SETTINGS_LAYOUT.byteSize()).isEqualTo(16);
            assertThat(memory.get(ValueLayout.JAVA_INT, TemplateNative.COUNTER_SETTINGS_LAYOUT.byteOffset(
                    PathElement.groupElement("mode")))).isEqualTo(2);
            assertThat(CounterSettings.read(memory)).isEqualTo(settings);
        }
        assertThatThrownBy(() -> new CounterSettings(1, null, false)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void unknownEnumValuesTakeAnExplicitPath() {
        assertThat(OverflowMode.fromValue(2)).isEqualTo(OverflowMode.SATURATE);
        assertThat(OverflowMode.tryFromValue(99)).isEmpty();
        assertThatThrownBy(() -> OverflowMode.fromValue(99))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("99 is not a value of OverflowMode (known: FAIL=1, SATURATE=2)");
        try (Arena arena = Arena.ofConfined()) {
            // Memory from a newer library, say, holding a mode these bindings do not know.
            MemorySegment memory = arena.allocate(TemplateNative.COUNTER_SETTINGS_LAYOUT);
            memory.set(ValueLayout.JAVA_INT, 8, 7);
            assertThatThrownBy(() -> CounterSettings.read(memory))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("7 is not a value");
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
