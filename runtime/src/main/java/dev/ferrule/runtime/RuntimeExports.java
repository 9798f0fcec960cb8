package dev.ferrule.runtime;

import java.lang.foreign.Arena;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemoryLayout.PathElement;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.function.ToIntFunction;

/**
 * The Java side of the runtime exports every ferrule-ffi library has ({@code export_runtime!}):
 * turning a failed status into the library's exception with its last error message, copying and
 * releasing the buffers the library allocates, and the live-object counts that leak checks read.
 * Generated bindings make one per library from the raw class's methods, so this code is written
 * once, here, instead of in every generated class.
 *
 * <pre>{@code
 * static final RuntimeExports RUNTIME = new RuntimeExports(GaugeNative::gauge_last_error_length,
 *         GaugeNative::gauge_last_error_message, GaugeNative::gauge_buffer_free,
 *         GaugeNative::gauge_live_objects, GaugeNative::gauge_live_objects_report,
 *         GaugeNative.FFI_BUFFER_LAYOUT, GaugeException::of);
 * ...
 * RUNTIME.check(GaugeNative.gauge_counter_add(counter, amount, out));
 * }</pre>
 */
public final class RuntimeExports {

    /** {@code <prefix>_last_error_message(buffer, capacity)}: copies the message, returns the bytes written. */
    @FunctionalInterface
    public interface MessageCopy {
        long copy(MemorySegment buffer, long capacity);
    }

    /** The library's exception for a failed status: a subclass per runtime error and per crate error. */
    @FunctionalInterface
    public interface Failure {
        RuntimeException of(int status, String message);
    }

    private final LongSupplier lastErrorLength;
    private final MessageCopy lastErrorMessage;
    private final Consumer<MemorySegment> bufferFree;
    private final LongSupplier liveObjects;
    private final ToIntFunction<MemorySegment> liveObjectsReport;
    private final MemoryLayout bufferLayout;
    private final long bufferPointer;
    private final long bufferLength;
    private final Failure failure;

    /**
     * @param bufferLayout  the layout of ferrule-ffi's {@code FfiBuffer} ({@code ptr}, {@code len})
     *                      as the raw class computed it from the compiler's offsets
     */
    public RuntimeExports(LongSupplier lastErrorLength, MessageCopy lastErrorMessage,
            Consumer<MemorySegment> bufferFree, LongSupplier liveObjects,
            ToIntFunction<MemorySegment> liveObjectsReport, MemoryLayout bufferLayout, Failure failure) {
        this.lastErrorLength = Objects.requireNonNull(lastErrorLength, "lastErrorLength");
        this.lastErrorMessage = Objects.requireNonNull(lastErrorMessage, "lastErrorMessage");
        this.bufferFree = Objects.requireNonNull(bufferFree, "bufferFree");
        this.liveObjects = Objects.requireNonNull(liveObjects, "liveObjects");
        this.liveObjectsReport = Objects.requireNonNull(liveObjectsReport, "liveObjectsReport");
        this.bufferLayout = Objects.requireNonNull(bufferLayout, "bufferLayout");
        this.bufferPointer = bufferLayout.byteOffset(PathElement.groupElement("ptr"));
        this.bufferLength = bufferLayout.byteOffset(PathElement.groupElement("len"));
        this.failure = Objects.requireNonNull(failure, "failure");
    }

    /**
     * Returns when a call succeeded; otherwise throws its exception. Small, so that the JIT
     * inlines the success path into every generated method.
     *
     * @param status a call's status: 0 is success
     */
    public void check(int status) {
        if (status != 0) {
            throw failure(status);
        }
    }

    /** The exception for a failed status, with this thread's last error message. */
    public RuntimeException failure(int status) {
        return failure.of(status, lastError());
    }

    /** This thread's last error message from the library; empty when there is none. */
    public String lastError() {
        long length = lastErrorLength.getAsLong();
        if (length == 0) {
            return "";
        }
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment buffer = arena.allocate(length);
            long written = lastErrorMessage.copy(buffer, length);
            return new String(buffer.asSlice(0, written).toArray(ValueLayout.JAVA_BYTE), StandardCharsets.UTF_8);
        }
    }

    /**
     * Copies the UTF-8 text of a buffer the library allocated and releases the buffer, exactly
     * once, even when the copy fails.
     *
     * @param buffer an {@code FfiBuffer} the library wrote
     */
    public String takeString(MemorySegment buffer) {
        return new String(takeBytes(buffer), StandardCharsets.UTF_8);
    }

    /**
     * Copies the bytes of a buffer the library allocated and releases the buffer, exactly once,
     * even when the copy fails.
     *
     * @param buffer an {@code FfiBuffer} the library wrote
     */
    @SuppressWarnings("restricted")
    public byte[] takeBytes(MemorySegment buffer) {
        MemorySegment pointer = buffer.get(ValueLayout.ADDRESS, bufferPointer);
        long length = buffer.get(ValueLayout.JAVA_LONG, bufferLength);
        try {
            // The length comes from the library that allocated the bytes; sizing its pointer is restricted.
            return length == 0 ? new byte[0] : pointer.reinterpret(length).toArray(ValueLayout.JAVA_BYTE);
        } finally {
            bufferFree.accept(buffer);
        }
    }

    /** How many objects and buffers the library holds for the host right now. */
    public long liveObjects() {
        return liveObjects.getAsLong();
    }

    /**
     * The objects and buffers the library holds right now, by type: what
     * {@code @FerruleLeakCheck} compares before and after each test.
     */
    public Map<String, Long> liveObjectsByType() {
        CallFrame frame = CallFrame.current();
        long mark = frame.mark();
        try {
            MemorySegment out = frame.allocate(bufferLayout);
            check(liveObjectsReport.applyAsInt(out));
            Map<String, Long> counts = new TreeMap<>();
            for (String line : takeString(out).split("\n")) {
                int space = line.lastIndexOf(' ');
                if (space > 0) {
                    counts.put(line.substring(0, space), Long.valueOf(line.substring(space + 1)));
                }
            }
            return counts;
        } finally {
            frame.reset(mark);
        }
    }
}
