package dev.ferrule.runtime;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.SegmentAllocator;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * NUL-terminated UTF-8 strings, the way C APIs take and return text ({@code *const c_char}).
 * Generated bindings for C ABIs that Ferrule did not write use these, so the copying and the
 * release rules are written once.
 */
public final class CStrings {

    private CStrings() {
    }

    /**
     * A call-scoped copy of {@code text} with a NUL terminator.
     *
     * @param parameter  the parameter's name, for messages
     * @throws IllegalArgumentException when the text holds a NUL character, which C would read as
     *                                  its end and so receive less than was passed, or a lone
     *                                  surrogate, which UTF-8 cannot encode
     */
    public static MemorySegment allocate(SegmentAllocator allocator, String text, String parameter) {
        byte[] bytes = Utf8.encode(text, parameter);
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                throw new IllegalArgumentException(parameter + " holds a NUL character at byte " + i
                        + "; a C string ends at the first NUL, so the library would receive only the text before it");
            }
        }
        MemorySegment copy = allocator.allocate(bytes.length + 1L);
        MemorySegment.copy(bytes, 0, copy, ValueLayout.JAVA_BYTE, 0, bytes.length);
        copy.set(ValueLayout.JAVA_BYTE, bytes.length, (byte) 0);
        return copy;
    }

    /**
     * Copies a string the library keeps (borrowed): nothing is released. Bytes that are not
     * UTF-8 become U+FFFD.
     *
     * @param pointer a non-null pointer to a NUL-terminated string
     */
    @SuppressWarnings("restricted")
    public static String read(MemorySegment pointer) {
        // A C string's length is known only by its terminator; sizing the pointer is restricted.
        return pointer.reinterpret(Long.MAX_VALUE).getString(0, StandardCharsets.UTF_8);
    }

    /**
     * Copies a string the library gave away (owned), then passes it to the library's free
     * function, exactly once, even when the copy fails.
     *
     * @param pointer a non-null pointer to a NUL-terminated string
     */
    public static String take(MemorySegment pointer, Consumer<MemorySegment> free) {
        try {
            return read(pointer);
        } finally {
            free.accept(pointer);
        }
    }

    /**
     * The text in a fixed-size {@code char[N]} buffer: up to its first NUL, or all of it when
     * there is none (C does not promise one). Bytes that are not UTF-8 become U+FFFD.
     */
    public static String readBuffer(MemorySegment buffer) {
        long end = 0;
        while (end < buffer.byteSize() && buffer.get(ValueLayout.JAVA_BYTE, end) != 0) {
            end++;
        }
        return new String(buffer.asSlice(0, end).toArray(ValueLayout.JAVA_BYTE), StandardCharsets.UTF_8);
    }

    /**
     * Writes {@code text} into a fixed-size {@code char[N]} buffer with its NUL terminator, and
     * zeroes the rest.
     *
     * @throws IllegalArgumentException when the text has a NUL, or its UTF-8 bytes and the NUL do
     *                                  not fit: C would read other text than was written
     */
    public static void writeBuffer(MemorySegment buffer, String text, String field) {
        byte[] bytes = Utf8.encode(text, field);
        if (bytes.length + 1L > buffer.byteSize()) {
            throw new IllegalArgumentException(field + " is " + bytes.length + " UTF-8 bytes; its C buffer holds "
                    + (buffer.byteSize() - 1) + " and a NUL");
        }
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                throw new IllegalArgumentException(field + " holds a NUL character at byte " + i
                        + "; a C string ends at the first NUL");
            }
        }
        buffer.fill((byte) 0);
        MemorySegment.copy(bytes, 0, buffer, ValueLayout.JAVA_BYTE, 0, bytes.length);
    }
}
