package dev.ferrule.gen;

import static dev.ferrule.gen.Ast.assign;
import static dev.ferrule.gen.Ast.block;
import static dev.ferrule.gen.Ast.call;
import static dev.ferrule.gen.Ast.create;
import static dev.ferrule.gen.Ast.declare;
import static dev.ferrule.gen.Ast.field;
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
import com.github.javaparser.ast.body.ConstructorDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodReferenceExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.CatchClause;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.stmt.TryStmt;
import com.github.javaparser.ast.type.PrimitiveType;
import com.github.javaparser.ast.type.Type;
import com.github.javaparser.ast.type.VoidType;
import dev.ferrule.bind.BindingModel.Method;
import dev.ferrule.bind.BindingModel.ObjectType;
import dev.ferrule.bind.BindingModel.Param;
import dev.ferrule.bind.BindingModel.Role;
import dev.ferrule.bind.BindingModel.SafeLayer;
import dev.ferrule.bind.RuntimeStatus;
import java.util.ArrayList;
import java.util.List;

/**
 * An {@code AutoCloseable} class for one object type. {@code close()} is idempotent and thread
 * safe (the handle is swapped out atomically); a use after close throws
 * {@code IllegalStateException}; a call already in flight when another thread closes finishes
 * safely, because ferrule-ffi keeps the object alive for it. ferrule-runtime's
 * {@code HandleTracker} releases handles whose owners forgot to close them, logs and counts them as
 * leaks, and keeps pace with any allocation rate, unlike a single-threaded {@code Cleaner}.
 */
final class HandleClassGenerator {

    /** The handle a method works on, taken once per call. */
    private static final String HANDLE = "handle$";

    private final SafeLayer safe;
    private final ObjectType object;

    private HandleClassGenerator(SafeLayer safe, ObjectType object) {
        this.safe = safe;
        this.object = object;
    }

    static GeneratedSource generate(String packageName, SafeLayer safe, ObjectType object) {
        return Printer.source(packageName, object.className(), new HandleClassGenerator(safe, object).unit(
                packageName));
    }

    /** The Java types of a facade method's parameters, as {@link SafeMethodBuilder} declares them. */
    static List<Parameter> facadeParameters(Method method) {
        List<Parameter> parameters = new ArrayList<>();
        for (Param param : method.javaParams()) {
            parameters.add(new Parameter(JavaTypes.type(param.mapping().javaType()), param.javaName()));
        }
        return parameters;
    }

    /** The Java type a facade method returns. */
    static Type facadeResult(Method method) {
        return method.result().isVoid() ? new VoidType() : JavaTypes.result(method.result().mapping());
    }

    private String facadeName(String symbol) {
        return safe.method(symbol).orElseThrow().name();
    }

