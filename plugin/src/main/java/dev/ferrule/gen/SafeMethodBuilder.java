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
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.ClassExpr;
import com.github.javaparser.ast.expr.ConditionalExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NullLiteralExpr;
import com.github.javaparser.ast.expr.SimpleName;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.stmt.TryStmt;
import com.github.javaparser.ast.type.ArrayType;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import com.github.javaparser.ast.type.PrimitiveType;
import com.github.javaparser.ast.type.Type;
import com.github.javaparser.ast.type.VoidType;
import dev.ferrule.bind.BindingModel.Method;
import dev.ferrule.bind.BindingModel.Param;
import dev.ferrule.bind.BindingModel.SafeLayer;
import dev.ferrule.bind.JavaNames;
import dev.ferrule.bind.Mapping;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The facade's static methods for one export, written from its mappings: strings and bytes
 * copied into the thread's call frame, the out-parameter read back as the result, the status
 * checked through ferrule-runtime's {@code RuntimeExports}. A method with one byte array also
 * gets a {@code MemorySegment} and a {@code ByteBuffer} form that read the bytes where they are.
 *
 * <p>Every local it declares has a {@code $} in its name, a form no Rust identifier can take, so
 * no parameter can shadow one.
 */
final class SafeMethodBuilder {

    static final String FRAME = "frame$";
    static final String MARK = "mark$";
    static final String OUT = "out$";
    /** Where an optional result's presence is written. */
    static final String PRESENT = "present$";
    static final String STATUS = "status$";
    static final String RESULT = "result$";
    /** The facade's {@code RuntimeExports}, which every method checks its status with. */
    static final String RUNTIME = "RUNTIME";

    private final SafeLayer safe;
    private final String rawClass;

    SafeMethodBuilder(SafeLayer safe, String rawClass) {
        this.safe = safe;
        this.rawClass = rawClass;
    }

    /** The method, then its segment and buffer forms when it takes one byte array. */
    List<MethodDeclaration> build(Method method) {
        String description = description(method);
        MethodDeclaration main = method(method, false);
        main.setJavadocComment(description + tags(main, "see the Rust docs above",
                "the value the call wrote to its out-parameter"));
        if (!method.hasSegmentForms()) {
            return List.of(main);
        }
        MethodDeclaration segment = method(method, true);
        segment.setJavadocComment(description + "\n\n<p>The bytes are read where they are: a native segment is not"
                + " copied." + tags(segment, "see above", "see above"));
        MethodDeclaration buffer = segment.clone();
        NodeList<Expression> args = new NodeList<>();
        for (Parameter parameter : buffer.getParameters()) {
            if (parameter.getType().asString().equals("MemorySegment")) {
                parameter.setType(type("java.nio.ByteBuffer"));
                args.add(call(name("MemorySegment"), "ofBuffer", name(parameter.getNameAsString())));
            } else {
                args.add(name(parameter.getNameAsString()));
            }
        }
        Expression delegate = new MethodCallExpr(null, segment.getNameAsString(), args);
        buffer.setBody(block(buffer.getType().isVoidType() ? run(delegate) : ret(delegate)));
        buffer.setJavadocComment(description + "\n\n<p>The bytes between the buffer's position and limit are read;"
                + " a direct buffer is not copied, and the position does not move." + tags(buffer, "see above",
                "see above"));
        return List.of(main, segment, buffer);
    }

