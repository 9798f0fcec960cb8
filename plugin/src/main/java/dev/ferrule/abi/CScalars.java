package dev.ferrule.abi;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The C scalar vocabulary of real crates: the names {@code libc}, {@code core::ffi},
 * {@code std::ffi} and {@code std::os::raw} give C's types, how a C header spells each, and what
 * Rust primitive each is on a target.
 *
 * <p>On the build machine the layout probe asks the compiler what each name is, so the table
 * below is only used for other targets, where nothing can be run. It follows the definitions in
 * {@code core::ffi} and the {@code libc} crate; a name whose meaning depends on more than the
 * target triple is not in it, and stays unresolved there.
 */
public final class CScalars {

    /** Rust primitives and how a C header spells each. */
    private static final Map<String, String> PRIMITIVE_SPELLING = Map.ofEntries(
            Map.entry("i8", "int8_t"), Map.entry("u8", "uint8_t"), Map.entry("i16", "int16_t"),
            Map.entry("u16", "uint16_t"), Map.entry("i32", "int32_t"), Map.entry("u32", "uint32_t"),
            Map.entry("i64", "int64_t"), Map.entry("u64", "uint64_t"), Map.entry("isize", "intptr_t"),
            Map.entry("usize", "size_t"), Map.entry("f32", "float"), Map.entry("f64", "double"),
            Map.entry("bool", "bool"));

    /**
     * The Rust names of C types, from any crate that defines them, with the C spelling. {@code c_*}
     * are core::ffi's (and libc's and std::os::raw's, which are the same types); the others are
     * libc's POSIX and C99 names.
     */
    private static final Map<String, String> C_SPELLING = Map.ofEntries(
            Map.entry("c_char", "char"), Map.entry("c_schar", "signed char"), Map.entry("c_uchar", "unsigned char"),
            Map.entry("c_short", "short"), Map.entry("c_ushort", "unsigned short"), Map.entry("c_int", "int"),
            Map.entry("c_uint", "unsigned int"), Map.entry("c_long", "long"), Map.entry("c_ulong", "unsigned long"),
            Map.entry("c_longlong", "long long"), Map.entry("c_ulonglong", "unsigned long long"),
            Map.entry("c_float", "float"), Map.entry("c_double", "double"), Map.entry("c_size_t", "size_t"),
            Map.entry("c_ssize_t", "ssize_t"), Map.entry("c_ptrdiff_t", "ptrdiff_t"),
            Map.entry("size_t", "size_t"), Map.entry("ssize_t", "ssize_t"), Map.entry("intptr_t", "intptr_t"),
            Map.entry("uintptr_t", "uintptr_t"), Map.entry("ptrdiff_t", "ptrdiff_t"),
            Map.entry("int8_t", "int8_t"), Map.entry("int16_t", "int16_t"), Map.entry("int32_t", "int32_t"),
            Map.entry("int64_t", "int64_t"), Map.entry("uint8_t", "uint8_t"), Map.entry("uint16_t", "uint16_t"),
            Map.entry("uint32_t", "uint32_t"), Map.entry("uint64_t", "uint64_t"), Map.entry("off_t", "off_t"),
            Map.entry("off64_t", "off64_t"), Map.entry("pid_t", "pid_t"), Map.entry("uid_t", "uid_t"),
            Map.entry("gid_t", "gid_t"), Map.entry("mode_t", "mode_t"), Map.entry("time_t", "time_t"),
            Map.entry("suseconds_t", "suseconds_t"), Map.entry("useconds_t", "useconds_t"),
            Map.entry("clock_t", "clock_t"), Map.entry("clockid_t", "clockid_t"), Map.entry("socklen_t", "socklen_t"),
            Map.entry("sa_family_t", "sa_family_t"), Map.entry("in_addr_t", "in_addr_t"),
            Map.entry("in_port_t", "in_port_t"), Map.entry("wchar_t", "wchar_t"), Map.entry("ino_t", "ino_t"),
            Map.entry("dev_t", "dev_t"), Map.entry("nlink_t", "nlink_t"), Map.entry("blksize_t", "blksize_t"),
            Map.entry("blkcnt_t", "blkcnt_t"), Map.entry("key_t", "key_t"), Map.entry("id_t", "id_t"),
            Map.entry("pthread_t", "pthread_t"), Map.entry("sighandler_t", "sighandler_t"),
            Map.entry("NonZeroU8", "uint8_t"), Map.entry("NonZeroU16", "uint16_t"),
            Map.entry("NonZeroU32", "uint32_t"), Map.entry("NonZeroU64", "uint64_t"),
            Map.entry("NonZeroI8", "int8_t"), Map.entry("NonZeroI16", "int16_t"),
            Map.entry("NonZeroI32", "int32_t"), Map.entry("NonZeroI64", "int64_t"),
            Map.entry("NonZeroUsize", "size_t"), Map.entry("NonZeroIsize", "intptr_t"));

