package dev.ferrule.gen;

import static dev.ferrule.gen.Ast.assign;
import static dev.ferrule.gen.Ast.block;
import static dev.ferrule.gen.Ast.call;
import static dev.ferrule.gen.Ast.create;
import static dev.ferrule.gen.Ast.declare;
import static dev.ferrule.gen.Ast.field;
import static dev.ferrule.gen.Ast.longLiteral;
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
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.CatchClause;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.stmt.TryStmt;
import com.github.javaparser.ast.type.PrimitiveType;
import com.github.javaparser.ast.type.VoidType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An {@code AutoCloseable} class for one handle type. {@code close()} is idempotent and thread
 * safe (the handle is swapped out atomically); a use after close throws
 * {@code IllegalStateException}; a call already in flight when another thread closes finishes
 * safely, because ferrule-ffi keeps the object alive for it. ferrule-runtime's
 * {@code HandleTracker} releases handles whose owners forgot to close them, logs and counts them as
 * leaks, and keeps pace with any allocation rate, unlike a single-threaded {@code Cleaner}.
 */
final class HandleClassGenerator {

    private final String packageName;
    private final String rawClass;
    private final String safeClass;
    private final String exceptionClass;
    private final String prefix;
    private final String word;
    private final String className;
    private final Map<String, MethodDeclaration> statics;

    HandleClassGenerator(String packageName, String rawClass, String safeClass, String exceptionClass, String prefix,
            String word, Map<String, MethodDeclaration> statics) {
        this.packageName = packageName;
        this.rawClass = rawClass;
        this.safeClass = safeClass;
        this.exceptionClass = exceptionClass;
        this.prefix = prefix;
        this.word = word;
        this.className = className(word);
        this.statics = statics;
    }

    static String className(String word) {
        String camel = Names.lowerCamel(word);
        return Character.toUpperCase(camel.charAt(0)) + camel.substring(1);
    }

    CompilationUnit generate() {
        CompilationUnit unit = new CompilationUnit(packageName);
        unit.addImport("dev.ferrule.runtime.HandleTracker");
        unit.addImport("java.lang.ref.Reference");
        ClassOrInterfaceDeclaration type = unit.addClass(className, Modifier.Keyword.PUBLIC, Modifier.Keyword.FINAL);
        type.addImplementedType("AutoCloseable");
        type.setJavadocComment("A {@code " + word + "} of the native library, behind a handle.\n\n"
                + "<p>Close it when done (try-with-resources). Closing twice is harmless; using it after close\n"
                + "throws {@link IllegalStateException}. A call in flight on another thread finishes safely.\n"
                + "Forgotten instances are released by a {@link HandleTracker}, which keeps pace with any\n"
                + "allocation rate, and are logged and counted by {@link #reclaimedByCleaner()}: tests should\n"
                + "keep it at zero.");
        String release = statics.get(word + "_release").getNameAsString();
        type.addFieldWithInitializer("HandleTracker", "TRACKER", create("HandleTracker", str(className),
                new com.github.javaparser.ast.expr.MethodReferenceExpr(name(safeClass), null, release)),
                Modifier.Keyword.PRIVATE, Modifier.Keyword.STATIC, Modifier.Keyword.FINAL);
        type.addField("HandleTracker.Tracked", "tracked", Modifier.Keyword.PRIVATE, Modifier.Keyword.FINAL);

        ConstructorDeclaration constructor = type.addConstructor(Modifier.Keyword.PRIVATE);
        constructor.addParameter(PrimitiveType.longType(), "handle");
        constructor.setBody(block(assign(field(new ThisExpr(), "tracked"), call(name("TRACKER"), "track",
                new ThisExpr(), name("handle")))));

        MethodDeclaration creator = statics.get(word + "_new");
        type.addMember(factory("create", creator, "A new " + word + "."));
        MethodDeclaration cloner = statics.get(word + "_clone");
        if (cloner != null && cloner.getParameters().size() == 1) {
            MethodDeclaration duplicate = type.addMethod("duplicate", Modifier.Keyword.PUBLIC);
            duplicate.setType(type(className));
            duplicate.setJavadocComment("@return a second handle to the same " + word
                    + ", closed independently of this one");
            duplicate.setBody(guarded(ret(create(className, call(name(safeClass), cloner.getNameAsString(),
                    name("handle"))))));
        }
        for (Map.Entry<String, MethodDeclaration> entry : statics.entrySet()) {
            String local = entry.getKey();
            MethodDeclaration target = entry.getValue();
            if (!local.startsWith(word + "_") || local.equals(word + "_new") || local.equals(word + "_release")
                    || local.equals(word + "_clone") || target.getParameters().isEmpty()
                    || !target.getParameter(0).getType().equals(PrimitiveType.longType())
                    || !target.getParameter(0).getNameAsString().equals(Names.identifier(word))) {
                continue;
            }
            type.addMember(instanceMethod(local.substring(word.length() + 1), target));
        }
        type.addMember(handleMethod());
        type.addMember(closeMethod());
        MethodDeclaration closed = type.addMethod("isClosed", Modifier.Keyword.PUBLIC);
        closed.setType(PrimitiveType.booleanType()).setBody(block(ret(call(name("tracked"), "isClosed"))));
        closed.setJavadocComment("@return whether this " + word + " was closed");
        MethodDeclaration reclaimed = type.addMethod("reclaimedByCleaner", Modifier.Keyword.PUBLIC,
                Modifier.Keyword.STATIC);
        reclaimed.setType(PrimitiveType.longType()).setBody(block(ret(call(name("TRACKER"), "reclaimed"))));
        reclaimed.setJavadocComment("@return how many instances were never closed and had to be released after"
                + " the garbage collector found them: leaks");
        return unit;
    }

