package dev.ferrule.gen;

import com.github.javaparser.StaticJavaParser;
import com.github.javaparser.ast.NodeList;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.BooleanLiteralExpr;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.DoubleLiteralExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.LongLiteralExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.type.Type;
import dev.ferrule.bind.Carrier;
import dev.ferrule.bind.JavaNames;
import dev.ferrule.bind.Mapping;

/** The JavaParser forms of the binding model's types: Java types and FFM layouts. */
final class JavaTypes {

    private JavaTypes() {
    }

    /** A Java type the model names: {@code long}, {@code byte[]}, {@code CounterSettings}. */
    static Type type(String javaType) {
        return StaticJavaParser.parseType(javaType);
    }

    /** The Java type a carrier arrives as. */
    static Type type(Carrier carrier) {
        return type(carrier.javaType());
    }

    /**
     * The layout of a carrier: {@code ValueLayout.JAVA_INT}, a struct's layout constant (qualified
     * with {@code owner}, the raw class, unless null), or a sequence of another layout.
     */
    static Expression layout(Carrier carrier, String owner) {
        return switch (carrier.kind()) {
            case STRUCT -> owner == null ? new NameExpr(JavaNames.layoutConstant(carrier.struct()))
                    : new FieldAccessExpr(new NameExpr(owner), JavaNames.layoutConstant(carrier.struct()));
            case SEQUENCE -> new MethodCallExpr(new NameExpr("MemoryLayout"), "sequenceLayout",
                    NodeList.nodeList(new LongLiteralExpr(carrier.count() + "L"), layout(carrier.element(), owner)));
            default -> new FieldAccessExpr(new NameExpr("ValueLayout"), carrier.valueLayout());
        };
    }

    /** The type a method returns for a mapping: an {@code Optional} of an option's value. */
    static Type result(Mapping mapping) {
        return type(mapping.kind() == Mapping.Kind.OPTION ? "Optional<" + mapping.javaType() + ">"
                : mapping.javaType());
    }

    /**
     * A value on its way to the library, in its carrier's type: a widened unsigned number checked
     * for its Rust range and cut to its bits, a declared {@code bool} as the byte 1 or 0.
     */
    static Expression toCarrier(Mapping mapping, Expression value, String name) {
        Carrier carrier = mapping.carrier();
        if (mapping.javaType().equals(carrier.javaType())) {
            return value;
        }
        if (mapping.javaType().equals("boolean")) {
            return Ast.call(Ast.name("Unsigned"), "flag", value);
        }
        String check = switch (carrier.kind()) {
            case BYTE -> "u8";
            case SHORT -> "u16";
            case INT -> "u32";
            default -> throw new IllegalStateException("no unsigned form of " + carrier);
        };
        return Ast.call(Ast.name("Unsigned"), check, value, Ast.str(name));
    }

    /** A value the library gave, in its Java type: an unsigned number widened, a byte as a {@code boolean}. */
    static Expression fromCarrier(Mapping mapping, Expression value) {
        Carrier carrier = mapping.carrier();
        if (mapping.javaType().equals(carrier.javaType())) {
            return value;
        }
        return switch (carrier.kind()) {
            case BYTE -> mapping.javaType().equals("boolean")
                    ? Ast.binary(value, BinaryExpr.Operator.NOT_EQUALS, Ast.integer(0))
                    : Ast.call(Ast.name("Byte"), "toUnsignedInt", value);
            case SHORT -> Ast.call(Ast.name("Short"), "toUnsignedInt", value);
            case INT -> Ast.call(Ast.name("Integer"), "toUnsignedLong", value);
            default -> throw new IllegalStateException("no widened form of " + carrier);
        };
    }

    /** The zero of a carrier's Java type: what an absent option's value is sent as. */
    static Expression zero(Carrier carrier) {
        return switch (carrier.kind()) {
            case BOOLEAN -> new BooleanLiteralExpr(false);
            case BYTE, SHORT -> new CastExpr(type(carrier), Ast.integer(0));
            case INT -> Ast.integer(0);
            case LONG -> Ast.longLiteral(0);
            case FLOAT -> new DoubleLiteralExpr("0.0f");
            case DOUBLE -> new DoubleLiteralExpr("0.0");
            default -> new FieldAccessExpr(new NameExpr("MemorySegment"), "NULL");
        };
    }
}
