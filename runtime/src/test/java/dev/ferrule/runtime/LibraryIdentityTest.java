package dev.ferrule.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The load-time identity check, driven through real downcalls into upcall stubs that play a
 * ferrule-ffi library's {@code build_info} and {@code buffer_free} exports.
 */
class LibraryIdentityTest {

    private static final String FINGERPRINT = "sha256:" + "ab".repeat(32);

    private static final Arena STUBS = Arena.ofShared();

    private static String reportedJson;

    private static final AtomicInteger FREED = new AtomicInteger();

    @AfterEach
    void clearProperty() {
        System.clearProperty(LibraryIdentity.ALLOW_PROPERTY);
    }

    @Test
    void matchingLibraryIsAcceptedAndItsBufferReleasedOnce() {
        int freedBefore = FREED.get();
        LibraryIdentity.BuildInfo info = LibraryIdentity.verify(library(json(FINGERPRINT, "default")), "fake",
                "fake", "com.example.FakeNative", FINGERPRINT, List.of("default"));

        assertThat(info.crate()).isEqualTo("fake-crate");
        assertThat(info.version()).isEqualTo("1.2.3");
        assertThat(info.profile()).isEqualTo("release");
        assertThat(info.features()).containsExactly("default");
        assertThat(FREED.get() - freedBefore).isEqualTo(1);
    }

    @Test
    void fingerprintMismatchIsRefusedWithBothValuesAndTheFix() {
        String other = "sha256:" + "cd".repeat(32);
        assertThatThrownBy(() -> LibraryIdentity.verify(library(json(other, "default")), "fake", "fake",
                "com.example.FakeNative", FINGERPRINT, List.of("default")))
                .isInstanceOf(AbiMismatchException.class)
                .hasMessageContaining(other)
                .hasMessageContaining(FINGERPRINT)
                .hasMessageContaining("com.example.FakeNative")
                .hasMessageContaining("Fix: regenerate the bindings");
    }

    @Test
    void libraryBuiltOutsideFerruleIsRefused() {
        assertThatThrownBy(() -> LibraryIdentity.verify(library(json(LibraryIdentity.UNSET, "default")), "fake",
                "fake", "com.example.FakeNative", FINGERPRINT, List.of("default")))
                .isInstanceOf(AbiMismatchException.class)
                .hasMessageContaining("reports no ABI fingerprint")
                .hasMessageContaining("ferrule:build");
    }

    @Test
    void featureMismatchIsRefused() {
        assertThatThrownBy(() -> LibraryIdentity.verify(library(json(FINGERPRINT, "default", "fast")), "fake",
                "fake", "com.example.FakeNative", FINGERPRINT, List.of("default")))
                .isInstanceOf(AbiMismatchException.class)
                .hasMessageContaining("[default, fast]")
                .hasMessageContaining("[default]");
    }

    @Test
    void cargoSpellingOfAFeatureIsTheSameFeature() {
        assertThat(LibraryIdentity.verify(library(json(FINGERPRINT, "fast-path")), "fake", "fake",
                "com.example.FakeNative", FINGERPRINT, List.of("fast_path")).features()).containsExactly("fast-path");
    }

    @Test
    void riskyFeatureIsRefusedUnlessAllowed() {
        SymbolLookup risky = library(json(FINGERPRINT, "default", "unsafe-speed"));
        assertThatThrownBy(() -> LibraryIdentity.verify(risky, "fake", "fake", "com.example.FakeNative",
                FINGERPRINT, List.of("default", "unsafe-speed")))
                .isInstanceOf(UnsafeFeatureException.class)
                .hasMessageContaining("[unsafe-speed]")
                .hasMessageContaining("-Dferrule.allowUnsafeFeatures=unsafe-speed");

        System.setProperty(LibraryIdentity.ALLOW_PROPERTY, "unsafe-other, unsafe-speed");
        assertThat(LibraryIdentity.verify(risky, "fake", "fake", "com.example.FakeNative", FINGERPRINT,
                List.of("default", "unsafe-speed")).unsafeFeatures()).containsExactly("unsafe-speed");
    }

