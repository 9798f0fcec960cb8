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
        List<Statement> prepare = new ArrayList<>();
        List<Expression> args = new ArrayList<>();
        // One context per callback parameter: how the shared upcall stub finds this call's callback.
        List<VariableDeclarationExpr> contexts = new ArrayList<>();
        for (Param param : method.params()) {
            String javaName = param.javaName();
            Mapping mapping = param.mapping();
            switch (mapping.kind()) {
                case STRING, BYTES -> {
                    boolean text = mapping.kind() == Mapping.Kind.STRING;
                    prepare.add(requireNonNull(javaName));
                    if (bytesInSegment && !text) {
                        declaration.addParameter(new Parameter(type("MemorySegment"), javaName));
                        Expression copy = call(call(name(FRAME), "allocate", call(name(javaName), "byteSize")),
                                "copyFrom", name(javaName));
                        prepare.add(declare(type("MemorySegment"), javaName + "$segment", method.critical()
                                ? name(javaName) : new ConditionalExpr(call(name(javaName), "isNative"),
                                        name(javaName), copy)));
                        args.add(name(javaName + "$segment"));
                        args.add(call(name(javaName), "byteSize"));
                        continue;
                    }
                    declaration.addParameter(new Parameter(text ? type("String")
                            : new ArrayType(PrimitiveType.byteType()), javaName));
                    prepare.add(declare(new ArrayType(PrimitiveType.byteType()), javaName + "$bytes", text
                            ? call(name("Utf8"), "encode", name(javaName), str(javaName)) : name(javaName)));
                    // A critical downcall may read the Java array in place; any other needs a native copy.
                    prepare.add(declare(type("MemorySegment"), javaName + "$segment", method.critical()
                            ? call(name("MemorySegment"), "ofArray", name(javaName + "$bytes"))
                            : call(name(FRAME), "allocateFrom", field(name("ValueLayout"), "JAVA_BYTE"),
                                    name(javaName + "$bytes"))));
                    args.add(name(javaName + "$segment"));
                    args.add(new CastExpr(PrimitiveType.longType(), field(name(javaName + "$bytes"), "length")));
                }
                case OUT -> {
                    prepare.add(declare(type("MemorySegment"), OUT, call(name(FRAME), "allocate",
                            outLayout(method.result().mapping()))));
                    args.add(name(OUT));
                }
                case CALLBACK -> {
                    declaration.addParameter(new Parameter(type(mapping.target()), javaName));
                    contexts.add(new VariableDeclarationExpr(new VariableDeclarator(new ClassOrInterfaceType(null,
                            new SimpleName("UpcallContext"), NodeList.nodeList(type(mapping.target()))),
                            javaName + "$context", call(name("UpcallContext"), "open", new ClassExpr(type(
                                    mapping.target())), call(name("Objects"), "requireNonNull", name(javaName),
                                    str(javaName))))));
                    args.add(field(name("Upcalls"), JavaNames.constant(mapping.target())));
                    args.add(call(name(javaName + "$context"), "id"));
                }
                case ENUM -> {
                    declaration.addParameter(new Parameter(type(mapping.javaType()), javaName));
                    prepare.add(requireNonNull(javaName));
                    args.add(call(name(javaName), "value"));
                }
                case RECORD, OPTIONAL -> {
                    // A struct by value, or behind a pointer the library only reads, is a record copied into the call.
                    declaration.addParameter(new Parameter(type(mapping.javaType()), javaName));
                    Expression copy = call(name(javaName), "allocate", name(FRAME));
                    if (mapping.kind() == Mapping.Kind.RECORD) {
                        prepare.add(requireNonNull(javaName));
                    } else {
                        copy = new ConditionalExpr(Ast.binary(name(javaName), BinaryExpr.Operator.EQUALS,
                                new NullLiteralExpr()), field(name("MemorySegment"), "NULL"), copy);
                    }
                    prepare.add(declare(type("MemorySegment"), javaName + "$segment", copy));
                    args.add(name(javaName + "$segment"));
                }
                default -> {
                    declaration.addParameter(new Parameter(JavaTypes.type(mapping.carrier()), javaName));
                    args.add(name(javaName));
                }
            }
        }
        Expression downcall = call(name(rawClass), JavaNames.identifier(method.symbol()),
                args.toArray(Expression[]::new));
        BlockStmt inFrame = new BlockStmt();
        prepare.forEach(inFrame::addStatement);
        List<Statement> rethrows = contexts.stream().map(c -> run(call(name(c.getVariable(0).getNameAsString()),
                "rethrow"))).toList();
        addCall(method, declaration, inFrame, downcall, rethrows);
        BlockStmt body = contexts.isEmpty() ? inFrame : block(new TryStmt(new NodeList<Expression>(
                List.<Expression>copyOf(contexts)), inFrame, new NodeList<>(), null));
        // Calls with nothing to allocate need no memory; the rest comes from the thread's call frame.
        declaration.setBody(prepare.isEmpty() ? body : inFrame(body));
        if (method.deprecation() != null) {
            declaration.addMarkerAnnotation("Deprecated");
        }
        return declaration;
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
            declaration.setType(JavaTypes.type(result.javaType()));
            body.addStatement(ret(readResult(result)));
        }
    }

    /** The memory an out-parameter needs. */
    private Expression outLayout(Mapping result) {
        return switch (result.kind()) {
            case STRING -> field(name(rawClass), JavaNames.layoutConstant("FfiBuffer"));
            case RECORD, SEGMENT -> field(name(rawClass), JavaNames.layoutConstant(result.target()));
            default -> JavaTypes.layout(result.carrier(), rawClass);
        };
    }

    /** The result, read from the out-parameter into Java memory. */
    private Expression readResult(Mapping result) {
        return switch (result.kind()) {
            case STRING -> call(name(RUNTIME), "takeString", name(OUT));
            case RECORD -> call(name(result.target()), "read", name(OUT));
            case ENUM -> call(name(result.target()), "fromValue", call(name(OUT), "get",
                    JavaTypes.layout(result.carrier(), rawClass), Ast.longLiteral(0)));
            // The call's frame is reused after the call; the result is copied into GC-managed memory.
            case SEGMENT -> call(call(call(name("Arena"), "ofAuto"), "allocate", outLayout(result)), "copyFrom",
                    name(OUT));
            default -> call(name(OUT), "get", JavaTypes.layout(result.carrier(), rawClass), Ast.longLiteral(0));
        };
    }

    private static Statement requireNonNull(String javaName) {
        return run(call(name("Objects"), "requireNonNull", name(javaName), str(javaName)));
    }

    /**
     * Runs {@code body} with the thread's {@code CallFrame} for its temporaries, reset in
     * {@code finally}: no {@code malloc}, no session, so a fast downcall stays fast.
     */
    private static BlockStmt inFrame(BlockStmt body) {
        return block(declare(type("CallFrame"), FRAME, call(name("CallFrame"), "current")),
                declare(PrimitiveType.longType(), MARK, call(name(FRAME), "mark")),
                new TryStmt(body, new NodeList<>(), block(run(call(name(FRAME), "reset", name(MARK))))));
    }

    /** The Javadoc's text: the Rust docs without their safety duties, then the call's contract. */
    private String description(Method method) {
        StringBuilder doc = new StringBuilder();
        String rustDocs = method.docs() == null ? "" : method.docs().strip();
        // The raw function's "# Safety" duties are what this wrapper discharges; they do not apply here.
        int safety = rustDocs.indexOf("# Safety");
        if (safety >= 0) {
            rustDocs = rustDocs.substring(0, safety).strip();
        }
        if (!rustDocs.isEmpty()) {
            doc.append(Javadocs.escape(rustDocs)).append("\n\n");
        }
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
