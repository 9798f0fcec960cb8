package dev.ferrule.gen;

import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import com.github.javaparser.ast.type.PrimitiveType;
import com.github.javaparser.ast.type.Type;
import dev.ferrule.abi.AbiModel;
import dev.ferrule.abi.AbiModel.AbiType;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * How a C type from the model crosses FFM: the memory layout in a {@code FunctionDescriptor}
 * and the Java type of the parameter or result. 64-bit targets only (the generated class checks
 * that at initialisation).
 *
 * @param layout     the layout expression, for example {@code ValueLayout.JAVA_INT}
 * @param javaType   the Java type, for example {@code int} or {@code MemorySegment}
 */
record FfmType(Expression layout, Type javaType) {

    private static final Map<String, String> VALUE_LAYOUTS = Map.ofEntries(
            Map.entry("int8_t", "JAVA_BYTE"), Map.entry("uint8_t", "JAVA_BYTE"), Map.entry("char", "JAVA_BYTE"),
            Map.entry("signed char", "JAVA_BYTE"), Map.entry("unsigned char", "JAVA_BYTE"),
            Map.entry("int16_t", "JAVA_SHORT"), Map.entry("uint16_t", "JAVA_SHORT"), Map.entry("short", "JAVA_SHORT"),
            Map.entry("unsigned short", "JAVA_SHORT"), Map.entry("int32_t", "JAVA_INT"),
            Map.entry("uint32_t", "JAVA_INT"), Map.entry("int", "JAVA_INT"), Map.entry("unsigned int", "JAVA_INT"),
            Map.entry("int64_t", "JAVA_LONG"), Map.entry("uint64_t", "JAVA_LONG"), Map.entry("intptr_t", "JAVA_LONG"),
            Map.entry("size_t", "JAVA_LONG"), Map.entry("long", "JAVA_LONG"), Map.entry("unsigned long", "JAVA_LONG"),
            Map.entry("long long", "JAVA_LONG"), Map.entry("unsigned long long", "JAVA_LONG"),
            Map.entry("float", "JAVA_FLOAT"), Map.entry("double", "JAVA_DOUBLE"), Map.entry("bool", "JAVA_BOOLEAN"));

    private static final Map<String, String> REPR_LAYOUTS = Map.of("u8", "JAVA_BYTE", "i8", "JAVA_BYTE",
            "u16", "JAVA_SHORT", "i16", "JAVA_SHORT", "u32", "JAVA_INT", "i32", "JAVA_INT", "C", "JAVA_INT",
            "u64", "JAVA_LONG", "i64", "JAVA_LONG");

    /** The FFM form of a C type, or empty when it has none (a non-FFI-safe type). */
    static Optional<FfmType> of(String c, Map<String, AbiType> types) {
        if (c.endsWith("*") || isCallback(c, types)) {
            return Optional.of(new FfmType(value("ADDRESS"), segment()));
        }
        String valueLayout = VALUE_LAYOUTS.get(c);
        if (valueLayout != null) {
            return Optional.of(new FfmType(value(valueLayout), javaType(valueLayout)));
        }
        if (c.startsWith("enum ")) {
            AbiType type = types.get(c.substring("enum ".length()));
            String layout = type == null ? null : REPR_LAYOUTS.get(type.repr());
            return layout == null ? Optional.empty() : Optional.of(new FfmType(value(layout), javaType(layout)));
        }
        if (c.startsWith("struct ") || c.startsWith("union ")) {
            String name = c.substring(c.indexOf(' ') + 1);
            AbiType type = types.get(name);
            if (type == null || type.size() == null || type.kind() == AbiModel.TypeKind.OPAQUE) {
                return Optional.empty();
            }
            return Optional.of(new FfmType(new NameExpr(layoutConstant(name)), segment()));
        }
        return Optional.empty();
    }

    static String layoutConstant(String typeName) {
        return Names.constant(typeName) + "_LAYOUT";
    }

    boolean isSegment() {
        return javaType instanceof ClassOrInterfaceType;
    }

    /**
     * Bytes a C type occupies; for a primitive this is also its natural alignment. Only called for
     * types {@link #of} maps, so every case is known.
     */
    static long byteSize(String c, Map<String, AbiType> types) {
        if (c.endsWith("*") || isCallback(c, types)) {
            return 8;
        }
        if (c.startsWith("struct ") || c.startsWith("union ") || c.startsWith("enum ")) {
            return types.get(c.substring(c.indexOf(' ') + 1)).size();
        }
        return switch (VALUE_LAYOUTS.get(c)) {
            case "JAVA_BYTE", "JAVA_BOOLEAN" -> 1;
            case "JAVA_SHORT" -> 2;
            case "JAVA_INT", "JAVA_FLOAT" -> 4;
            default -> 8;
        };
    }

    static boolean isCallback(String c, Map<String, AbiType> types) {
        AbiType type = types.get(c);
        return type != null && type.kind() == AbiModel.TypeKind.CALLBACK;
    }

    private static Expression value(String constant) {
        return new FieldAccessExpr(new NameExpr("ValueLayout"), constant);
    }

    private static Type segment() {
        return new ClassOrInterfaceType(null, "MemorySegment");
    }

    private static Type javaType(String valueLayout) {
        return switch (valueLayout) {
            case "JAVA_BYTE" -> PrimitiveType.byteType();
            case "JAVA_SHORT" -> PrimitiveType.shortType();
            case "JAVA_INT" -> PrimitiveType.intType();
            case "JAVA_LONG" -> PrimitiveType.longType();
            case "JAVA_FLOAT" -> PrimitiveType.floatType();
            case "JAVA_DOUBLE" -> PrimitiveType.doubleType();
            case "JAVA_BOOLEAN" -> PrimitiveType.booleanType();
            default -> throw new IllegalArgumentException(valueLayout.toLowerCase(Locale.ROOT));
        };
    }
}