    @Test
    void riskyFeatureCanBeAllowedThroughTheApi() {
        SymbolLookup risky = library(json(FINGERPRINT, "unsafe-api-allowed"));
        LibraryIdentity.allowUnsafeFeature("unsafe-api-allowed");
        assertThat(LibraryIdentity.verify(risky, "fake", "fake", "com.example.FakeNative", FINGERPRINT,
                List.of("unsafe-api-allowed")).unsafeFeatures()).containsExactly("unsafe-api-allowed");
        assertThatThrownBy(() -> LibraryIdentity.allowUnsafeFeature("fast"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void malformedBuildInfoIsReportedWithTheText() {
        assertThatThrownBy(() -> LibraryIdentity.parse("{\"crate\":\"x\""))
                .isInstanceOf(NativeLibraryException.class).hasMessageContaining("early end");
        assertThatThrownBy(() -> LibraryIdentity.parse("{\"crate\":\"x\"} trailing"))
                .hasMessageContaining("text after the object");
        assertThatThrownBy(() -> LibraryIdentity.parse("{\"crate\":\"x\"}"))
                .hasMessageContaining("no string 'version'");
        assertThat(LibraryIdentity.parse("{\"crate\":\"a\\\"b\\u00e9\",\"version\":\"1\",\"features\":[],"
                + "\"profile\":\"debug\",\"abiFingerprint\":\"unset\"}").crate()).isEqualTo("a\"bé");
    }

    @Test
    void missingExportSaysWhatToBuildWith() {
        assertThatThrownBy(() -> LibraryIdentity.read(name -> Optional.empty(), "fake"))
                .isInstanceOf(NativeLibraryException.class)
                .hasMessageContaining("fake_build_info")
                .hasMessageContaining("export_runtime!");
    }

    private static String json(String fingerprint, String... features) {
        return "{\"crate\":\"fake-crate\",\"version\":\"1.2.3\",\"features\":["
                + String.join(",", List.of(features).stream().map(f -> "\"" + f + "\"").toList())
                + "],\"profile\":\"release\",\"abiFingerprint\":\"" + fingerprint + "\"}";
    }

    /** A lookup whose build_info export writes {@code json} into a buffer, as ferrule-ffi does. */
    @SuppressWarnings("restricted")
    private static synchronized SymbolLookup library(String json) {
        reportedJson = json;
        try {
            MemoryLayout buffer = MemoryLayout.structLayout(ValueLayout.ADDRESS, ValueLayout.JAVA_LONG);
            MemorySegment buildInfo = Linker.nativeLinker().upcallStub(MethodHandles.lookup().findStatic(
                    LibraryIdentityTest.class, "buildInfo", MethodType.methodType(int.class, MemorySegment.class)),
                    FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.ADDRESS), STUBS);
            MemorySegment free = Linker.nativeLinker().upcallStub(MethodHandles.lookup().findStatic(
                    LibraryIdentityTest.class, "bufferFree", MethodType.methodType(void.class, MemorySegment.class)),
                    FunctionDescriptor.ofVoid(buffer), STUBS);
            Map<String, MemorySegment> exports = Map.of("fake_build_info", buildInfo, "fake_buffer_free", free);
            return name -> Optional.ofNullable(exports.get(name));
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    @SuppressWarnings({"unused", "restricted"})
    private static int buildInfo(MemorySegment out) {
        MemorySegment text = STUBS.allocateFrom(ValueLayout.JAVA_BYTE, reportedJson.getBytes(
                java.nio.charset.StandardCharsets.UTF_8));
        MemorySegment target = out.reinterpret(16);
        target.set(ValueLayout.ADDRESS, 0, text);
        target.set(ValueLayout.JAVA_LONG, 8, text.byteSize());
        return 0;
    }

    @SuppressWarnings("unused")
    private static void bufferFree(MemorySegment buffer) {
        FREED.incrementAndGet();
    }
}
