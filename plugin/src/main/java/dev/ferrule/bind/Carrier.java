package dev.ferrule.bind;

import java.util.Locale;

/**
 * How a C value travels through FFM: as one of Java's primitive value layouts, as an address, as
 * a struct by value (its layout constant in the raw class), or, inside a struct only, as a
 * fixed-size array. Java has no unsigned types, so {@code u32} travels as an {@code int} with the
 * same bits.
 *
 * @param struct   for {@link Kind#STRUCT}: the crate type whose layout it is
 * @param element  for {@link Kind#SEQUENCE}: the element's carrier
 * @param count    for {@link Kind#SEQUENCE}: the number of elements
 */
public record Carrier(Kind kind, String struct, Carrier element, long count) {

    /** The FFM form. */
    public enum Kind {
        BYTE, SHORT, INT, LONG, FLOAT, DOUBLE, BOOLEAN, ADDRESS, STRUCT, SEQUENCE
    }

    public static Carrier of(Kind kind) {
        if (kind == Kind.STRUCT || kind == Kind.SEQUENCE) {
            throw new IllegalArgumentException(kind + " needs its type");
        }
        return new Carrier(kind, null, null, 0);
    }

    public static Carrier struct(String name) {
        return new Carrier(Kind.STRUCT, name, null, 0);
    }

    public static Carrier sequence(long count, Carrier element) {
        return new Carrier(Kind.SEQUENCE, null, element, count);
    }

    /** A Java primitive (a number or a boolean), as opposed to memory. */
    public boolean isValue() {
        return kind != Kind.ADDRESS && kind != Kind.STRUCT && kind != Kind.SEQUENCE;
    }

    /** The Java type it arrives as: {@code int}, {@code boolean} or {@code MemorySegment}. */
    public String javaType() {
        return isValue() ? kind.name().toLowerCase(Locale.ROOT) : "MemorySegment";
    }

    /** The {@code ValueLayout} constant: {@code JAVA_INT}, {@code ADDRESS}; null for structs and arrays. */
    public String valueLayout() {
        if (kind == Kind.STRUCT || kind == Kind.SEQUENCE) {
            return null;
        }
        return kind == Kind.ADDRESS ? "ADDRESS" : "JAVA_" + kind.name();
    }

    /** Bytes of a value carrier; the natural alignment too. Memory carriers have no fixed size here. */
    public long valueSize() {
        return switch (kind) {
            case BYTE, BOOLEAN -> 1;
            case SHORT -> 2;
            case INT, FLOAT -> 4;
            case LONG, DOUBLE -> 8;
            default -> throw new IllegalStateException(kind + " has no fixed size");
        };
    }
}
