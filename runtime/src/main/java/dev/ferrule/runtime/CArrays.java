package dev.ferrule.runtime;

import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SegmentAllocator;
import java.util.List;
import java.util.Objects;
import java.util.function.BiConsumer;

/** C arrays of structs, which C APIs take as a pointer and a count. */
public final class CArrays {

    private CArrays() {
    }

    /**
     * A call-scoped array holding each item, written by {@code write} at its element's place.
     *
     * @param element  the struct's layout, as the raw class measured it
     * @param parameter the parameter's name, for messages
     * @throws NullPointerException when the list or an item is null
     */
    public static <T> MemorySegment allocate(SegmentAllocator allocator, MemoryLayout element, List<T> items,
            BiConsumer<T, MemorySegment> write, String parameter) {
        MemorySegment array = allocator.allocate(element, Math.max(1, items.size()));
        long size = element.byteSize();
        for (int i = 0; i < items.size(); i++) {
            int index = i;
            T item = Objects.requireNonNull(items.get(i), () -> parameter + " holds null at index " + index);
            write.accept(item, array.asSlice(i * size, size));
        }
        return array;
    }

    /**
     * A copy of {@code length} bytes the library lent at {@code pointer}, such as an item an
     * iterator wrote through out-parameters.
     */
    @SuppressWarnings("restricted")
    public static byte[] copy(MemorySegment pointer, long length) {
        if (length == 0) {
            return new byte[0];
        }
        if (pointer.address() == 0) {
            throw new IllegalStateException("the library lent " + length + " bytes at a null pointer");
        }
        // The length comes from the library that owns the bytes; sizing its pointer is restricted.
        return pointer.reinterpret(length).toArray(java.lang.foreign.ValueLayout.JAVA_BYTE);
    }

    /** A call that fills a caller-supplied buffer and returns the length the value needs. */
    @FunctionalInterface
    public interface Fill {
        long fill(MemorySegment buffer, long capacity);
    }

    /** The first buffer's size: most values fit, and the call frame has room for it. */
    static final long FIRST_CAPACITY = 256;

    /**
     * The bytes a call writes into a buffer the caller supplies, the way C APIs return values of
     * any length: when the value needs more than the buffer holds, the call is made again with
     * that length. A value that keeps growing between calls is given up on after a few tries.
     */
    public static byte[] filled(SegmentAllocator allocator, Fill fill) {
        long capacity = FIRST_CAPACITY;
        for (int attempt = 1; ; attempt++) {
            MemorySegment buffer = allocator.allocate(capacity);
            long needed = fill.fill(buffer, capacity);
            if (needed < 0) {
                throw new IllegalStateException("the library said it needs " + needed + " bytes");
            }
            if (needed <= capacity) {
                return buffer.asSlice(0, needed).toArray(java.lang.foreign.ValueLayout.JAVA_BYTE);
            }
            if (attempt == 4) {
                throw new IllegalStateException("the value grew between 4 calls (" + needed + " bytes last)");
            }
            capacity = needed;
        }
    }
}