    private MethodDeclaration method(Method method, boolean bytesInSegment) {
        MethodDeclaration declaration = new MethodDeclaration(NodeList.nodeList(Modifier.publicModifier(),
                Modifier.staticModifier()), new VoidType(), method.name());
        Call call = new Call(method);
        for (Param param : method.params()) {
            String javaName = param.javaName();
            Mapping mapping = param.mapping();
            switch (mapping.kind()) {
                case OUT -> {
                    boolean presence = param.natives().get(0) == method.result().presenceParam();
                    Mapping result = method.result().mapping();
                    Mapping value = result.kind() == Mapping.Kind.OPTION ? result.inner() : result;
                    // ferrule-ffi writes every output when it reports success, and it is read only then.
                    call.prepare.add(declare(type("MemorySegment"), presence ? PRESENT : OUT, call(name(FRAME),
                            "scratch", presence ? field(name("ValueLayout"), "JAVA_BOOLEAN") : outLayout(value))));
                    call.args.add(name(presence ? PRESENT : OUT));
                }
                case CALLBACK -> {
                    declaration.addParameter(new Parameter(type(mapping.target()), javaName));
                    call.contexts.add(new VariableDeclarationExpr(new VariableDeclarator(new ClassOrInterfaceType(
                            null, new SimpleName("UpcallContext"), NodeList.nodeList(type(mapping.target()))),
                            javaName + "$context", call(name("UpcallContext"), "open", new ClassExpr(type(
                                    mapping.target())), call(name("Objects"), "requireNonNull", name(javaName),
                                    str(javaName))))));
                    call.args.add(field(name("Upcalls"), JavaNames.constant(mapping.target())));
                    call.args.add(call(name(javaName + "$context"), "id"));
                }
                case OPTION -> {
                    declaration.addParameter(new Parameter(JavaTypes.type(mapping.javaType()), javaName));
                    call.option(mapping.inner(), javaName);
                }
                case BYTES -> {
                    if (bytesInSegment) {
                        declaration.addParameter(new Parameter(type("MemorySegment"), javaName));
                        call.prepare.add(requireNonNull(javaName));
                        Expression copy = call(call(name(FRAME), "scratch", call(name(javaName), "byteSize"),
                                Ast.longLiteral(1)), "copyFrom", name(javaName));
                        call.prepare.add(declare(type("MemorySegment"), javaName + "$segment", method.critical()
                                ? name(javaName) : new ConditionalExpr(call(name(javaName), "isNative"),
                                        name(javaName), copy)));
                        call.args.add(name(javaName + "$segment"));
                        call.args.add(call(name(javaName), "byteSize"));
                        continue;
                    }
                    declaration.addParameter(new Parameter(new ArrayType(PrimitiveType.byteType()), javaName));
                    call.prepare.add(requireNonNull(javaName));
                    call.value(mapping, javaName, name(javaName));
                }
                default -> {
                    Type javaType = JavaTypes.type(mapping.javaType());
                    declaration.addParameter(new Parameter(javaType, javaName));
                    // A nullable record pointer may be null; every other reference must not.
                    if (!javaType.isPrimitiveType() && mapping.kind() != Mapping.Kind.OPTIONAL) {
                        call.prepare.add(requireNonNull(javaName));
                    }
                    call.value(mapping, javaName, name(javaName));
                }
            }
        }
        Expression downcall = call(name(rawClass), JavaNames.identifier(method.symbol()),
                call.args.toArray(Expression[]::new));
        BlockStmt inFrame = new BlockStmt();
        call.prepare.forEach(inFrame::addStatement);
        List<Statement> rethrows = call.contexts.stream().map(c -> run(call(name(c.getVariable(0).getNameAsString()),
                "rethrow"))).toList();
        addCall(method, declaration, inFrame, downcall, rethrows);
        BlockStmt fenced = inFrame;
        if (!call.fenced.isEmpty()) {
            // An object passed by its handle must stay reachable until the call returns, or its
            // tracker could release the handle under the call.
            fenced = block(new TryStmt(inFrame, new NodeList<>(), new BlockStmt(NodeList.nodeList(call.fenced.stream()
                    .map(n -> run(call(name("Reference"), "reachabilityFence", name(n)))).toList()))));
        }
        BlockStmt body = call.contexts.isEmpty() ? fenced : block(new TryStmt(new NodeList<Expression>(
                List.<Expression>copyOf(call.contexts)), fenced, new NodeList<>(), null));
        // Calls with nothing to allocate need no memory; the rest comes from the thread's call frame.
        declaration.setBody(call.prepare.isEmpty() ? body : inFrame(body));
        if (method.deprecation() != null) {
            declaration.addMarkerAnnotation("Deprecated");
        }
        return declaration;
    }

