package dev.ferrule.gen;

import com.github.javaparser.ast.NodeList;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.LongLiteralExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import com.github.javaparser.ast.type.PrimitiveType;
import com.github.javaparser.ast.type.Type;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * How a C type crosses FFM: the memory layout in a {@code FunctionDescriptor} and the Java type
 * of the parameter or result. {@link CTypes} decides which C type gets which.
 *
 * @param layout     the layout expression, for example {@code ValueLayout.JAVA_INT}
 * @param javaType   the Java type, for example {@code int} or {@code MemorySegment}
 */
record FfmType(Expression layout, Type javaType) {

    private static final Map<String, String> REPR_LAYOUTS = Map.of("u8", "JAVA_BYTE", "i8", "JAVA_BYTE",
            "u16", "JAVA_SHORT", "i16", "JAVA_SHORT", "u32", "JAVA_INT", "i32", "JAVA_INT", "C", "JAVA_INT",
            "u64", "JAVA_LONG", "i64", "JAVA_LONG");

    /** The layout of a Rust primitive; Java has no unsigned types, so {@code u32} is an {@code int}. */
    static Optional<FfmType> ofPrimitive(String primitive, long pointerSize) {
        String layout = switch (primitive) {
            case "i8", "u8" -> "JAVA_BYTE";
            case "i16", "u16" -> "JAVA_SHORT";
            case "i32", "u32" -> "JAVA_INT";
            case "i64", "u64" -> "JAVA_LONG";
            case "isize", "usize" -> pointerSize == 8 ? "JAVA_LONG" : "JAVA_INT";
            case "f32" -> "JAVA_FLOAT";
            case "f64" -> "JAVA_DOUBLE";
            case "bool" -> "JAVA_BOOLEAN";
            default -> null;
        };
        return Optional.ofNullable(layout).map(l -> new FfmType(value(l), javaType(l)));
    }

    /** A fieldless enum crosses as its integer representation. */
    static Optional<FfmType> ofEnumRepr(String repr) {
        String layout = REPR_LAYOUTS.get(repr);
        return layout == null ? Optional.empty() : Optional.of(new FfmType(value(layout), javaType(layout)));
    }

    static FfmType address() {
        return new FfmType(value("ADDRESS"), segment());
    }

    /** A struct or union by value: its generated layout constant, as a segment in Java. */
    static FfmType struct(String layoutConstant) {
        return new FfmType(new NameExpr(layoutConstant), segment());
    }

    /** {@code T[N]} inside a struct: a sequence layout, read through a segment slice. */
    static FfmType sequence(long count, FfmType element) {
        return new FfmType(new MethodCallExpr(new NameExpr("MemoryLayout"), "sequenceLayout",
                NodeList.nodeList(new LongLiteralExpr(count + "L"), element.layout())), segment());
    }

    static String layoutConstant(String typeName) {
        return Names.constant(typeName) + "_LAYOUT";
    }

    boolean isSegment() {
        return javaType instanceof ClassOrInterfaceType;
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
