package dev.ferrule.gen;

import static dev.ferrule.gen.Ast.block;
import static dev.ferrule.gen.Ast.call;
import static dev.ferrule.gen.Ast.declare;
import static dev.ferrule.gen.Ast.field;
import static dev.ferrule.gen.Ast.integer;
import static dev.ferrule.gen.Ast.name;
import static dev.ferrule.gen.Ast.ret;
import static dev.ferrule.gen.Ast.run;
import static dev.ferrule.gen.Ast.str;
import static dev.ferrule.gen.Ast.type;
import static dev.ferrule.gen.Ast.when;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Modifier;
import com.github.javaparser.ast.NodeList;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.BooleanLiteralExpr;
import com.github.javaparser.ast.expr.CastExpr;
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
import com.github.javaparser.ast.type.Type;
import com.github.javaparser.ast.type.VoidType;
import dev.ferrule.bind.BindingModel.CallbackParam;
import dev.ferrule.bind.BindingModel.CallbackType;
import dev.ferrule.bind.JavaNames;
import java.util.ArrayList;
import java.util.List;

/**
 * Callbacks in the safe layer: a functional interface per callback type, and one upcall stub per
 * type, made once, whose target finds the call's Java callback through the {@code user_data} the
 * library passes back ({@code UpcallContext} in ferrule-runtime). Making a stub per call would
 * cost tens of microseconds a call. The target catches every {@code Throwable}: an exception
 * escaping an upcall would kill the JVM, so it is stored, the callback reports failure to Rust (a
 * non-zero result), and the safe method rethrows it once the downcall has returned.
 */
final class CallbackGenerator {

    private CallbackGenerator() {
    }

    static GeneratedSource functionalInterface(String packageName, CallbackType callback) {
        CompilationUnit unit = new CompilationUnit(packageName);
        ClassOrInterfaceDeclaration type = unit.addInterface(callback.className(), Modifier.Keyword.PUBLIC);
        type.addMarkerAnnotation("FunctionalInterface");
        type.setJavadocComment(Javadocs.leading(callback.docs()) + "<p>Java side of callback {@code " + callback.path()
                + "}. An exception thrown here is caught at the\nboundary and rethrown by the call that passed the"
                + " callback.");
        MethodDeclaration apply = type.addMethod("apply");
        apply.removeBody();
        apply.setType(callback.resultJava() == null ? new VoidType() : JavaTypes.type(callback.resultJava().javaType()));
        StringBuilder javadoc = new StringBuilder("Called by the library.");
        for (CallbackParam param : callback.params()) {
            if (param.java() == null) {
                continue;
            }
            apply.addParameter(new Parameter(JavaTypes.type(param.java().javaType()), param.javaName()));
            javadoc.append("\n@param ").append(param.javaName()).append(" as the library passes it");
        }
        if (callback.result() != null) {
            javadoc.append("\n@return the result for the library");
        }
        apply.setJavadocComment(javadoc.toString());
        return Printer.source(packageName, callback.className(), unit);
    }

    /** Adds each callback's upcall target and the {@code Upcalls} holder of their stubs to the facade. */
    static void addTo(ClassOrInterfaceDeclaration facade, List<CallbackType> callbacks, String rawClass) {
        ClassOrInterfaceDeclaration holder = new ClassOrInterfaceDeclaration(NodeList.nodeList(
                Modifier.privateModifier(), Modifier.staticModifier(), Modifier.finalModifier()), false, "Upcalls");
        holder.setJavadocComment("One upcall stub per callback type, made when a callback is first used; they live"
                + " as long as the JVM.");
        for (CallbackType callback : callbacks) {
            List<Expression> signature = new ArrayList<>();
            signature.add(new ClassExpr(result(callback)));
            for (CallbackParam param : allParams(callback)) {
                signature.add(new ClassExpr(JavaTypes.type(param.carrier())));
            }
            holder.addFieldWithInitializer("MemorySegment", JavaNames.constant(callback.name()), call(name(
                    "UpcallContext"), "stub", call(name("MethodHandles"), "lookup"), new ClassExpr(type(
                            facade.getNameAsString())), str(targetName(callback)), call(name("MethodType"),
                            "methodType", signature.toArray(Expression[]::new)), field(name(rawClass),
                            JavaNames.descriptorConstant(callback.name()))), Modifier.Keyword.STATIC,
                    Modifier.Keyword.FINAL);
            facade.addMember(targetMethod(callback));
        }
        facade.addMember(holder);
    }