    /** What one downcall is assembled from: the statements before it, its arguments, and what it holds. */
    private final class Call {
        final Method method;
        final List<Statement> prepare = new ArrayList<>();
        final List<Expression> args = new ArrayList<>();
        /** One context per callback parameter: how the shared upcall stub finds this call's callback. */
        final List<VariableDeclarationExpr> contexts = new ArrayList<>();
        /** Objects passed by handle, which must stay reachable through the call. */
        final List<String> fenced = new ArrayList<>();

        Call(Method method) {
            this.method = method;
        }

        /** The C arguments of a value that is there: {@code value} is its Java expression. */
        void value(Mapping mapping, String javaName, Expression value) {
            switch (mapping.kind()) {
                case STRING, BYTES -> {
                    boolean text = mapping.kind() == Mapping.Kind.STRING;
                    prepare.add(declare(new ArrayType(PrimitiveType.byteType()), javaName + "$bytes", text
                            ? call(name("Utf8"), "encode", value, str(javaName)) : value));
                    // A critical downcall may read the Java array in place; any other needs a native copy.
                    prepare.add(declare(type("MemorySegment"), javaName + "$segment", method.critical()
                            ? call(name("MemorySegment"), "ofArray", name(javaName + "$bytes"))
                            : call(name(FRAME), "allocateFrom", field(name("ValueLayout"), "JAVA_BYTE"),
                                    name(javaName + "$bytes"))));
                    args.add(name(javaName + "$segment"));
                    args.add(new CastExpr(PrimitiveType.longType(), field(name(javaName + "$bytes"), "length")));
                }
                case ENUM -> args.add(call(value, "value"));
                case RECORD, OPTIONAL -> {
                    // A struct by value, or behind a pointer the library only reads, is a record copied into the call.
                    Expression copy = call(value, "allocate", name(FRAME));
                    if (mapping.kind() == Mapping.Kind.OPTIONAL) {
                        copy = new ConditionalExpr(Ast.binary(value, BinaryExpr.Operator.EQUALS,
                                new NullLiteralExpr()), field(name("MemorySegment"), "NULL"), copy);
                    }
                    prepare.add(declare(type("MemorySegment"), javaName + "$segment", copy));
                    args.add(name(javaName + "$segment"));
                }
                case OBJECT -> {
                    if (isTyped(mapping)) {
                        fenced.add(javaName);
                        args.add(call(value, "handle"));
                    } else {
                        args.add(value);
                    }
                }
                default -> args.add(JavaTypes.toCarrier(mapping, value, javaName));
            }
        }

