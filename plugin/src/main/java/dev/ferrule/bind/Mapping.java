package dev.ferrule.bind;

/**
 * How a parameter, a result or a record field appears in Java.
 *
 * @param javaType  the Java type as the safe facade declares it: {@code long}, {@code String},
 *                  {@code byte[]}, {@code CounterSettings}; an object's handle is a {@code long}
 *                  there and an instance of its class in the object's own class
 * @param target    the crate type or object it refers to (a record, an enum, a callback, an
 *                  object's name); null for values, strings and bytes
 * @param carrier   how its value crosses FFM, for values, enums and objects; null otherwise. A
 *                  value whose {@code javaType} differs from its carrier's is converted on the way:
 *                  an unsigned number is widened ({@code u32} is a {@code long} carried as an
 *                  {@code int}, checked for range on the way in) and a declared {@code bool} is a
 *                  {@code boolean} carried as a byte
 * @param inner     for {@link Kind#OPTION}: what it holds when present
 */
public record Mapping(Kind kind, String javaType, String target, Carrier carrier, Mapping inner) {

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
        SEGMENT,
        /**
         * A declared {@code Option<T>}: a presence byte before {@code T}'s C parameters (an
         * object's is handle 0 instead). A nullable parameter, an {@code Optional} result.
         */
        OPTION,
        /**
         * A NUL-terminated UTF-8 string ({@code *const c_char}): a {@code String}. A result names
         * in {@code target} the function that frees it when the caller owns it, and none when the
         * library keeps it.
         */
        C_STRING,
        /** The {@code *mut *mut E} a failed call writes its error object to; no Java parameter. */
        ERROR_OUT,
        /** {@code #[repr(C)]} structs as a pointer and a count: a {@code List} of records. */
        LIST,
        /**
         * A caller-supplied output buffer and its capacity, which the call fills and answers with
         * the length it needs; no Java parameter, the bytes are the result.
         */
        BUFFER
    }

    public Mapping(Kind kind, String javaType, String target, Carrier carrier) {
        this(kind, javaType, target, carrier, null);
    }

    public static Mapping value(Carrier carrier) {
        return new Mapping(Kind.VALUE, carrier.javaType(), null, carrier);
    }

    /**
     * An unsigned number in the next wider Java type that holds all of it: {@code u8} and
     * {@code u16} as {@code int}, {@code u32} as {@code long}. {@code u64} has no wider type and
     * stays a {@code long} with its bits.
     */
    public static Mapping unsigned(Carrier carrier) {
        String javaType = switch (carrier.kind()) {
            case BYTE, SHORT -> "int";
            case INT, LONG -> "long";
            default -> throw new IllegalArgumentException(carrier + " is not an integer");
        };
        return new Mapping(Kind.VALUE, javaType, null, carrier);
    }

    /** Whether a declared crate's Rust type widens in Java: the unsigned types narrower than 64 bits. */
    public static boolean widens(String rustType) {
        return rustType != null && switch (rustType) {
            case "u8", "u16", "u32" -> true;
            default -> false;
        };
    }

    /** A declared {@code bool}: a {@code boolean} carried as the byte 0 or 1. */
    public static Mapping flag(Carrier carrier) {
        return new Mapping(Kind.VALUE, "boolean", null, carrier);
    }

    /** {@code Option<T>}: a nullable {@code T} as a parameter, an {@code Optional} as a result. */
    public static Mapping option(Mapping inner) {
        return new Mapping(Kind.OPTION, JavaNames.boxed(inner.javaType()), inner.target(), inner.carrier(), inner);
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

    /** A declared object: its class in Java, its handle in C. */
    public static Mapping object(String object, String className, Carrier handle) {
        return new Mapping(Kind.OBJECT, className, object, handle);
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

    /**
     * A record field that is a {@code char[N]} buffer holding a NUL-terminated string: a
     * {@code String} of at most N - 1 UTF-8 bytes.
     */
    public static Mapping charArray(long length) {
        return new Mapping(Kind.C_STRING, "String", null, Carrier.sequence(length, Carrier.of(Carrier.Kind.BYTE)));
    }

    /** A C string parameter, or a result the library keeps. */
    public static Mapping cString() {
        return new Mapping(Kind.C_STRING, "String", null, null);
    }

    /** A C string result the caller owns and passes to {@code free} once read. */
    public static Mapping ownedCString(String free) {
        return new Mapping(Kind.C_STRING, "String", free, null);
    }

    public static Mapping buffer() {
        return new Mapping(Kind.BUFFER, null, null, null);
    }

    public static Mapping errorOut(String errorType) {
        return new Mapping(Kind.ERROR_OUT, null, errorType, null);
    }

    /** A list of records, passed as a pointer to the first and their count. */
    public static Mapping list(String record, String className) {
        return new Mapping(Kind.LIST, "java.util.List<" + className + ">", record, null);
    }

    /** A record of a C ABI, whose Java name is not its Rust name. */
    public static Mapping record(String record, String className, boolean nullable) {
        return new Mapping(nullable ? Kind.OPTIONAL : Kind.RECORD, className, record, null);
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
            case STRING, BYTES, OUT, ERROR_OUT, BUFFER -> kindName;
            case C_STRING -> target == null ? kindName : kindName + ":freed-by:" + target;
            case VALUE -> kindName + ":" + javaType;
            case OPTION -> kindName + ":" + inner.describe();
            default -> kindName + ":" + target;
        };
    }
}
