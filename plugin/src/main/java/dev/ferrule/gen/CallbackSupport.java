package dev.ferrule.gen;

import static dev.ferrule.gen.Ast.block;
import static dev.ferrule.gen.Ast.call;
import static dev.ferrule.gen.Ast.create;
import static dev.ferrule.gen.Ast.declare;
import static dev.ferrule.gen.Ast.field;
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
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.ClassExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.NullLiteralExpr;
import com.github.javaparser.ast.expr.SimpleName;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.CatchClause;
import com.github.javaparser.ast.stmt.ReturnStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.stmt.TryStmt;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
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
 * Callbacks in the safe layer: a functional interface per callback type, and one upcall stub per
 * type, made once, whose target finds the call's Java callback through the {@code user_data} the
 * library passes back ({@code UpcallContext} in ferrule-runtime). Making a stub per call would
 * cost tens of microseconds a call. The target catches every {@code Throwable}: an exception
 * escaping an upcall would kill the JVM, so it is stored, the callback reports failure to Rust (a
 * non-zero result), and the safe method rethrows it once the downcall has returned.
 */
final class CallbackSupport {

    private final String safeClass;
    private final String rawClass;
    private final Collection<AbiType> callbacks;
    private final CTypes types;

    CallbackSupport(String safeClass, String rawClass, Collection<AbiType> callbacks, CTypes types) {
        this.safeClass = safeClass;
        this.rawClass = rawClass;
        this.callbacks = callbacks;
        this.types = types;
    }

    static CompilationUnit functionalInterface(String packageName, AbiType callback, CTypes types) {
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
            apply.addParameter(new Parameter(types.ffm(param.type().c()).orElseThrow().javaType(),
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

    private static Type result(AbiType callback, CTypes types) {
        return callback.returns() == null ? new VoidType()
                : types.ffm(callback.returns().c()).orElseThrow().javaType();
    }

    void addTo(ClassOrInterfaceDeclaration safe) {
        ClassOrInterfaceDeclaration holder = new ClassOrInterfaceDeclaration(NodeList.nodeList(
                Modifier.privateModifier(), Modifier.staticModifier(), Modifier.finalModifier()), false, "Upcalls");
        holder.setJavadocComment("One upcall stub per callback type, made when a callback is first used; they live"
                + " as long as the JVM.");
        for (AbiType callback : callbacks) {
            List<Expression> signature = new ArrayList<>();
            signature.add(new ClassExpr(result(callback, types)));
            for (Param param : callback.params()) {
                signature.add(new ClassExpr(types.ffm(param.type().c()).orElseThrow().javaType()));
            }
            holder.addFieldWithInitializer("MemorySegment", Names.constant(callback.name()), call("stub",
                    str(targetName(callback)), call(name("MethodType"), "methodType",
                            signature.toArray(Expression[]::new)), field(name(rawClass),
                            Names.constant(callback.name()) + "_DESCRIPTOR")), Modifier.Keyword.STATIC,
                    Modifier.Keyword.FINAL);
            safe.addMember(targetMethod(callback));
        }
        holder.addMember(stubMethod());
        safe.addMember(holder);
    }

    private static String targetName(AbiType callback) {
        return "upcall" + callback.name();
    }

    private MethodDeclaration targetMethod(AbiType callback) {
        Type result = result(callback, types);
        MethodDeclaration method = new MethodDeclaration(NodeList.nodeList(Modifier.privateModifier(),
                Modifier.staticModifier()), result, targetName(callback));
        List<Expression> args = new ArrayList<>();
        String userData = null;
        for (Param param : callback.params()) {
            String name = "arg_" + Names.identifier(param.name());
            method.addParameter(types.ffm(param.type().c()).orElseThrow().javaType(), name);
            args.add(name(name));
            userData = name;
        }
        args.remove(args.size() - 1);
        ClassOrInterfaceType contextType = new ClassOrInterfaceType(null, new SimpleName("UpcallContext"),
                NodeList.nodeList(type(callback.name())));
        Expression invoke = call(call(name("context"), "callback"), "apply", args.toArray(Expression[]::new));
        BlockStmt body = result instanceof VoidType ? block(run(invoke)) : block(ret(invoke));
        BlockStmt onFailure = block(run(call(name("context"), "fail", name("t"))));
        Statement refuse = result instanceof VoidType ? new ReturnStmt() : ret(failureValue(result));
        if (!(result instanceof VoidType)) {
            onFailure.addStatement(ret(failureValue(result)));
        }
        method.setBody(block(
                declare(contextType, "context", call(name("UpcallContext"), "find", name(userData),
                        new ClassExpr(type(callback.name())))),
                // Not a call in progress: a stale or made-up user_data must not reach any callback.
                when(Ast.binary(name("context"), BinaryExpr.Operator.EQUALS, new NullLiteralExpr()), refuse),
                new TryStmt(body, NodeList.nodeList(new CatchClause(new Parameter(type("Throwable"), "t"),
                        onFailure)), null)));
        method.setJavadocComment("Runs the {@link " + callback.name() + "} of the call that {@code user_data} names;"
                + " nothing escapes it.\n"
                + callback.params().stream().map(p -> "\n@param arg_" + Names.identifier(p.name())
                        + " from the library").reduce("", String::concat)
                + (result instanceof VoidType ? "" : "\n@return the callback's result, or -1 when it threw or"
                        + " user_data names no call"));
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

    private MethodDeclaration stubMethod() {
        MethodDeclaration method = new MethodDeclaration(NodeList.nodeList(Modifier.privateModifier(),
                Modifier.staticModifier()), type("MemorySegment"), "stub");
        method.addParameter("String", "target").addParameter("MethodType", "type")
                .addParameter("FunctionDescriptor", "descriptor");
        method.addSingleMemberAnnotation("SuppressWarnings", str("restricted"));
        method.setJavadocComment("Upcall stubs are restricted; the jar's Enable-Native-Access grants them."
                + "\n\n@param target the static method the stub calls\n@param type its type"
                + "\n@param descriptor the callback's C signature\n@return the stub, in the global arena");
        TryStmt lookup = new TryStmt(block(ret(call(call(name("Linker"), "nativeLinker"), "upcallStub",
                call(call(name("MethodHandles"), "lookup"), "findStatic", new ClassExpr(type(safeClass)),
                        name("target"), name("type")), name("descriptor"), call(name("Arena"), "global")))),
                NodeList.nodeList(new CatchClause(new Parameter(type("ReflectiveOperationException"), "e"),
                        block(throwing(create("ExceptionInInitializerError", name("e")))))), null);
        method.setBody(block(lookup));
        return method;
    }
}
