package dev.ferrule.gen;

import static dev.ferrule.gen.Ast.block;
import static dev.ferrule.gen.Ast.call;
import static dev.ferrule.gen.Ast.create;
import static dev.ferrule.gen.Ast.integer;
import static dev.ferrule.gen.Ast.name;
import static dev.ferrule.gen.Ast.ret;
import static dev.ferrule.gen.Ast.run;
import static dev.ferrule.gen.Ast.str;
import static dev.ferrule.gen.Ast.throwing;
import static dev.ferrule.gen.Ast.type;
import static dev.ferrule.gen.Ast.when;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Modifier;
import com.github.javaparser.ast.NodeList;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.expr.ArrayAccessExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.ClassExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.InstanceOfExpr;
import com.github.javaparser.ast.expr.NullLiteralExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.CatchClause;
import com.github.javaparser.ast.stmt.TryStmt;
import com.github.javaparser.ast.type.ArrayType;
import com.github.javaparser.ast.type.PrimitiveType;
import com.github.javaparser.ast.type.Type;
import com.github.javaparser.ast.type.VoidType;
import dev.ferrule.abi.AbiModel.AbiType;
import dev.ferrule.abi.AbiModel.Param;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Callbacks in the safe layer: a functional interface per callback type, and upcall targets that
 * catch every {@code Throwable}. An exception escaping an upcall would kill the JVM, so it is
 * stored, the callback reports failure to Rust (a non-zero result), and the safe method rethrows
 * it once the downcall has returned.
 */
final class CallbackSupport {

    private final String safeClass;
    private final Collection<AbiType> callbacks;
    private final Map<String, AbiType> types;

    CallbackSupport(String safeClass, Collection<AbiType> callbacks, Map<String, AbiType> types) {
        this.safeClass = safeClass;
        this.callbacks = callbacks;
        this.types = types;
    }

    static CompilationUnit functionalInterface(String packageName, AbiType callback, Map<String, AbiType> types) {
        CompilationUnit unit = new CompilationUnit(packageName);
        ClassOrInterfaceDeclaration type = unit.addInterface(callback.name(), Modifier.Keyword.PUBLIC);
        type.addMarkerAnnotation("FunctionalInterface");
        String docs = callback.docs() == null ? "" : callback.docs().strip().replace("*/", "*&#47;") + "\n\n";
        type.setJavadocComment(docs + "<p>Java side of callback {@code " + callback.path() + "}. An exception thrown"
                + " here is caught at the\nboundary and rethrown by the call that passed the callback.");
        MethodDeclaration apply = type.addMethod("apply");
        apply.removeBody();
        apply.setType(result(callback, types));
        StringBuilder javadoc = new StringBuilder("Called by the library.");
        for (Param param : javaParams(callback)) {
            apply.addParameter(new Parameter(FfmType.of(param.type().c(), types).orElseThrow().javaType(),
                    Names.identifier(param.name())));
            javadoc.append("\n@param ").append(Names.identifier(param.name())).append(" as the library passes it");
        }
        if (callback.returns() != null) {
            javadoc.append("\n@return the result for the library");
        }
        apply.setJavadocComment(javadoc.toString());
        return unit;
    }

    private static List<Param> javaParams(AbiType callback) {
        return callback.params().subList(0, callback.params().size() - 1);
    }

    private static Type result(AbiType callback, Map<String, AbiType> types) {
        return callback.returns() == null ? new VoidType()
                : FfmType.of(callback.returns().c(), types).orElseThrow().javaType();
    }

    void addTo(ClassOrInterfaceDeclaration safe) {
        ClassOrInterfaceDeclaration holder = new ClassOrInterfaceDeclaration(NodeList.nodeList(
                Modifier.privateModifier(), Modifier.staticModifier(), Modifier.finalModifier()), false, "Upcalls");
        holder.setJavadocComment("Upcall targets, looked up once when a callback is first used.");
        for (AbiType callback : callbacks) {
            List<Expression> signature = new ArrayList<>();
            signature.add(new ClassExpr(result(callback, types)));
            signature.add(new ClassExpr(type(callback.name())));
            signature.add(new ClassExpr(new ArrayType(type("Throwable"))));
            for (Param param : callback.params()) {
                signature.add(new ClassExpr(FfmType.of(param.type().c(), types).orElseThrow().javaType()));
            }
            holder.addFieldWithInitializer("MethodHandle", Names.constant(callback.name()), call("target",
                    str(targetName(callback)), call(name("MethodType"), "methodType",
                            signature.toArray(Expression[]::new))), Modifier.Keyword.STATIC, Modifier.Keyword.FINAL);
            safe.addMember(targetMethod(callback));
        }
        MethodDeclaration target = holder.addMethod("target", Modifier.Keyword.PRIVATE, Modifier.Keyword.STATIC);
        target.setType(type("MethodHandle")).addParameter("String", "name").addParameter("MethodType", "type");
        TryStmt lookup = new TryStmt(block(ret(call(call(name("MethodHandles"), "lookup"), "findStatic",
                new ClassExpr(type(safeClass)), name("name"), name("type")))), NodeList.nodeList(new CatchClause(
                new Parameter(type("ReflectiveOperationException"), "e"), block(throwing(create(
                        "ExceptionInInitializerError", name("e")))))), null);
        target.setBody(block(lookup));
        safe.addMember(holder);
        safe.addMember(upcallMethod());
        safe.addMember(rethrowMethod());
    }

