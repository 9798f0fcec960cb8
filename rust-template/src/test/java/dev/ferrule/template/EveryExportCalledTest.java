package dev.ferrule.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ferrule.runtime.LibraryIdentity;
import dev.ferrule.runtime.NativeLibrary;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.DynamicTest;
import dev.ferrule.runtime.junit.FerruleLeakCheck;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every function the library exports is called here, through the safe API where one exists and
 * the raw class otherwise, with an assertion on what it did. The list is checked against the raw
 * class, which has one method per export, so a new export without a case here fails the build.
 */
@FerruleLeakCheck(Template.class)
class EveryExportCalledTest {

    private static final Map<String, Runnable> CALLS = new TreeMap<>();

    static {
        CALLS.put("template_counter_new", () -> {
            try (Counter counter = Counter.create(3)) {
                assertThat(counter.stats().value()).isEqualTo(3);
            }
        });
        CALLS.put("template_counter_clone", () -> {
            try (Counter counter = Counter.create(1); Counter second = counter.duplicate()) {
                second.add(4);
                assertThat(counter.stats().value()).isEqualTo(5);
            }
        });
        CALLS.put("template_counter_release", () -> {
            Counter counter = Template.counterNew(0);
            long handle = counter.handle();
            Template.counterRelease(handle);
            assertThat(counter.isClosed()).as("releasing the raw handle is not closing the object").isFalse();
            assertThatThrownBy(() -> Template.counterRelease(handle))
                    .isInstanceOf(TemplateException.StaleHandleException.class);
            assertThatThrownBy(counter::close).isInstanceOf(TemplateException.StaleHandleException.class);
        });
        CALLS.put("template_counter_add", () -> {
            try (Counter counter = Counter.create(1)) {
                assertThat(counter.add(2)).isEqualTo(3);
            }
        });
        CALLS.put("template_counter_stats", () -> {
            try (Counter counter = Counter.create(1)) {
                counter.add(1);
                assertThat(counter.stats()).isEqualTo(new CounterStats(2, 1));
            }
        });
        CALLS.put("template_counter_configure", () -> {
            try (Counter counter = Counter.create(0)) {
                counter.configure(new CounterSettings(5, OverflowMode.SATURATE, false));
                assertThat(counter.add(9)).isEqualTo(5);
            }
        });
        CALLS.put("template_counter_settings", () -> {
            try (Counter counter = Counter.create(0)) {
                assertThat(counter.settings()).isEqualTo(new CounterSettings(Long.MAX_VALUE, OverflowMode.FAIL, false));
            }
        });
        CALLS.put("template_counter_steps", () -> {
            try (Counter counter = Counter.create(4)) {
                List<Long> steps = new ArrayList<>();
                counter.steps(step -> {
                    steps.add(step);
                    return true;
                });
                assertThat(steps).containsExactly(1L, 2L, 3L, 4L);
            }
        });
        CALLS.put("template_settings_describe", () -> assertThat(Template.settingsDescribe(
                new CounterSettings(1, OverflowMode.FAIL, true))).isEqualTo("limit=1 mode=Fail count_zero=true"));
        CALLS.put("template_greet", () -> assertThat(Template.greet("Ada")).isEqualTo("Hello, Ada!"));
        CALLS.put("template_checksum", () -> assertThat(Template.checksum(new byte[] {'a'})).isEqualTo(0xe40c292cL));
        CALLS.put("template_panic_if", () -> {
            Template.panicIf(false);
            assertThatThrownBy(() -> Template.panicIf(true)).isInstanceOf(TemplateException.PanicException.class);
        });
        CALLS.put("template_last_error_length", () -> {
            assertThatThrownBy(() -> Template.panicIf(true)).isInstanceOf(TemplateException.class);
            assertThat(TemplateNative.template_last_error_length()).isPositive();
        });
        CALLS.put("template_last_error_message", () -> {
            assertThatThrownBy(() -> Template.panicIf(true)).isInstanceOf(TemplateException.class);
            try (Arena arena = Arena.ofConfined()) {
                MemorySegment buffer = arena.allocate(64);
                long written = TemplateNative.template_last_error_message(buffer, 64);
                assertThat(new String(buffer.asSlice(0, written).toArray(java.lang.foreign.ValueLayout.JAVA_BYTE),
                        StandardCharsets.UTF_8)).isEqualTo(Template.RUNTIME.lastError()).isNotEmpty();
            }
        });
        CALLS.put("template_live_objects", () -> {
            long before = Template.liveObjects();
            try (Counter counter = Counter.create(0)) {
                assertThat(TemplateNative.template_live_objects()).isEqualTo(before + 1);
                assertThat(counter.isClosed()).isFalse();
            }
        });
        CALLS.put("template_live_objects_report", () -> {
            try (Counter counter = Counter.create(0); Arena arena = Arena.ofConfined()) {
                MemorySegment out = arena.allocate(TemplateNative.FFI_BUFFER_LAYOUT);
                assertThat(TemplateNative.template_live_objects_report(out)).isZero();
                assertThat(Template.RUNTIME.takeString(out)).contains("Counter 1");
                assertThat(counter.isClosed()).isFalse();
            }
        });
        CALLS.put("template_buffer_free", () -> {
            // greet's buffer is released by buffer_free inside takeString; nothing may stay alive.
            long before = Template.liveObjects();
            assertThat(Template.greet("x")).isEqualTo("Hello, x!");
            assertThat(Template.liveObjects()).isEqualTo(before);
        });
        CALLS.put("template_set_log_callback", () -> {
            // Removing the callback (null) is always allowed and makes logging a no-op.
            TemplateNative.template_set_log_callback(MemorySegment.NULL, 0);
            try (Counter counter = Counter.create(0)) {
                assertThat(counter.isClosed()).isFalse();
            }
        });
        CALLS.put("template_build_info", () -> {
            LibraryIdentity.BuildInfo info = LibraryIdentity.read(library(), "template");
            assertThat(info.crate()).isEqualTo("template");
            assertThat(info.features()).isEqualTo(TemplateNative.FEATURES);
            assertThat(info.abiFingerprint()).isEqualTo(TemplateNative.ABI_FINGERPRINT);
        });
        CALLS.put("template_abi_fingerprint", () -> {
            try (Arena arena = Arena.ofConfined()) {
                MemorySegment out = arena.allocate(TemplateNative.FFI_BUFFER_LAYOUT);
                assertThat(TemplateNative.template_abi_fingerprint(out)).isZero();
                assertThat(Template.RUNTIME.takeString(out)).isEqualTo(TemplateNative.ABI_FINGERPRINT);
            }
        });
    }

    static java.lang.foreign.SymbolLookup library() {
        return NativeLibrary.load(TemplateNative.class, TemplateNative.LIBRARY).lookup();
    }


    @Test
    void everyExportHasACall() {
        TreeSet<String> exports = new TreeSet<>();
        Arrays.stream(TemplateNative.class.getDeclaredMethods())
                .filter(m -> Modifier.isPublic(m.getModifiers()) && Modifier.isStatic(m.getModifiers()))
                .map(Method::getName)
                .filter(name -> name.startsWith("template_"))
                .forEach(exports::add);
        assertThat(exports).hasSizeGreaterThanOrEqualTo(20);
        assertThat(CALLS.keySet()).containsExactlyElementsOf(exports);
    }

    @TestFactory
    List<DynamicTest> callEachExport() {
        return CALLS.entrySet().stream().map(e -> DynamicTest.dynamicTest(e.getKey(), () -> {
            e.getValue().run();
            assertThat(Template.liveObjects()).as("live objects after " + e.getKey()).isZero();
        })).toList();
    }
}