    private CompilationUnit unit(String packageName) {
        CompilationUnit unit = new CompilationUnit(packageName);
        unit.addImport("dev.ferrule.runtime.HandleTracker");
        unit.addImport("java.lang.ref.Reference");
        String word = object.name();
        ClassOrInterfaceDeclaration type = unit.addClass(object.className(), Modifier.Keyword.PUBLIC,
                Modifier.Keyword.FINAL);
        type.addImplementedType("AutoCloseable");
        type.setJavadocComment("A {@code " + word + "} of the native library, behind a handle.\n\n"
                + "<p>Close it when done (try-with-resources). Closing twice is harmless; using it after close\n"
                + "throws {@link IllegalStateException}. A call in flight on another thread finishes safely.\n"
                + "Forgotten instances are released by a {@link HandleTracker}, which keeps pace with any\n"
                + "allocation rate, and are logged and counted by {@link #reclaimedByCleaner()}: tests should\n"
                + "keep it at zero.");
        type.addFieldWithInitializer("HandleTracker", "TRACKER", create("HandleTracker", str(object.className()),
                new MethodReferenceExpr(name(safe.className()), null, facadeName(object.release()))),
                Modifier.Keyword.PRIVATE, Modifier.Keyword.STATIC, Modifier.Keyword.FINAL);
        type.addField("HandleTracker.Tracked", "tracked", Modifier.Keyword.PRIVATE, Modifier.Keyword.FINAL);

        // Package-private: the facade wraps the handles that declared functions return.
        ConstructorDeclaration constructor = type.addConstructor();
        constructor.addParameter(PrimitiveType.longType(), "handle");
        constructor.setBody(block(assign(field(new ThisExpr(), "tracked"), call(name("TRACKER"), "track",
                new ThisExpr(), name("handle")))));

        for (Method method : safe.methodsOf(word)) {
            if (method.owner().orElseThrow().role() == Role.CONSTRUCTOR) {
                type.addMember(factory(method));
            }
        }
        object.cloner().ifPresent(clone -> {
            MethodDeclaration duplicate = type.addMethod("duplicate", Modifier.Keyword.PUBLIC);
            duplicate.setType(type(object.className()));
            duplicate.setJavadocComment("@return a second handle to the same " + word
                    + ", closed independently of this one");
            Method cloner = safe.method(clone).orElseThrow();
            duplicate.setBody(guarded(ret(wrapped(cloner, call(name(safe.className()), cloner.name(),
                    receiver(cloner)))), cloner));
        });
        for (Method method : safe.methodsOf(word)) {
            Role role = method.owner().orElseThrow().role();
            if (role == Role.METHOD) {
                type.addMember(instanceMethod(method));
            } else if (role == Role.STATIC) {
                type.addMember(staticMethod(method));
            }
        }
        MethodDeclaration handle = new MethodDeclaration(NodeList.nodeList(), PrimitiveType.longType(), "handle");
        handle.setJavadocComment("@return the native handle, for the raw layer\n"
                + "@throws IllegalStateException if this " + word + " is closed");
        handle.setBody(block(ret(call(name("tracked"), "handle"))));
        type.addMember(handle);
        MethodDeclaration close = new MethodDeclaration(NodeList.nodeList(Modifier.publicModifier()),
                new VoidType(), "close");
        close.addMarkerAnnotation("Override");
        close.setJavadocComment("Releases the handle. Idempotent and thread-safe.");
        close.setBody(block(run(call(name("tracked"), "close"))));
        type.addMember(close);
        MethodDeclaration closed = type.addMethod("isClosed", Modifier.Keyword.PUBLIC);
        closed.setType(PrimitiveType.booleanType()).setBody(block(ret(call(name("tracked"), "isClosed"))));
        closed.setJavadocComment("@return whether this " + word + " was closed");
        MethodDeclaration reclaimed = type.addMethod("reclaimedByCleaner", Modifier.Keyword.PUBLIC,
                Modifier.Keyword.STATIC);
        reclaimed.setType(PrimitiveType.longType()).setBody(block(ret(call(name("TRACKER"), "reclaimed"))));
        reclaimed.setJavadocComment("@return how many instances were never closed and had to be released after"
                + " the garbage collector found them: leaks");
        UsedImports.add(unit);
        return unit;
    }

    /** The instance a facade method's result is: declared results are instances already. */
    private Expression wrapped(Method method, Expression result) {
        return SafeMethodBuilder.isTyped(method.result().mapping()) ? result : create(object.className(), result);
    }

    /** What a method passes for the instance it works on: itself when declared, else its handle. */
    private static Expression receiver(Method method) {
        return SafeMethodBuilder.isTyped(method.javaParams().get(0).mapping()) ? new ThisExpr() : name(HANDLE);
    }

    private MethodDeclaration factory(Method creator) {
        String verb = creator.owner().orElseThrow().verb();
        MethodDeclaration method = new MethodDeclaration(NodeList.nodeList(Modifier.publicModifier(),
                Modifier.staticModifier()), type(object.className()), verb == null ? "create" : verb);
        List<Expression> args = new ArrayList<>();
        StringBuilder javadoc = new StringBuilder("A new ").append(object.name()).append(".\n");
        for (Parameter parameter : facadeParameters(creator)) {
            method.addParameter(parameter);
            args.add(name(parameter.getNameAsString()));
            javadoc.append("\n@param ").append(parameter.getNameAsString()).append(" as for {@code ")
                    .append(creator.symbol()).append('}');
        }
        javadoc.append("\n@return the new ").append(object.name()).append("; close it when done");
        method.setJavadocComment(javadoc.toString());
        method.setBody(block(ret(wrapped(creator, call(name(safe.className()), creator.name(),
                args.toArray(Expression[]::new))))));
        return method;
    }

