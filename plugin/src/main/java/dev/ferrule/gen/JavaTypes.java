package dev.ferrule.gen;

import com.github.javaparser.StaticJavaParser;
import com.github.javaparser.ast.NodeList;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.LongLiteralExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.type.Type;
import dev.ferrule.bind.Carrier;
import dev.ferrule.bind.JavaNames;

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
}
