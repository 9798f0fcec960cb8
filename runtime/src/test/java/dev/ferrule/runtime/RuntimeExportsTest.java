package dev.ferrule.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.foreign.Arena;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The runtime exports' Java side, against a library simulated in Java: what a status turns into,
 * how buffers are copied and released, and how the live-object report is read.
 */
class RuntimeExportsTest {

    private static final StructLayout FFI_BUFFER = MemoryLayout.structLayout(
            ValueLayout.ADDRESS.withName("ptr"), ValueLayout.JAVA_LONG.withName("len"));

    /** A library in Java: one last error, buffers in an arena, and a record of what was freed. */
    private static final class FakeLibrary {
        final Arena memory = Arena.ofShared();
        byte[] lastError = new byte[0];
        String report = "";
        final List<Long> freed = new ArrayList<>();

        long lastErrorMessage(MemorySegment buffer, long capacity) {
            long written = Math.min(capacity, lastError.length);
            MemorySegment.copy(MemorySegment.ofArray(lastError), 0, buffer, 0, written);
            return written;
        }

        void fill(MemorySegment out, String text) {
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            MemorySegment data = bytes.length == 0 ? MemorySegment.NULL : memory.allocateFrom(ValueLayout.JAVA_BYTE, bytes);
            out.set(ValueLayout.ADDRESS, 0, data);
            out.set(ValueLayout.JAVA_LONG, 8, bytes.length);
        }

        int liveObjectsReport(MemorySegment out) {
            fill(out, report);
            return 0;
        }

        RuntimeExports exports() {
            return new RuntimeExports(() -> lastError.length, this::lastErrorMessage,
                    buffer -> freed.add(buffer.get(ValueLayout.JAVA_LONG, 8)), () -> 7, this::liveObjectsReport,
                    FFI_BUFFER, (status, message) -> new IllegalStateException(status + ": " + message));
        }
    }

    @Test
    void successPassesAndFailureThrowsTheLibrarysExceptionWithItsLastError() {
        FakeLibrary library = new FakeLibrary();
        library.lastError = "the counter would overflow".getBytes(StandardCharsets.UTF_8);
        RuntimeExports exports = library.exports();

        exports.check(0);
        assertThatThrownBy(() -> exports.check(1)).isInstanceOf(IllegalStateException.class)
                .hasMessage("1: the counter would overflow");
    }

    @Test
    void noLastErrorIsAnEmptyMessage() {
        assertThat(new FakeLibrary().exports().lastError()).isEmpty();
    }

    @Test
    void aBufferIsCopiedAndReleasedExactlyOnce() {
        FakeLibrary library = new FakeLibrary();
        RuntimeExports exports = library.exports();
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment out = arena.allocate(FFI_BUFFER);
            library.fill(out, "Grüße, Ferrule");
            assertThat(exports.takeString(out)).isEqualTo("Grüße, Ferrule");
            library.fill(out, "");
            assertThat(exports.takeString(out)).isEmpty();
        }
        assertThat(library.freed).containsExactly((long) "Grüße, Ferrule".getBytes(StandardCharsets.UTF_8).length,
                0L);
    }

    @Test
    void bytesAreCopiedAndTheirBufferReleasedToo() {
        FakeLibrary library = new FakeLibrary();
        RuntimeExports exports = library.exports();
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment out = arena.allocate(FFI_BUFFER);
            library.fill(out, "\u0000\u00ff");
            assertThat(exports.takeBytes(out)).containsExactly(0, 0xC3, 0xBF);
            library.fill(out, "");
            assertThat(exports.takeBytes(out)).isEmpty();
        }
        assertThat(library.freed).containsExactly(3L, 0L);
    }

    @Test
    void theLiveObjectReportIsReadByTypeAndItsBufferReleased() {
        FakeLibrary library = new FakeLibrary();
        library.report = "Counter 2\nbuffer 1\n";
        RuntimeExports exports = library.exports();

        assertThat(exports.liveObjectsByType()).isEqualTo(Map.of("Counter", 2L, "buffer", 1L));
        assertThat(exports.liveObjects()).isEqualTo(7);
        assertThat(library.freed).hasSize(1);
    }
}
