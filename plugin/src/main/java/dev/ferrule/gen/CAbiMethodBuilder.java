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
import com.github.javaparser.ast.expr.BooleanLiteralExpr;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.ClassExpr;
import com.github.javaparser.ast.expr.SimpleName;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import com.github.javaparser.ast.expr.ConditionalExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodReferenceExpr;
import com.github.javaparser.ast.expr.NullLiteralExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.stmt.TryStmt;
import com.github.javaparser.ast.type.ArrayType;
import com.github.javaparser.ast.type.PrimitiveType;
import com.github.javaparser.ast.type.UnknownType;
import com.github.javaparser.ast.type.VoidType;
import dev.ferrule.bind.BindingModel;
import dev.ferrule.bind.BindingModel.CAbiLayer;
import dev.ferrule.bind.BindingModel.CAbiMethod;
import dev.ferrule.bind.BindingModel.CAbiObject;
import dev.ferrule.bind.BindingModel.NativeLayer;
import dev.ferrule.bind.BindingModel.Role;
import dev.ferrule.bind.BindingModel.NativeFunction;
import dev.ferrule.bind.BindingModel.Param;
import dev.ferrule.bind.Carrier;
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
    private static final String FRAME = SafeMethodBuilder.FRAME;
    private static final String OUT = "out$";
    private static final String RESULT = "result$";
    private static final String ERROR = "error$";
    private static final String OK = "ok$";
    private static final String BUFFER = "buffer$";
    private static final String CALLED = "called$";
    private static final String CAPACITY = "capacity$";

    private final CAbiLayer layer;
    private final String rawClass;
    private final NativeLayer natives;

    CAbiMethodBuilder(CAbiLayer layer, String rawClass, NativeLayer natives) {
        this.layer = layer;
        this.rawClass = rawClass;
        this.natives = natives;
    }

    MethodDeclaration build(CAbiMethod method) {
        MethodDeclaration declaration = new MethodDeclaration(NodeList.nodeList(Modifier.publicModifier(),
                Modifier.staticModifier()), new VoidType(), method.name());
        List<Statement> checks = new ArrayList<>();
        List<Statement> prepare = new ArrayList<>();
        List<Expression> args = new ArrayList<>();
        List<String> held = new ArrayList<>();
        List<VariableDeclarationExpr> contexts = new ArrayList<>();
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
                case CALLBACK -> {
                    contexts.add(new VariableDeclarationExpr(new VariableDeclarator(new ClassOrInterfaceType(null,
                            new SimpleName("UpcallContext"), NodeList.nodeList(type(mapping.javaType()))),
                            javaName + "$context", call(name("UpcallContext"), "open", new ClassExpr(type(
                                    mapping.javaType())), name(javaName)))));
                    args.add(field(name("Upcalls"), JavaNames.constant(mapping.target())));
                    args.add(call(name("MemorySegment"), "ofAddress", call(name(javaName + "$context"), "id")));
                }
                case BUFFER -> {
                    args.add(name(BUFFER));
                    args.add(name(CAPACITY));
                    continue;
                }
                case ERROR_OUT -> {
                    prepare.add(declare(type("MemorySegment"), ERROR, call(name("ForeignErrors"), "slot",
                            name(FRAME))));
                    args.add(name(ERROR));
                    continue;
                }
                case LIST -> {
                    String record = layer.record(mapping.target()).orElseThrow().className();
                    prepare.add(declare(type("MemorySegment"), javaName + "$", call(name("CArrays"), "allocate",
                            name(FRAME), field(name(rawClass), JavaNames.layoutConstant(mapping.target())), name(javaName),
                            new MethodReferenceExpr(name(record), null, "write"), str(javaName))));
                    args.add(name(javaName + "$"));
                    args.add(new CastExpr(PrimitiveType.longType(), call(name(javaName), "size")));
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
        if (!contexts.isEmpty()) {
            // A Java exception in a callback comes first: it explains the result that follows.
            NativeFunction raw = natives.function(method.symbol()).orElseThrow();
            List<Statement> rethrows = contexts.stream().map(c -> run(call(name(c.getVariable(0).getNameAsString()),
                    "rethrow"))).toList();
            body.addStatement(declare(JavaTypes.type(raw.result().carrier()), CALLED, downcall));
            rethrows.forEach(body::addStatement);
            downcall = name(CALLED);
        }
        addCall(method, declaration, body, downcall);
        if (!contexts.isEmpty()) {
            body = block(new TryStmt(new NodeList<Expression>(List.<Expression>copyOf(contexts)), body,
                    new NodeList<>(), null));
        }
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

    /**
     * The facade's {@code next} of an iterator object: the next item, copied out of the
     * out-parameters the library lent it in, or null at the end. Package-private: the object's
     * class is the API.
     */
    MethodDeclaration next(CAbiObject object) {
        BindingModel.CAbiIterator iterator = object.iterator().orElseThrow();
        NativeFunction raw = natives.function(iterator.next()).orElseThrow();
        String self = raw.params().get(0).javaName();
        String name = nextName(object);
        MethodDeclaration declaration = new MethodDeclaration(NodeList.nodeList(Modifier.staticModifier()),
                JavaTypes.type(iterator.element().javaType()), name);
        declaration.addParameter(new Parameter(type(object.className()), self));
        BlockStmt body = new BlockStmt();
        List<Expression> args = new ArrayList<>(List.of(name(self + "$")));
        for (int i = 0; i < iterator.outs().size(); i++) {
            Expression layout = iterator.element().kind() == Mapping.Kind.RECORD
                    ? field(name(rawClass), JavaNames.layoutConstant(iterator.element().target()))
                    : i == 0 ? field(name("ValueLayout"), "ADDRESS") : field(name("ValueLayout"), "JAVA_LONG");
            body.addStatement(declare(type("MemorySegment"), OUT + i, call(name(FRAME), "allocate", layout)));
            args.add(name(OUT + i));
        }
        Expression downcall = call(name(rawClass), JavaNames.identifier(iterator.next()),
                args.toArray(Expression[]::new));
        Expression done = raw.result().carrier().kind() == Carrier.Kind.BOOLEAN
                ? new com.github.javaparser.ast.expr.UnaryExpr(downcall,
                        com.github.javaparser.ast.expr.UnaryExpr.Operator.LOGICAL_COMPLEMENT)
                : Ast.binary(downcall, BinaryExpr.Operator.EQUALS, Ast.integer(0));
        body.addStatement(Ast.when(done, ret(new NullLiteralExpr())));
        Expression first = call(name(OUT + 0), "get", field(name("ValueLayout"), "ADDRESS"), Ast.longLiteral(0));
        Expression item = switch (iterator.element().kind()) {
            case BYTES -> call(name("CArrays"), "copy", first, call(name(OUT + 1), "get",
                    field(name("ValueLayout"), "JAVA_LONG"), Ast.longLiteral(0)));
            case STRING -> call(name("Utf8"), "decode", call(name("CArrays"), "copy", first, call(name(OUT + 1),
                    "get", field(name("ValueLayout"), "JAVA_LONG"), Ast.longLiteral(0))));
            case C_STRING -> call(name("CStrings"), "read", call(name(ERRORS), "checkNotNull", first,
                    str(iterator.next())));
            default -> call(name(iterator.element().javaType()), "read", name(OUT + 0));
        };
        body.addStatement(ret(item));
        BlockStmt framed = block(declare(type("MemorySegment"), self + "$", call(name(self), "beginCall")),
                new TryStmt(inFrame(body), new NodeList<>(), block(run(call(name(self), "endCall")))));
        declaration.setBody(framed);
        declaration.setJavadocComment("Calls {@code " + iterator.next() + "}: the next item of {@link "
                + object.className() + "}, a copy, or null at the end.\n@param " + self + " the iterator\n"
                + "@return the next item, or null when there is none");
        return declaration;
    }

    /** The facade method that {@link #next} writes for an object. */
    String nextName(CAbiObject object) {
        String next = object.iterator().orElseThrow().next();
        return JavaNames.identifier(JavaNames.lowerCamel(next.startsWith(layer.prefix())
                ? next.substring(layer.prefix().length()) : next));
    }

    private static boolean usesFrame(CAbiMethod method) {
        return !method.result().isVoid() && method.result().outParam() >= 0 || fills(method)
                || method.params().stream().anyMatch(p -> p.mapping().kind() == Mapping.Kind.ERROR_OUT);
    }

    private void addCall(CAbiMethod method, MethodDeclaration declaration, BlockStmt body, Expression downcall) {
        Mapping result = method.result().isVoid() ? null : method.result().mapping();
        String symbol = method.symbol();
        Expression parent = parent(method);
        switch (method.failure()) {
            case STATUS -> body.addStatement(run(call(name(ERRORS), "checkStatus", downcall, status(), str(symbol))));
            case NEGATIVE -> {
                if (fills(method)) {
                    fill(declaration, body, call(name(ERRORS), "checkNonNegative", downcall, str(symbol)));
                    return;
                }
                declaration.setType(JavaTypes.type(result.carrier()));
                body.addStatement(ret(call(name(ERRORS), "checkNonNegative", downcall, str(symbol))));
                return;
            }
            case NULL -> {
                body.addStatement(declare(type("MemorySegment"), RESULT, call(name(ERRORS), "checkNotNull", downcall,
                        str(symbol))));
                declaration.setType(JavaTypes.type(result.javaType()));
                body.addStatement(ret(fromPointer(result, name(RESULT), parent)));
                return;
            }
            case ERROR_OBJECT -> {
                if (errorObjectCall(method, declaration, body, downcall, parent)) {
                    return;
                }
            }
            default -> {
                if (fills(method)) {
                    fill(declaration, body, downcall);
                    return;
                }
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
        body.addStatement(ret(readOut(method, result, parent)));
    }

    /**
     * The call and the check of its error out-parameter; a {@code bool} or null result without
     * an error fails too. True when the method has returned its result.
     */
    private boolean errorObjectCall(CAbiMethod method, MethodDeclaration declaration, BlockStmt body,
            Expression downcall, Expression parent) {
        NativeFunction raw = natives.function(method.symbol()).orElseThrow();
        Carrier.Kind returned = raw.result() == null ? null : raw.result().carrier().kind();
        String symbol = method.symbol();
        Mapping result = method.result().isVoid() ? null : method.result().mapping();
        if (returned == null) {
            body.addStatement(run(downcall));
            body.addStatement(run(call(name(ERRORS), "checkErrorObject", name(ERROR), new BooleanLiteralExpr(true),
                    str(symbol))));
            return false;
        }
        if (returned == Carrier.Kind.BOOLEAN) {
            body.addStatement(declare(PrimitiveType.booleanType(), OK, downcall));
            body.addStatement(run(call(name(ERRORS), "checkErrorObject", name(ERROR), name(OK), str(symbol))));
            return false;
        }
        if (result != null && result.kind() == Mapping.Kind.OBJECT) {
            body.addStatement(declare(type("MemorySegment"), RESULT, downcall));
            body.addStatement(run(call(name(ERRORS), "checkErrorObject", name(ERROR), Ast.binary(call(name(RESULT),
                    "address"), BinaryExpr.Operator.NOT_EQUALS, Ast.longLiteral(0)), str(symbol))));
            declaration.setType(JavaTypes.type(result.javaType()));
            body.addStatement(ret(fromPointer(result, name(RESULT), parent)));
            return true;
        }
        body.addStatement(declare(JavaTypes.type(raw.result().carrier()), RESULT, downcall));
        body.addStatement(run(call(name(ERRORS), "checkErrorObject", name(ERROR), new BooleanLiteralExpr(true),
                str(symbol))));
        declaration.setType(JavaTypes.type(result.javaType()));
        body.addStatement(ret(JavaTypes.fromCarrier(result, name(RESULT))));
        return true;
    }

    private static boolean fills(CAbiMethod method) {
        return method.params().stream().anyMatch(p -> p.mapping().kind() == Mapping.Kind.BUFFER);
    }

    /** The bytes of a buffer the call fills, asked again with the length it needs when it was too small. */
    private static void fill(MethodDeclaration declaration, BlockStmt body, Expression needed) {
        declaration.setType(JavaTypes.type("byte[]"));
        body.addStatement(ret(call(name("CArrays"), "filled", name(FRAME), new LambdaExpr(NodeList.nodeList(
                new Parameter(new UnknownType(), BUFFER), new Parameter(new UnknownType(), CAPACITY)), needed))));
    }

    /** The object a method belongs to, which an object it returns keeps alive; null for a free function. */
    private static Expression parent(CAbiMethod method) {
        boolean ofObject = method.owner().filter(o -> o.role() == Role.METHOD).isPresent();
        return ofObject ? name(method.params().get(0).javaName()) : new NullLiteralExpr();
    }

    private Expression status() {
        long success = layer.errors() == null ? 0 : layer.errors().success();
        return Ast.integer((int) success);
    }

    /** An object, or a C string, from a pointer that is not null. */
    private Expression fromPointer(Mapping result, Expression pointer, Expression parent) {
        return switch (result.kind()) {
            case OBJECT -> Ast.create(result.javaType(), pointer, parent.clone());
            case C_STRING -> result.target() == null ? call(name("CStrings"), "read", pointer)
                    : call(name("CStrings"), "take", pointer, new MethodReferenceExpr(name(rawClass), null,
                            JavaNames.identifier(result.target())));
            default -> throw new IllegalStateException("no pointer form of " + result);
        };
    }

    /** The result, read from the out-parameter into Java. */
    private Expression readOut(CAbiMethod method, Mapping result, Expression parent) {
        return switch (result.kind()) {
            case RECORD -> call(name(result.javaType()), "read", name(OUT));
            case OBJECT -> fromPointer(result, call(name(ERRORS), "checkNotNull", call(name(OUT), "get",
                    field(name("ValueLayout"), "ADDRESS"), Ast.longLiteral(0)), str(method.symbol())), parent);
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

    private static BlockStmt inFrame(BlockStmt body) {
        return SafeMethodBuilder.inFrame(body);
    }

    private String javadoc(CAbiMethod method, MethodDeclaration declaration) {
        StringBuilder doc = new StringBuilder(Javadocs.withoutSafetyDuties(method.docs()));
        doc.append("<p>Calls {@code ").append(method.symbol()).append("}");
        doc.append(switch (method.failure()) {
            case STATUS -> "; a status other than " + status() + " throws {@link " + layer.exceptionClass() + "}";
            case NEGATIVE -> "; a negative result is an error code, thrown as {@link " + layer.exceptionClass() + "}";
            case NULL -> "; a null result throws {@link " + layer.exceptionClass() + "}";
            case ERROR_OBJECT -> "; an error it writes is thrown as {@link " + layer.exceptionClass()
                    + "} with its message, and freed";
            case NONE -> "";
        }).append('.');
        for (Param param : method.params()) {
            switch (param.mapping().kind()) {
                case C_STRING -> doc.append("\n{@code ").append(param.javaName()).append("} is copied as a"
                        + " NUL-terminated UTF-8 string for this call; a NUL character in it is refused.");
                case CALLBACK -> doc.append("\n{@code ").append(param.javaName()).append("} runs only during this"
                        + " call, on this thread; an exception it throws is rethrown here after the library returns.");
                case STRING, BYTES, LIST -> doc.append("\n{@code ").append(param.javaName()).append("} is copied"
                        + " for this call; Java keeps ownership.");
                default -> {
                }
            }
        }
        Mapping result = method.result().isVoid() ? null : method.result().mapping();
        if (result != null && result.kind() == Mapping.Kind.C_STRING) {
            doc.append(result.target() == null ? "\nThe result is a copy of a string the library keeps."
                    : "\nThe result is a copy; the library's string is freed with {@code " + result.target() + "}.");
        } else if (result != null && result.kind() == Mapping.Kind.OBJECT) {
            doc.append("\nThe caller owns the new object and must close it.").append(method.owner().filter(o -> o
                    .role() == Role.METHOD).isPresent() ? " It keeps {@code " + method.params().get(0).javaName()
                    + "} alive until then." : "");
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