    /** C names that are the same Rust primitive on every target Rust supports. */
    private static final Map<String, String> FIXED = Map.ofEntries(
            Map.entry("signed char", "i8"), Map.entry("unsigned char", "u8"), Map.entry("short", "i16"),
            Map.entry("unsigned short", "u16"), Map.entry("int", "i32"), Map.entry("unsigned int", "u32"),
            Map.entry("long long", "i64"), Map.entry("unsigned long long", "u64"), Map.entry("float", "f32"),
            Map.entry("double", "f64"), Map.entry("size_t", "usize"), Map.entry("ssize_t", "isize"),
            Map.entry("intptr_t", "isize"), Map.entry("uintptr_t", "usize"), Map.entry("ptrdiff_t", "isize"),
            Map.entry("int8_t", "i8"), Map.entry("int16_t", "i16"), Map.entry("int32_t", "i32"),
            Map.entry("int64_t", "i64"), Map.entry("uint8_t", "u8"), Map.entry("uint16_t", "u16"),
            Map.entry("uint32_t", "u32"), Map.entry("uint64_t", "u64"), Map.entry("bool", "bool"),
            Map.entry("sighandler_t", "usize"));

    /** Architectures whose C {@code char} is unsigned, outside Apple's and Windows' ABIs (core::ffi). */
    private static final Set<String> UNSIGNED_CHAR_ARCHES = Set.of("aarch64", "arm", "armv7", "thumbv7",
            "csky", "hexagon", "msp430", "powerpc", "powerpc64", "powerpc64le", "riscv32", "riscv64",
            "riscv64gc", "riscv32imac", "s390x", "xtensa");

    private CScalars() {
    }

    /** How a C header spells a Rust primitive: {@code u32} is {@code uint32_t}; empty for non-C primitives. */
    public static Optional<String> spellingOfPrimitive(String primitive) {
        return Optional.ofNullable(PRIMITIVE_SPELLING.get(primitive));
    }

    /**
     * How a C header spells a Rust name of a C type ({@code c_int} is {@code int}, {@code size_t}
     * is {@code size_t}); empty for names that are not C's.
     */
    public static Optional<String> spellingOfName(String rustName) {
        return Optional.ofNullable(C_SPELLING.get(rustName));
    }

    /** Whether a spelling is a C scalar this vocabulary knows. */
    public static boolean isScalarSpelling(String c) {
        return C_SPELLING.containsValue(c) || PRIMITIVE_SPELLING.containsValue(c);
    }

    /**
     * What a C scalar is on a target, from the target triple alone, for targets the layout probe
     * cannot run on. Empty when the triple does not decide it.
     */
    public static Optional<String> primitiveOn(String c, String triple) {
        String fixed = FIXED.get(c);
        if (fixed != null) {
            return Optional.of(fixed);
        }
        String[] parts = triple.split("-");
        String arch = parts[0];
        boolean windows = triple.contains("windows");
        boolean apple = triple.contains("apple") || triple.contains("darwin");
        boolean wide = pointerBits(triple) == 64;
        boolean unix = !windows && (triple.contains("linux") || apple || triple.contains("bsd")
                || triple.contains("android"));
        return Optional.ofNullable(switch (c) {
            case "char" -> UNSIGNED_CHAR_ARCHES.contains(arch) && !apple && !windows ? "u8" : "i8";
            case "long" -> wide && !windows ? "i64" : "i32";
            case "unsigned long" -> wide && !windows ? "u64" : "u32";
            case "pid_t", "key_t" -> unix ? "i32" : null;
            case "uid_t", "gid_t", "id_t", "socklen_t", "in_addr_t", "useconds_t" -> unix ? "u32" : null;
            case "in_port_t" -> unix ? "u16" : null;
            case "time_t", "off_t", "suseconds_t", "clock_t", "blkcnt_t" -> unix && wide ? "i64" : null;
            case "off64_t" -> triple.contains("linux") ? "i64" : null;
            case "pthread_t" -> triple.contains("linux") && wide ? "u64" : null;
            default -> null;
        });
    }

    /** Bytes of a Rust primitive on a target with {@code pointerBytes}-byte pointers. */
    public static long sizeOf(String primitive, long pointerBytes) {
        return switch (primitive) {
            case "i8", "u8", "bool" -> 1;
            case "i16", "u16" -> 2;
            case "i32", "u32", "f32" -> 4;
            case "i64", "u64", "f64" -> 8;
            case "isize", "usize" -> pointerBytes;
            default -> throw new IllegalArgumentException("not a C scalar primitive: " + primitive);
        };
    }

    /** Whether {@code primitive} is one of the Rust primitives a C scalar can be. */
    public static boolean isScalarPrimitive(String primitive) {
        return PRIMITIVE_SPELLING.containsKey(primitive);
    }

    /** The pointer width of a target triple in bits, from its architecture. */
    public static int pointerBits(String triple) {
        String arch = triple.split("-")[0];
        return arch.contains("64") && !arch.equals("aarch64_32") || arch.equals("s390x")
                || arch.startsWith("riscv64") || arch.startsWith("loongarch64") ? 64 : 32;
    }
}