    /** A function of the type that takes no instance, as a static method of its class. */
    private MethodDeclaration staticMethod(Method target) {
        Type result = facadeResult(target);
        MethodDeclaration method = new MethodDeclaration(NodeList.nodeList(Modifier.publicModifier(),
                Modifier.staticModifier()), result, target.owner().orElseThrow().verb());
        List<Expression> args = new ArrayList<>();
        StringBuilder javadoc = new StringBuilder(Javadocs.leading(target.docs())).append("<p>Calls {@code ")
                .append(target.symbol()).append("}.");
        passOn(method, facadeParameters(target), args, javadoc, target);
        method.setJavadocComment(javadoc.toString());
        Expression call = call(name(safe.className()), target.name(), args.toArray(Expression[]::new));
        method.setBody(block(result.isVoidType() ? run(call) : ret(call)));
        return method;
    }

    /** Takes {@code parameters} and passes them on to the facade's {@code target}, which documents them. */
    private void passOn(MethodDeclaration method, List<Parameter> parameters, List<Expression> args,
            StringBuilder javadoc, Method target) {
        String see = " see {@link " + safe.className() + "#" + target.name() + "}";
        for (Parameter parameter : parameters) {
            method.addParameter(parameter);
            args.add(name(parameter.getNameAsString()));
            javadoc.append("\n@param ").append(parameter.getNameAsString()).append(see);
        }
        if (!method.getType().isVoidType()) {
            javadoc.append("\n@return").append(see);
        }
    }

    private MethodDeclaration instanceMethod(Method target) {
        Type result = facadeResult(target);
        MethodDeclaration method = new MethodDeclaration(NodeList.nodeList(Modifier.publicModifier()), result,
                target.owner().orElseThrow().verb());
        List<Expression> args = new ArrayList<>(List.of(receiver(target)));
        StringBuilder javadoc = new StringBuilder("Calls {@code ").append(target.symbol()).append("} on this ")
                .append(object.name()).append('.');
        List<Parameter> parameters = facadeParameters(target);
        passOn(method, parameters.subList(1, parameters.size()), args, javadoc, target);
        javadoc.append("\n@throws IllegalStateException if this ").append(object.name()).append(" is closed");
        method.setJavadocComment(javadoc.toString());
        Expression call = call(name(safe.className()), target.name(), args.toArray(Expression[]::new));
        method.setBody(guarded(result.isVoidType() ? run(call) : ret(call), target));
        return method;
    }

    /**
     * Runs a call with the current handle, or with this instance, whose handle the facade takes;
     * a stale-handle error after close means "closed".
     */
    private BlockStmt guarded(Statement call, Method method) {
        String staleHandle = safe.exceptionClass() + "." + RuntimeStatus.STALE_HANDLE.exceptionName();
        Statement closedMeanwhile = when(call("isClosed"), throwing(create("IllegalStateException",
                str(object.className() + " was closed during the call"), name("stale$"))));
        CatchClause stale = new CatchClause(new Parameter(type(staleHandle), "stale$"),
                block(closedMeanwhile, throwing(name("stale$"))));
        // Until the call returns, this object must not look collectable, or the tracker could
        // release the handle under the call.
        TryStmt attempt = new TryStmt(block(call), NodeList.nodeList(stale), block(run(call(name("Reference"),
                "reachabilityFence", new ThisExpr()))));
        return receiver(method) instanceof ThisExpr ? block(attempt)
                : block(declare(PrimitiveType.longType(), HANDLE, call("handle")), attempt);
    }
}
