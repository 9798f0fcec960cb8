package dev.ferrule.gen;

import static dev.ferrule.gen.Ast.block;
import static dev.ferrule.gen.Ast.call;
import static dev.ferrule.gen.Ast.declare;
import static dev.ferrule.gen.Ast.field;
import static dev.ferrule.gen.Ast.name;
import static dev.ferrule.gen.Ast.ret;
import static dev.ferrule.gen.Ast.run;
import static dev.ferrule.gen.Ast.str;
import static dev.ferrule.gen.Ast.type;

import com.github.javaparser.ast.Modifier;
import com.github.javaparser.ast.NodeList;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.ConditionalExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodReferenceExpr;
import com.github.javaparser.ast.expr.NullLiteralExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.stmt.TryStmt;
import com.github.javaparser.ast.type.ArrayType;
import com.github.javaparser.ast.type.PrimitiveType;
import com.github.javaparser.ast.type.VoidType;
import dev.ferrule.bind.BindingModel.CAbiLayer;
import dev.ferrule.bind.BindingModel.CAbiMethod;
import dev.ferrule.bind.BindingModel.Param;
import dev.ferrule.bind.JavaNames;
import dev.ferrule.bind.Mapping;
import java.util.ArrayList;
import java.util.List;

/**
 * The facade's static method for one export of a C ABI: each object the call uses is held open
 * for the call ({@code beginCall}/{@code endCall}), strings and bytes are copied into the
 * thread's call frame, and the result is checked the way the crate declares its failures, through
 * ferrule-runtime's {@code ForeignErrors}. Locals have a {@code $} in their names, which no Rust
 * identifier has.
 */
final class CAbiMethodBuilder {

    static final String ERRORS = "ERRORS";
    private static final String FRAME = "frame$";
    private static final String MARK = "mark$";
    private static final String OUT = "out$";
    private static final String RESULT = "result$";

    private final CAbiLayer layer;
    private final String rawClass;

    CAbiMethodBuilder(CAbiLayer layer, String rawClass) {
        this.layer = layer;
        this.rawClass = rawClass;
    }