        /**
         * The C arguments of an option: a presence byte, then the value's, each a zero or null when
         * it is absent; an object's is its handle, or handle 0 for none.
         */
        void option(Mapping inner, String javaName) {
            Expression absent = Ast.binary(name(javaName), BinaryExpr.Operator.EQUALS, new NullLiteralExpr());
            if (inner.kind() == Mapping.Kind.OBJECT) {
                fenced.add(javaName);
                args.add(new ConditionalExpr(absent, Ast.longLiteral(0), call(name(javaName), "handle")));
                return;
            }
            args.add(call(name("Unsigned"), "flag", Ast.binary(name(javaName), BinaryExpr.Operator.NOT_EQUALS,
                    new NullLiteralExpr())));
            switch (inner.kind()) {
                case STRING, BYTES -> {
                    boolean text = inner.kind() == Mapping.Kind.STRING;
                    prepare.add(declare(new ArrayType(PrimitiveType.byteType()), javaName + "$bytes",
                            new ConditionalExpr(absent, new NullLiteralExpr(), text ? call(name("Utf8"), "encode",
                                    name(javaName), str(javaName)) : name(javaName))));
                    Expression bytesAbsent = Ast.binary(name(javaName + "$bytes"), BinaryExpr.Operator.EQUALS,
                            new NullLiteralExpr());
                    prepare.add(declare(type("MemorySegment"), javaName + "$segment", new ConditionalExpr(
                            bytesAbsent.clone(), field(name("MemorySegment"), "NULL"), call(name(FRAME),
                                    "allocateFrom", field(name("ValueLayout"), "JAVA_BYTE"),
                                    name(javaName + "$bytes")))));
                    args.add(name(javaName + "$segment"));
                    args.add(new ConditionalExpr(bytesAbsent, Ast.longLiteral(0), new CastExpr(
                            PrimitiveType.longType(), field(name(javaName + "$bytes"), "length"))));
                }
                case RECORD -> {
                    // A struct is passed by value even when absent; the library does not read it then.
                    prepare.add(declare(type("MemorySegment"), javaName + "$segment", new ConditionalExpr(absent,
                            call(name(FRAME), "allocate", field(name(rawClass), JavaNames.layoutConstant(
                                    inner.target()))), call(name(javaName), "allocate", name(FRAME)))));
                    args.add(name(javaName + "$segment"));
                }
                case ENUM -> args.add(new ConditionalExpr(absent, JavaTypes.zero(inner.carrier()),
                        call(name(javaName), "value")));
                default -> args.add(new ConditionalExpr(absent, JavaTypes.zero(inner.carrier()),
                        JavaTypes.toCarrier(inner, name(javaName), javaName)));
            }
        }
    }

    /** A declared object's mapping names its class; a conventional one is a bare {@code long} handle. */
    static boolean isTyped(Mapping mapping) {
        return mapping.kind() == Mapping.Kind.OBJECT && !mapping.javaType().equals(mapping.carrier().javaType());
    }

    /** The downcall, its status check and the result, after any callback's exception is rethrown. */
    private void addCall(Method method, MethodDeclaration declaration, BlockStmt body, Expression downcall,
            List<Statement> rethrows) {
        Mapping result = method.result().mapping();
        if (!method.status().value()) {
            if (result == null) {
                body.addStatement(run(downcall));
                rethrows.forEach(body::addStatement);
                return;
            }
            declaration.setType(JavaTypes.type(result.carrier()));
            if (rethrows.isEmpty()) {
                body.addStatement(ret(downcall));
                return;
            }
            body.addStatement(declare(JavaTypes.type(result.carrier()), RESULT, downcall));
            rethrows.forEach(body::addStatement);
            body.addStatement(ret(name(RESULT)));
            return;
        }
        if (rethrows.isEmpty()) {
            body.addStatement(run(call(name(RUNTIME), "check", downcall)));
        } else {
            // A Java exception in the callback comes first: it explains the status that follows.
            body.addStatement(declare(PrimitiveType.intType(), STATUS, downcall));
            rethrows.forEach(body::addStatement);
            body.addStatement(run(call(name(RUNTIME), "check", name(STATUS))));
        }
        if (result != null) {
            declaration.setType(JavaTypes.result(result));
            body.addStatement(ret(readResult(result)));
        }
    }

    /** The memory an out-parameter needs. */
    private Expression outLayout(Mapping result) {
        return switch (result.kind()) {
            case STRING, BYTES -> field(name(rawClass), JavaNames.layoutConstant("FfiBuffer"));
            case RECORD, SEGMENT -> field(name(rawClass), JavaNames.layoutConstant(result.target()));
            default -> JavaTypes.layout(result.carrier(), rawClass);
        };
    }