    private static List<CallbackParam> allParams(CallbackType callback) {
        List<CallbackParam> all = new ArrayList<>(callback.params());
        all.add(callback.userData());
        return all;
    }

    private static Type result(CallbackType callback) {
        return callback.result() == null ? new VoidType() : JavaTypes.type(callback.result());
    }

    private static String targetName(CallbackType callback) {
        return "upcall" + callback.className();
    }

    private static MethodDeclaration targetMethod(CallbackType callback) {
        Type result = result(callback);
        MethodDeclaration method = new MethodDeclaration(NodeList.nodeList(Modifier.privateModifier(),
                Modifier.staticModifier()), result, targetName(callback));
        List<Expression> args = new ArrayList<>();
        List<CallbackParam> params = callback.params();
        for (int i = 0; i < params.size(); i++) {
            CallbackParam param = params.get(i);
            method.addParameter(JavaTypes.type(param.carrier()), "arg_" + param.javaName());
            if (param.java() != null) {
                args.add(fromLibrary(param, i + 1 < params.size() ? params.get(i + 1) : null));
            }
        }
        method.addParameter(JavaTypes.type(callback.userData().carrier()), "arg_" + callback.userData().javaName());
        // A C ABI's user data is a void*: the context's id as an address.
        Expression userData = callback.userData().carrier().kind() == dev.ferrule.bind.Carrier.Kind.ADDRESS
                ? call(name("arg_" + callback.userData().javaName()), "address")
                : name("arg_" + callback.userData().javaName());
        ClassOrInterfaceType contextType = new ClassOrInterfaceType(null, new SimpleName("UpcallContext"),
                NodeList.nodeList(type(callback.className())));
        Expression invoke = call(call(name("context$"), "callback"), "apply", args.toArray(Expression[]::new));
        if (callback.resultJava() != null) {
            // An out-of-range answer throws here, inside the try: the call fails with it, as with any throw.
            invoke = JavaTypes.toCarrier(callback.resultJava(), invoke, "the result of " + callback.className());
        }
        BlockStmt body = result instanceof VoidType ? block(run(invoke)) : block(ret(invoke));
        BlockStmt onFailure = block(run(call(name("context$"), "fail", name("thrown$"))));
        Statement refuse = result instanceof VoidType ? new ReturnStmt() : ret(failureValue(result));
        if (!(result instanceof VoidType)) {
            onFailure.addStatement(ret(failureValue(result)));
        }
        method.setBody(block(
                declare(contextType, "context$", call(name("UpcallContext"), "find", userData,
                        new ClassExpr(type(callback.className())))),
                // Not a call in progress: a stale or made-up user_data must not reach any callback.
                when(Ast.binary(name("context$"), BinaryExpr.Operator.EQUALS, new NullLiteralExpr()), refuse),
                new TryStmt(body, NodeList.nodeList(new CatchClause(new Parameter(type("Throwable"), "thrown$"),
                        onFailure)), null)));
        method.setJavadocComment("Runs the {@link " + callback.className() + "} of the call that {@code user_data}"
                + " names;"
                + " nothing escapes it.\n"
                + allParams(callback).stream().map(p -> "\n@param arg_" + p.javaName() + " from the library")
                        .reduce("", String::concat)
                + (result instanceof VoidType ? "" : "\n@return the callback's result, or -1 when it threw or"
                        + " user_data names no call"));
        return method;
    }

    /**
     * A parameter as Java gets it: a value widened as declared, bytes or text copied from a
     * pointer and the length after it, or a C string copied; the library keeps its memory.
     */
    private static Expression fromLibrary(CallbackParam param, CallbackParam next) {
        Expression value = name("arg_" + param.javaName());
        return switch (param.java().kind()) {
            case BYTES -> call(name("CArrays"), "copy", value, name("arg_" + next.javaName()));
            case STRING -> call(name("Utf8"), "decode", call(name("CArrays"), "copy", value,
                    name("arg_" + next.javaName())));
            case C_STRING -> new com.github.javaparser.ast.expr.ConditionalExpr(Ast.binary(call(value, "address"),
                    BinaryExpr.Operator.EQUALS, Ast.longLiteral(0)), new NullLiteralExpr(), call(name("CStrings"),
                            "read", value.clone()));
            default -> JavaTypes.fromCarrier(param.java(), value);
        };
    }

    private static Expression failureValue(Type result) {
        return switch (result.asString()) {
            case "boolean" -> new BooleanLiteralExpr(false);
            case "int" -> integer(-1);
            case "long" -> Ast.longLiteral(-1);
            default -> new CastExpr(result, integer(-1));
        };
    }
}
