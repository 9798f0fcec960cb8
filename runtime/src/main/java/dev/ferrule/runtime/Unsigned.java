package dev.ferrule.runtime;

/**
 * Rust's unsigned integers in Java's signed types. Generated bindings hold a {@code u8} or
 * {@code u16} in an {@code int} and a {@code u32} in a {@code long}, so every value Rust can
 * return reads as the number it is; on the way in, a value outside the Rust type's range is
 * refused here, before the call, rather than cut to its low bits. A {@code u64} stays a
 * {@code long} with the same bits: read it with {@link Long#toUnsignedString(long)} and compare
 * it with {@link Long#compareUnsigned(long, long)}.
 */
public final class Unsigned {

    private Unsigned() {
    }

    /**
     * @param value a {@code u8}: 0 to 255
     * @param name  the parameter, for the message
     * @return its bits, as the library receives them
     * @throws IllegalArgumentException for a value out of range
     */
    public static byte u8(int value, String name) {
        if (value < 0 || value > 0xFF) {
            throw outOfRange(name, value, "u8", "0..=255");
        }
        return (byte) value;
    }

    /**
     * @param value a {@code u16}: 0 to 65535
     * @param name  the parameter, for the message
     * @return its bits, as the library receives them
     * @throws IllegalArgumentException for a value out of range
     */
    public static short u16(int value, String name) {
        if (value < 0 || value > 0xFFFF) {
            throw outOfRange(name, value, "u16", "0..=65535");
        }
        return (short) value;
    }

    /**
     * @param value a {@code u32}: 0 to 4294967295
     * @param name  the parameter, for the message
     * @return its bits, as the library receives them
     * @throws IllegalArgumentException for a value out of range
     */
    public static int u32(long value, String name) {
        if (value < 0 || value > 0xFFFF_FFFFL) {
            throw outOfRange(name, value, "u32", "0..=4294967295");
        }
        return (int) value;
    }

    /** A Rust {@code bool} the library reads as a byte: 1 or 0. */
    public static byte flag(boolean value) {
        return value ? (byte) 1 : (byte) 0;
    }

    private static IllegalArgumentException outOfRange(String name, long value, String type, String range) {
        return new IllegalArgumentException(name + " is a Rust " + type + " (" + range + "), and " + value
                + " is out of its range");
    }
}