    /** The result, read from the out-parameter into Java memory. */
    private Expression readResult(Mapping result) {
        return switch (result.kind()) {
            case OPTION -> new ConditionalExpr(call(name(PRESENT), "get", field(name("ValueLayout"), "JAVA_BOOLEAN"),
                    Ast.longLiteral(0)), call(name("Optional"), "of", readResult(result.inner())),
                    call(name("Optional"), "empty"));
            case STRING -> call(name(RUNTIME), "takeString", name(OUT));
            case BYTES -> call(name(RUNTIME), "takeBytes", name(OUT));
            case RECORD -> call(name(result.target()), "read", name(OUT));
            case ENUM -> call(name(result.target()), "fromValue", call(name(OUT), "get",
                    JavaTypes.layout(result.carrier(), rawClass), Ast.longLiteral(0)));
            // The call's frame is reused after the call; the result is copied into GC-managed memory.
            case SEGMENT -> call(call(call(name("Arena"), "ofAuto"), "allocate", outLayout(result)), "copyFrom",
                    name(OUT));
            case OBJECT -> {
                Expression handle = call(name(OUT), "get", JavaTypes.layout(result.carrier(), rawClass),
                        Ast.longLiteral(0));
                yield isTyped(result) ? Ast.create(result.javaType(), handle) : handle;
            }
            default -> JavaTypes.fromCarrier(result, call(name(OUT), "get", JavaTypes.layout(result.carrier(),
                    rawClass), Ast.longLiteral(0)));
        };
    }

    private static Statement requireNonNull(String javaName) {
        return run(call(name("Objects"), "requireNonNull", name(javaName), str(javaName)));
    }

    /**
     * Runs {@code body} with the thread's {@code CallFrame} for its temporaries, reset in
     * {@code finally}: no {@code malloc}, no session, so a fast downcall stays fast.
     */
    static BlockStmt inFrame(BlockStmt body) {
        return block(declare(type("CallFrame"), FRAME, call(name("CallFrame"), "current")),
                declare(PrimitiveType.longType(), MARK, call(name(FRAME), "mark")),
                new TryStmt(body, new NodeList<>(), block(run(call(name(FRAME), "reset", name(MARK))))));
    }

    /** The Javadoc's text: the Rust docs without their safety duties, then the call's contract. */
    private String description(Method method) {
        StringBuilder doc = new StringBuilder(Javadocs.withoutSafetyDuties(method.docs()));
        doc.append("<p>Calls {@code ").append(method.symbol()).append("}; throws {@link ")
                .append(safe.exceptionClass()).append("} when it fails.");
        for (Param param : method.params()) {
            if (param.mapping().kind() == Mapping.Kind.STRING || param.mapping().kind() == Mapping.Kind.BYTES) {
                doc.append("\n{@code ").append(param.javaName()).append("} is lent to the library for this call only")
                        .append(method.critical() ? ", in place (a critical call)" : ", as a call-scoped native copy")
                        .append("; Java keeps ownership.");
            } else if (param.mapping().kind() == Mapping.Kind.CALLBACK) {
                doc.append("\n{@code ").append(param.javaName()).append("} runs only during this call, on this"
                        + " thread; an exception it throws is rethrown here after the library returns.");
            }
        }
        Mapping result = method.result().outParam() < 0 ? null : method.result().mapping();
        if (result != null && result.kind() == Mapping.Kind.STRING) {
            doc.append("\nThe result is copied out of the library's buffer, which is released before this returns.");
        } else if (result != null && result.kind() == Mapping.Kind.OBJECT) {
            String release = safe.object(result.target()).flatMap(o -> safe.method(o.release())).orElseThrow()
                    .name();
            doc.append("\nThe caller owns the returned handle and must release it once ({@link #").append(release)
                    .append("}).");
        } else if (result != null && result.kind() != Mapping.Kind.VALUE) {
            doc.append("\nThe result is a Java copy; no native memory stays behind.");
        }
        doc.append("\n\n<p>Thread safety: any thread may call this. Objects behind handles are {@code Send + Sync}"
                + " in Rust\n(ferrule-ffi's registry requires it), and one released by another thread during the call"
                + " stays\nvalid until the call returns.");
        return doc.toString();
    }

    private static String tags(MethodDeclaration declaration, String param, String returns) {
        String params = declaration.getParameters().stream().map(p -> "\n@param " + p.getNameAsString() + " "
                + param).collect(Collectors.joining());
        return params + (declaration.getType().isVoidType() ? "" : "\n@return " + returns);
    }
}