    private static String targetName(AbiType callback) {
        return "upcall" + callback.name();
    }

    private MethodDeclaration targetMethod(AbiType callback) {
        Type result = result(callback, types);
        MethodDeclaration method = new MethodDeclaration(NodeList.nodeList(Modifier.privateModifier(),
                Modifier.staticModifier()), result, targetName(callback));
        method.addParameter(type(callback.name()), "callback")
                .addParameter(new ArrayType(type("Throwable")), "failure");
        List<Expression> args = new ArrayList<>();
        for (Param param : callback.params()) {
            String name = "arg_" + Names.identifier(param.name());
            method.addParameter(FfmType.of(param.type().c(), types).orElseThrow().javaType(), name);
            args.add(name(name));
        }
        args.remove(args.size() - 1);
        Expression invoke = call(name("callback"), "apply", args.toArray(Expression[]::new));
        BlockStmt body = result instanceof VoidType ? block(run(invoke)) : block(ret(invoke));
        BlockStmt onFailure = new BlockStmt();
        onFailure.addStatement(when(Ast.binary(new ArrayAccessExpr(name("failure"), integer(0)),
                BinaryExpr.Operator.EQUALS, new NullLiteralExpr()), Ast.assign(new ArrayAccessExpr(name("failure"),
                integer(0)), name("t"))));
        if (!(result instanceof VoidType)) {
            onFailure.addStatement(ret(failureValue(result)));
        }
        method.setBody(block(new TryStmt(body, NodeList.nodeList(new CatchClause(new Parameter(type("Throwable"),
                "t"), onFailure)), null)));
        method.setJavadocComment("Runs a {@link " + callback.name() + "} for the library; nothing escapes it."
                + "\n\n@param callback the Java callback\n@param failure where the first exception is kept"
                + callback.params().stream().map(p -> "\n@param arg_" + Names.identifier(p.name())
                        + " from the library").reduce("", String::concat)
                + (result instanceof VoidType ? "" : "\n@return the callback's result, or -1 when it threw"));
        return method;
    }

    private static Expression failureValue(Type result) {
        if (result.equals(PrimitiveType.booleanType())) {
            return new com.github.javaparser.ast.expr.BooleanLiteralExpr(false);
        }
        if (result.equals(PrimitiveType.intType())) {
            return integer(-1);
        }
        if (result.equals(PrimitiveType.longType())) {
            return Ast.longLiteral(-1);
        }
        return new com.github.javaparser.ast.expr.CastExpr(result, integer(-1));
    }

    private static MethodDeclaration upcallMethod() {
        MethodDeclaration method = new MethodDeclaration(NodeList.nodeList(Modifier.privateModifier(),
                Modifier.staticModifier()), type("MemorySegment"), "upcall");
        method.addParameter("MethodHandle", "target").addParameter("FunctionDescriptor", "descriptor")
                .addParameter("Arena", "arena");
        method.addSingleMemberAnnotation("SuppressWarnings", str("restricted"));
        method.setJavadocComment("Upcall stubs are restricted; the jar's Enable-Native-Access grants them."
                + "\n\n@param target the bound upcall target\n@param descriptor the callback's descriptor"
                + "\n@param arena owns the stub; it lives only for the call\n@return the stub");
        method.setBody(block(ret(call(call(name("Linker"), "nativeLinker"), "upcallStub", name("target"),
                name("descriptor"), name("arena")))));
        return method;
    }

    private static MethodDeclaration rethrowMethod() {
        MethodDeclaration method = new MethodDeclaration(NodeList.nodeList(Modifier.privateModifier(),
                Modifier.staticModifier()), new VoidType(), "rethrow");
        method.addParameter(new ArrayType(type("Throwable")), "failure");
        method.setJavadocComment("@param failure holds the exception a callback threw, if any");
        Expression thrown = new ArrayAccessExpr(name("failure"), integer(0));
        method.setBody(block(
                when(new InstanceOfExpr(thrown, type("RuntimeException"), new com.github.javaparser.ast.expr.TypePatternExpr(NodeList.nodeList(),
                        type("RuntimeException"), new com.github.javaparser.ast.expr.SimpleName("runtime"))),
                        throwing(name("runtime"))),
                when(new InstanceOfExpr(thrown.clone(), type("Error"), new com.github.javaparser.ast.expr.TypePatternExpr(NodeList.nodeList(),
                        type("Error"), new com.github.javaparser.ast.expr.SimpleName("error"))),
                        throwing(name("error"))),
                when(Ast.binary(thrown.clone(), BinaryExpr.Operator.NOT_EQUALS, new NullLiteralExpr()),
                        throwing(create("IllegalStateException", str("a callback threw a checked exception"),
                                thrown.clone())))));
        return method;
    }
}
