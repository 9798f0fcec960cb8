package dev.ferrule.bind;

/**
 * How a parameter, a result or a record field appears in Java.
 *
 * @param javaType  the Java type as the safe facade declares it: {@code long}, {@code String},
 *                  {@code byte[]}, {@code CounterSettings}; an object's handle is a {@code long}
 *                  there and an instance of its class in the object's own class
 * @param target    the crate type or object it refers to (a record, an enum, a callback, an
 *                  object's name); null for values, strings and bytes
 * @param carrier   how its value crosses FFM, for values, enums and objects; null otherwise
 */
public record Mapping(Kind kind, String javaType, String target, Carrier carrier) {

    /** The kinds of Java mapping. */
    public enum Kind {
        /** A number or boolean, as is. */
        VALUE,
        /** UTF-8 text as a (pointer, length) pair: a {@code String}. */
        STRING,
        /** Bytes as a (pointer, length) pair: a {@code byte[]}. */
        BYTES,
        /** The out-parameter the result is read from; no Java parameter. */
        OUT,
        /** A handle of an object type. */
        OBJECT,
        /** A {@code #[repr(C)]} struct, by value or behind a pointer the library only reads: a record. */
        RECORD,
        /** As {@link #RECORD}, behind a pointer that may be null. */
        OPTIONAL,
        /** A fieldless enum: a Java enum. */
        ENUM,
        /** A callback and its {@code user_data}: a functional interface. */
        CALLBACK,
        /** A struct with no record, returned by value: a copy in a {@code MemorySegment}. */
        SEGMENT
    }

    public static Mapping value(Carrier carrier) {
        return new Mapping(Kind.VALUE, carrier.javaType(), null, carrier);
    }

    public static Mapping string() {
        return new Mapping(Kind.STRING, "String", null, null);
    }

    public static Mapping bytes() {
        return new Mapping(Kind.BYTES, "byte[]", null, null);
    }

    public static Mapping out() {
        return new Mapping(Kind.OUT, null, null, null);
    }

    public static Mapping object(String object, Carrier handle) {
        return new Mapping(Kind.OBJECT, handle.javaType(), object, handle);
    }

    public static Mapping record(String record, boolean nullable) {
        return new Mapping(nullable ? Kind.OPTIONAL : Kind.RECORD, record, record, null);
    }

    public static Mapping enumeration(String enumeration, Carrier carrier) {
        return new Mapping(Kind.ENUM, enumeration, enumeration, carrier);
    }

    public static Mapping callback(String callback) {
        return new Mapping(Kind.CALLBACK, callback, callback, null);
    }

    public static Mapping segment(String struct) {
        return new Mapping(Kind.SEGMENT, "MemorySegment", struct, null);
    }

    /**
     * The mapping as the snapshot records it and check-abi compares it: {@code string},
     * {@code value:long}, {@code record:CounterSettings}, {@code object:counter}.
     */
    public String describe() {
        String kindName = kind.name().toLowerCase(java.util.Locale.ROOT);
        return switch (kind) {
            case STRING, BYTES, OUT -> kindName;
            case VALUE -> kindName + ":" + javaType;
            default -> kindName + ":" + target;
        };
    }
}