    MethodDeclaration build(CAbiMethod method) {
        MethodDeclaration declaration = new MethodDeclaration(NodeList.nodeList(Modifier.publicModifier(),
                Modifier.staticModifier()), new VoidType(), method.name());
        List<Statement> checks = new ArrayList<>();
        List<Statement> prepare = new ArrayList<>();
        List<Expression> args = new ArrayList<>();
        List<String> held = new ArrayList<>();
        for (Param param : method.params()) {
            String javaName = param.javaName();
            Mapping mapping = param.mapping();
            switch (mapping.kind()) {
                case OUT -> {
                    prepare.add(declare(type("MemorySegment"), OUT, call(name(FRAME), "allocate",
                            outLayout(method.result().mapping()))));
                    args.add(name(OUT));
                    continue;
                }
                case OBJECT -> {
                    held.add(javaName);
                    args.add(name(javaName + "$"));
                }
                case C_STRING -> {
                    prepare.add(declare(type("MemorySegment"), javaName + "$", call(name("CStrings"), "allocate",
                            name(FRAME), name(javaName), str(javaName))));
                    args.add(name(javaName + "$"));
                }
                case STRING, BYTES -> {
                    boolean text = mapping.kind() == Mapping.Kind.STRING;
                    prepare.add(declare(new ArrayType(PrimitiveType.byteType()), javaName + "$bytes", text
                            ? call(name("Utf8"), "encode", name(javaName), str(javaName)) : name(javaName)));
                    prepare.add(declare(type("MemorySegment"), javaName + "$", call(name(FRAME), "allocateFrom",
                            field(name("ValueLayout"), "JAVA_BYTE"), name(javaName + "$bytes"))));
                    args.add(name(javaName + "$"));
                    args.add(new CastExpr(PrimitiveType.longType(), field(name(javaName + "$bytes"), "length")));
                }
                case RECORD, OPTIONAL -> {
                    Expression copy = call(name(javaName), "allocate", name(FRAME));
                    if (mapping.kind() == Mapping.Kind.OPTIONAL) {
                        copy = new ConditionalExpr(Ast.binary(name(javaName), BinaryExpr.Operator.EQUALS,
                                new NullLiteralExpr()), field(name("MemorySegment"), "NULL"), copy);
                    }
                    prepare.add(declare(type("MemorySegment"), javaName + "$", copy));
                    args.add(name(javaName + "$"));
                }
                default -> args.add(JavaTypes.toCarrier(mapping, name(javaName), javaName));
            }
            declaration.addParameter(new Parameter(JavaTypes.type(mapping.javaType()), javaName));
            boolean reference = !JavaTypes.type(mapping.javaType()).isPrimitiveType();
            if (reference && mapping.kind() != Mapping.Kind.OPTIONAL) {
                checks.add(run(call(name("Objects"), "requireNonNull", name(javaName), str(javaName))));
            }
        }
        Expression downcall = call(name(rawClass), JavaNames.identifier(method.symbol()),
                args.toArray(Expression[]::new));
        BlockStmt body = new BlockStmt();
        prepare.forEach(body::addStatement);
        addCall(method, declaration, body, downcall);
        BlockStmt framed = prepare.isEmpty() && !usesFrame(method) ? body : inFrame(body);
        // Objects are held from the first to the last: each one's release waits for this call.
        for (int i = held.size() - 1; i >= 0; i--) {
            String object = held.get(i);
            framed = block(declare(type("MemorySegment"), object + "$", call(name(object), "beginCall")),
                    new TryStmt(framed, new NodeList<>(), block(run(call(name(object), "endCall")))));
        }
        BlockStmt all = new BlockStmt();
        checks.forEach(all::addStatement);
        framed.getStatements().forEach(all::addStatement);
        declaration.setBody(all);
        if (method.deprecation() != null) {
            declaration.addMarkerAnnotation("Deprecated");
        }
        declaration.setJavadocComment(javadoc(method, declaration));
        return declaration;
    }

    private static boolean usesFrame(CAbiMethod method) {
        return !method.result().isVoid() && method.result().outParam() >= 0;
    }

    private void addCall(CAbiMethod method, MethodDeclaration declaration, BlockStmt body, Expression downcall) {
        Mapping result = method.result().isVoid() ? null : method.result().mapping();
        String symbol = method.symbol();
        switch (method.failure()) {
            case STATUS -> body.addStatement(run(call(name(ERRORS), "checkStatus", downcall, status(), str(symbol))));
            case NEGATIVE -> {
                declaration.setType(JavaTypes.type(result.carrier()));
                body.addStatement(ret(call(name(ERRORS), "checkNonNegative", downcall, str(symbol))));
                return;
            }
            case NULL -> {
                body.addStatement(declare(type("MemorySegment"), RESULT, call(name(ERRORS), "checkNotNull", downcall,
                        str(symbol))));
                declaration.setType(JavaTypes.type(result.javaType()));
                body.addStatement(ret(fromPointer(result, name(RESULT))));
                return;
            }
            default -> {
                if (result != null && method.result().outParam() < 0) {
                    declaration.setType(JavaTypes.type(result.javaType()));
                    body.addStatement(ret(JavaTypes.fromCarrier(result, downcall)));
                    return;
                }
                body.addStatement(run(downcall));
            }
        }
        if (result == null) {
            return;
        }
        declaration.setType(JavaTypes.type(result.javaType()));
        body.addStatement(ret(readOut(method, result)));
    }

    private Expression status() {
        long success = layer.errors() == null ? 0 : layer.errors().success();
        return Ast.integer((int) success);
    }

