package dev.ferrule.gen;

import static dev.ferrule.gen.Ast.block;
import static dev.ferrule.gen.Ast.create;
import static dev.ferrule.gen.Ast.field;
import static dev.ferrule.gen.Ast.integer;
import static dev.ferrule.gen.Ast.name;
import static dev.ferrule.gen.Ast.ret;
import static dev.ferrule.gen.Ast.str;

import com.github.javaparser.ast.ArrayCreationLevel;
import com.github.javaparser.ast.NodeList;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.expr.ArrayCreationExpr;
import com.github.javaparser.ast.expr.ArrayInitializerExpr;
import com.github.javaparser.ast.expr.BooleanLiteralExpr;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.type.PrimitiveType;
import com.github.javaparser.ast.type.UnknownType;
import dev.ferrule.bind.BindingModel.CallbackType;
import dev.ferrule.bind.BindingModel.RecordField;
import dev.ferrule.bind.BindingModel.RecordType;
import dev.ferrule.bind.BindingModel.SafeLayer;
import dev.ferrule.bind.Carrier;
import dev.ferrule.bind.Mapping;

/**
 * An ordinary value of each Java type the safe layer takes, for the parameters a generated test
 * does not vary: 1 for numbers, {@code "ferrule"}, three bytes, the first enum constant, a
 * record of ordinary fields, a callback that returns an ordinary value.
 */
final class TypicalValues {

    private final SafeLayer safe;

    TypicalValues(SafeLayer safe) {
        this.safe = safe;
    }

    /** An ordinary value of a parameter; an object's handle is the caller's business. */
    Expression of(Mapping mapping) {
        return switch (mapping.kind()) {
            case STRING -> str("ferrule");
            case BYTES -> new ArrayCreationExpr(PrimitiveType.byteType(), NodeList.nodeList(new ArrayCreationLevel()),
                    new ArrayInitializerExpr(NodeList.nodeList(integer(1), integer(2), integer(3))));
            case ENUM -> field(name(mapping.target()), safe.enumeration(mapping.target()).orElseThrow().variants()
                    .get(0).constant());
            case RECORD, OPTIONAL -> record(safe.record(mapping.target()).orElseThrow());
            case CALLBACK -> callback(safe.callback(mapping.target()).orElseThrow());
            case OPTION -> of(mapping.inner());
            case VALUE -> of(mapping.javaType());
            case OBJECT -> of(mapping.carrier());
            default -> throw new IllegalArgumentException("no typical value for " + mapping);
        };
    }

    /** An ordinary value of a primitive carrier. */
    static Expression of(Carrier carrier) {
        if (!carrier.isValue()) {
            throw new IllegalArgumentException("no typical value for " + carrier);
        }
        return of(carrier.javaType());
    }

    /** An ordinary value of a primitive Java type: {@code false}, {@code 1L}, {@code (byte) 1}. */
    private static Expression of(String javaType) {
        return switch (javaType) {
            case "boolean" -> new BooleanLiteralExpr(false);
            case "long" -> Ast.longLiteral(1);
            case "int" -> integer(1);
            default -> new CastExpr(JavaTypes.type(javaType), integer(1));
        };
    }

    private Expression record(RecordType record) {
        NodeList<Expression> fields = new NodeList<>();
        for (RecordField field : record.fields()) {
            fields.add(of(field.mapping()));
        }
        return create(record.name(), fields.toArray(Expression[]::new));
    }

    private static Expression callback(CallbackType callback) {
        NodeList<Parameter> params = new NodeList<>();
        for (int i = 0; i < callback.params().size(); i++) {
            params.add(new Parameter(new UnknownType(), "arg" + i));
        }
        return new LambdaExpr(params, callback.resultJava() == null ? block()
                : block(ret(of(callback.resultJava().javaType()))));
    }
}