    private MethodDeclaration factory(String name, MethodDeclaration creator, String doc) {
        MethodDeclaration method = new MethodDeclaration(NodeList.nodeList(Modifier.publicModifier(),
                Modifier.staticModifier()), type(className), name);
        List<Expression> args = new ArrayList<>();
        StringBuilder javadoc = new StringBuilder(doc).append("\n");
        for (Parameter parameter : creator.getParameters()) {
            method.addParameter(parameter.clone());
            args.add(name(parameter.getNameAsString()));
            javadoc.append("\n@param ").append(parameter.getNameAsString()).append(" as for {@code ")
                    .append(prefix).append('_').append(word).append("_new}");
        }
        javadoc.append("\n@return the new ").append(word).append("; close it when done");
        method.setJavadocComment(javadoc.toString());
        method.setBody(block(ret(create(className, call(name(safeClass), creator.getNameAsString(),
                args.toArray(Expression[]::new))))));
        return method;
    }

    private MethodDeclaration instanceMethod(String verb, MethodDeclaration target) {
        MethodDeclaration method = new MethodDeclaration(NodeList.nodeList(Modifier.publicModifier()),
                target.getType().clone(), Names.lowerCamel(verb));
        List<Expression> args = new ArrayList<>(List.of(name("handle")));
        StringBuilder javadoc = new StringBuilder("Calls {@code ").append(prefix).append('_').append(word).append('_')
                .append(verb).append("} on this ").append(word).append('.');
        for (Parameter parameter : target.getParameters().subList(1, target.getParameters().size())) {
            method.addParameter(parameter.clone());
            args.add(name(parameter.getNameAsString()));
            javadoc.append("\n@param ").append(parameter.getNameAsString()).append(" see {@link ").append(safeClass)
                    .append('#').append(target.getNameAsString()).append('}');
        }
        if (!target.getType().isVoidType()) {
            javadoc.append("\n@return see {@link ").append(safeClass).append('#').append(target.getNameAsString())
                    .append('}');
        }
        javadoc.append("\n@throws IllegalStateException if this ").append(word).append(" is closed");
        method.setJavadocComment(javadoc.toString());
        Expression call = call(name(safeClass), target.getNameAsString(), args.toArray(Expression[]::new));
        method.setBody(guarded(target.getType() instanceof VoidType ? run(call) : ret(call)));
        return method;
    }

    /** Runs a call with the current handle; a stale-handle error after close means "closed". */
    private BlockStmt guarded(Statement call) {
        CatchClause stale = new CatchClause(new Parameter(type(exceptionClass + ".StaleHandleException"), "e"),
                block(when(call("isClosed"), throwing(create("IllegalStateException",
                        str(className + " was closed during the call"), name("e")))), throwing(name("e"))));
        // Until the call returns, this object must not look collectable, or the tracker could
        // release the handle under the call.
        return block(declare(PrimitiveType.longType(), "handle", call("handle")),
                new TryStmt(block(call), NodeList.nodeList(stale), block(run(call(name("Reference"),
                        "reachabilityFence", new ThisExpr())))));
    }

    private MethodDeclaration handleMethod() {
        MethodDeclaration method = new MethodDeclaration(NodeList.nodeList(), PrimitiveType.longType(), "handle");
        method.setJavadocComment("@return the native handle, for the raw layer\n"
                + "@throws IllegalStateException if this " + word + " is closed");
        method.setBody(block(ret(call(name("tracked"), "handle"))));
        return method;
    }

    private MethodDeclaration closeMethod() {
        MethodDeclaration method = new MethodDeclaration(NodeList.nodeList(Modifier.publicModifier()),
                new VoidType(), "close");
        method.addMarkerAnnotation("Override");
        method.setJavadocComment("Releases the handle. Idempotent and thread-safe.");
        method.setBody(block(run(call(name("tracked"), "close"))));
        return method;
    }
}