    /** An object, or a C string, from a pointer that is not null. */
    private Expression fromPointer(Mapping result, Expression pointer) {
        return switch (result.kind()) {
            case OBJECT -> Ast.create(result.javaType(), pointer);
            case C_STRING -> result.target() == null ? call(name("CStrings"), "read", pointer)
                    : call(name("CStrings"), "take", pointer, new MethodReferenceExpr(name(rawClass), null,
                            JavaNames.identifier(result.target())));
            default -> throw new IllegalStateException("no pointer form of " + result);
        };
    }

    /** The result, read from the out-parameter into Java. */
    private Expression readOut(CAbiMethod method, Mapping result) {
        return switch (result.kind()) {
            case RECORD -> call(name(result.javaType()), "read", name(OUT));
            case OBJECT -> fromPointer(result, call(name(ERRORS), "checkNotNull", call(name(OUT), "get",
                    field(name("ValueLayout"), "ADDRESS"), Ast.longLiteral(0)), str(method.symbol())));
            default -> JavaTypes.fromCarrier(result, call(name(OUT), "get", JavaTypes.layout(result.carrier(),
                    rawClass), Ast.longLiteral(0)));
        };
    }

    private Expression outLayout(Mapping result) {
        return switch (result.kind()) {
            case RECORD -> field(name(rawClass), JavaNames.layoutConstant(result.target()));
            default -> JavaTypes.layout(result.carrier(), rawClass);
        };
    }

    /** The thread's call frame for the call's temporaries, reset in {@code finally}. */
    private static BlockStmt inFrame(BlockStmt body) {
        return block(declare(type("CallFrame"), FRAME, call(name("CallFrame"), "current")),
                declare(PrimitiveType.longType(), MARK, call(name(FRAME), "mark")),
                new TryStmt(body, new NodeList<>(), block(run(call(name(FRAME), "reset", name(MARK))))));
    }

    private String javadoc(CAbiMethod method, MethodDeclaration declaration) {
        StringBuilder doc = new StringBuilder();
        String rustDocs = method.docs() == null ? "" : method.docs().strip();
        int safety = rustDocs.indexOf("# Safety");
        if (safety >= 0) {
            rustDocs = rustDocs.substring(0, safety).strip();
        }
        if (!rustDocs.isEmpty()) {
            doc.append(Javadocs.escape(rustDocs)).append("\n\n");
        }
        doc.append("<p>Calls {@code ").append(method.symbol()).append("}");
        doc.append(switch (method.failure()) {
            case STATUS -> "; a status other than " + status() + " throws {@link " + layer.exceptionClass() + "}";
            case NEGATIVE -> "; a negative result is an error code, thrown as {@link " + layer.exceptionClass() + "}";
            case NULL -> "; a null result throws {@link " + layer.exceptionClass() + "}";
            case NONE -> "";
        }).append('.');
        for (Param param : method.params()) {
            switch (param.mapping().kind()) {
                case C_STRING -> doc.append("\n{@code ").append(param.javaName()).append("} is copied as a"
                        + " NUL-terminated UTF-8 string for this call; a NUL character in it is refused.");
                case STRING, BYTES -> doc.append("\n{@code ").append(param.javaName()).append("} is copied for this"
                        + " call; Java keeps ownership.");
                default -> {
                }
            }
        }
        Mapping result = method.result().isVoid() ? null : method.result().mapping();
        if (result != null && result.kind() == Mapping.Kind.C_STRING) {
            doc.append(result.target() == null ? "\nThe result is a copy of a string the library keeps."
                    : "\nThe result is a copy; the library's string is freed with {@code " + result.target() + "}.");
        } else if (result != null && result.kind() == Mapping.Kind.OBJECT) {
            doc.append("\nThe caller owns the new object and must close it.");
        }
        for (Parameter parameter : declaration.getParameters()) {
            doc.append("\n@param ").append(parameter.getNameAsString()).append(" see the Rust docs above");
        }
        if (!declaration.getType().isVoidType()) {
            doc.append("\n@return see the Rust docs above");
        }
        return doc.toString();
    }
}
