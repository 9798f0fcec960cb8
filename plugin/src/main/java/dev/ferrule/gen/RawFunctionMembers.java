package dev.ferrule.gen;

import com.github.javaparser.ast.Modifier;
import com.github.javaparser.ast.NodeList;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.BooleanLiteralExpr;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.ClassExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MemberValuePair;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.Name;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.NormalAnnotationExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.SimpleName;
import com.github.javaparser.ast.expr.SingleMemberAnnotationExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.CatchClause;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.ReturnStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.stmt.ThrowStmt;
import com.github.javaparser.ast.stmt.TryStmt;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import com.github.javaparser.ast.type.Type;
import com.github.javaparser.ast.type.UnionType;
import com.github.javaparser.ast.type.VoidType;
import dev.ferrule.bind.BindingModel;
import dev.ferrule.bind.BindingModel.NativeFunction;
import dev.ferrule.bind.BindingModel.NativeParam;
import dev.ferrule.bind.BindingModel.NativeType;
import dev.ferrule.bind.JavaNames;
import java.util.Map;

/**
 * The raw class's function members: the verified library, loaded on first use, and one
 * downcall method per bound export, each with its {@code MethodHandle} in a holder class of its
 * own, so that an export is looked up only when it is first called.
 */
final class RawFunctionMembers {

    /** A struct result needs an allocator parameter, which a Rust parameter's name must not shadow. */
    static final String ALLOCATOR = "allocator$";

    private RawFunctionMembers() {
    }

    static void addTo(ClassOrInterfaceDeclaration type, BindingModel model, Map<String, String> librarySha256) {
        addLibraryHolder(type, model, librarySha256);
        for (NativeFunction function : model.natives().functions()) {
            addFunction(type, function);
        }
    }

    private static void addLibraryHolder(ClassOrInterfaceDeclaration type, BindingModel model,
            Map<String, String> librarySha256) {
        ClassOrInterfaceDeclaration holder = new ClassOrInterfaceDeclaration(NodeList.nodeList(
                Modifier.privateModifier(), Modifier.staticModifier(), Modifier.finalModifier()), false, "Library");
        holder.setJavadocComment("Loads the library on first use, verified by ferrule-runtime.");
        addExpectedLibraries(type, model.library(), librarySha256);
        Expression expected = new ObjectCreationExpr(null, new ClassOrInterfaceType(new ClassOrInterfaceType(null,
                "NativeLibrary"), "Expected"), NodeList.nodeList(new NameExpr("LIBRARY_SHA256"),
                new NameExpr("FEATURES")));
        Expression lookup = new MethodCallExpr(new MethodCallExpr(new NameExpr("NativeLibrary"), "load",
                NodeList.nodeList(new ClassExpr(new ClassOrInterfaceType(null, model.rawClass())),
                        new NameExpr("LIBRARY"), expected)), "lookup");
        if (model.library().identityPrefix().isEmpty()) {
            holder.addFieldWithInitializer("SymbolLookup", "SYMBOLS", lookup, Modifier.Keyword.STATIC,
                    Modifier.Keyword.FINAL);
        } else {
            addIdentity(type, holder, lookup, model);
        }
        type.addMember(holder);

        MethodDeclaration downcall = new MethodDeclaration(NodeList.nodeList(Modifier.privateModifier(),
                Modifier.staticModifier()), new ClassOrInterfaceType(null, "MethodHandle"), "downcall");
        downcall.addParameter("String", "symbol").addParameter("FunctionDescriptor", "descriptor")
                .addParameter(new Parameter(new ClassOrInterfaceType(null, "Linker.Option"), "options")
                        .setVarArgs(true));
        downcall.addAnnotation(new SingleMemberAnnotationExpr(new Name("SuppressWarnings"),
                new StringLiteralExpr("restricted")));
        downcall.setJavadocComment("Downcalls are restricted methods; the jar's Enable-Native-Access grants them.");
        Expression missing = new LambdaExpr(new NodeList<>(), new ObjectCreationExpr(null, new ClassOrInterfaceType(
                null, "UnsatisfiedLinkError"), NodeList.nodeList(new BinaryExpr(new BinaryExpr(new NameExpr("LIBRARY"),
                new StringLiteralExpr(" does not export "), BinaryExpr.Operator.PLUS), new NameExpr("symbol"),
                BinaryExpr.Operator.PLUS))));
        Expression address = new MethodCallExpr(new MethodCallExpr(new FieldAccessExpr(new NameExpr("Library"),
                "SYMBOLS"), "find", NodeList.nodeList(new NameExpr("symbol"))), "orElseThrow",
                NodeList.nodeList(missing));
        downcall.setBody(new BlockStmt(NodeList.nodeList(new ReturnStmt(new MethodCallExpr(new MethodCallExpr(
                new NameExpr("Linker"), "nativeLinker"), "downcallHandle", NodeList.nodeList(address,
                new NameExpr("descriptor"), new NameExpr("options")))))));
        type.addMember(downcall);
    }

    /**
     * Pins the library to the builds the bindings were generated with: the loader compares its
     * bytes with these digests, so neither a checksum file rewritten beside a changed library nor
     * a copy from another jar gets opened.
     */
    private static void addExpectedLibraries(ClassOrInterfaceDeclaration type, BindingModel.Library library,
            Map<String, String> librarySha256) {
        NodeList<Expression> entries = librarySha256.entrySet().stream()
                .map(e -> (Expression) new MethodCallExpr(new NameExpr("Map"), "entry", NodeList.nodeList(
                        new StringLiteralExpr(e.getKey()), new StringLiteralExpr(e.getValue()))))
                .collect(NodeList.toNodeList());
        type.addFieldWithInitializer(new ClassOrInterfaceType(null, new SimpleName("Map"), NodeList.nodeList(
                new ClassOrInterfaceType(null, "String"), new ClassOrInterfaceType(null, "String"))), "LIBRARY_SHA256",
                new MethodCallExpr(new NameExpr("Map"), "ofEntries", entries),
                Modifier.Keyword.PUBLIC, Modifier.Keyword.STATIC, Modifier.Keyword.FINAL)
                .setJavadocComment("The SHA-256 of each library these bindings were generated with, by platform;"
                        + " the loader opens no\nother library, whatever checksum file lies beside it.");
        type.addFieldWithInitializer(new ClassOrInterfaceType(null, new SimpleName("List"), NodeList.nodeList(
                new ClassOrInterfaceType(null, "String"))), "FEATURES",
                new MethodCallExpr(new NameExpr("List"), "of", library.features().stream()
                        .map(f -> (Expression) new StringLiteralExpr(f)).collect(NodeList.toNodeList())),
                Modifier.Keyword.PUBLIC, Modifier.Keyword.STATIC, Modifier.Keyword.FINAL)
                .setJavadocComment("The cargo features of the build these bindings were generated from; a risky one"
                        + " must be allowed\nbefore the library is opened.");
    }

    /**
     * Records what the bindings were generated from, and makes loading the library check it, so
     * that a library from another ABI or feature set fails at first use instead of corrupting memory.
     */
    private static void addIdentity(ClassOrInterfaceDeclaration type, ClassOrInterfaceDeclaration holder,
            Expression lookup, BindingModel model) {
        type.addFieldWithInitializer("String", "ABI_FINGERPRINT", new StringLiteralExpr(
                model.library().abiFingerprint()), Modifier.Keyword.PUBLIC, Modifier.Keyword.STATIC,
                Modifier.Keyword.FINAL).setJavadocComment("The fingerprint of the ABI these bindings were generated"
                + " from; the library must report the same.");
        holder.addFieldWithInitializer("SymbolLookup", "SYMBOLS", new MethodCallExpr(null, "verified"),
                Modifier.Keyword.STATIC, Modifier.Keyword.FINAL);
        MethodDeclaration verified = holder.addMethod("verified", Modifier.Keyword.PRIVATE, Modifier.Keyword.STATIC);
        verified.setType("SymbolLookup");
        verified.setJavadocComment("Refuses a library built from another ABI or feature set, or with a risky"
                + " feature the\napplication has not allowed (see {@code LibraryIdentity}).");
        verified.setBody(new BlockStmt(NodeList.nodeList(
                new ExpressionStmt(new VariableDeclarationExpr(new VariableDeclarator(new ClassOrInterfaceType(null,
                        "SymbolLookup"), "symbols", lookup))),
                new ExpressionStmt(new MethodCallExpr(new NameExpr("LibraryIdentity"), "verify", NodeList.nodeList(
                        new NameExpr("symbols"), new StringLiteralExpr(model.library().identityPrefix().get()),
                        new NameExpr("LIBRARY"), new MethodCallExpr(new ClassExpr(new ClassOrInterfaceType(null,
                                model.rawClass())), "getName"), new NameExpr("ABI_FINGERPRINT"),
                        new NameExpr("FEATURES")))),
                new ReturnStmt(new NameExpr("symbols")))));
    }

    private static void addFunction(ClassOrInterfaceDeclaration type, NativeFunction function) {
        String holderName = "H_" + JavaNames.identifier(function.symbol());
        ClassOrInterfaceDeclaration holder = new ClassOrInterfaceDeclaration(NodeList.nodeList(
                Modifier.privateModifier(), Modifier.staticModifier(), Modifier.finalModifier()), false, holderName);
        NodeList<Expression> downcallArgs = NodeList.nodeList(new StringLiteralExpr(function.symbol()),
                RawTypeMembers.descriptor(function.params().stream().map(NativeParam::type).toList(),
                        function.result()));
        if (function.critical()) {
            // Heap access lets the safe layer pass Java arrays in place, without a native copy.
            downcallArgs.add(new MethodCallExpr(new FieldAccessExpr(new NameExpr("Linker"), "Option"), "critical",
                    NodeList.nodeList(new BooleanLiteralExpr(true))));
        }
        holder.addFieldWithInitializer("MethodHandle", "HANDLE", new MethodCallExpr(null, "downcall", downcallArgs),
                Modifier.Keyword.STATIC, Modifier.Keyword.FINAL);

        Type returnType = function.result() == null ? new VoidType() : JavaTypes.type(function.result().carrier());
        MethodDeclaration method = new MethodDeclaration(NodeList.nodeList(Modifier.publicModifier(),
                Modifier.staticModifier()), returnType, JavaNames.identifier(function.symbol()));
        NodeList<Expression> args = new NodeList<>();
        if (function.structResult()) {
            method.addParameter(new Parameter(new ClassOrInterfaceType(null, "SegmentAllocator"), ALLOCATOR));
            args.add(new NameExpr(ALLOCATOR));
        }
        for (NativeParam param : function.params()) {
            method.addParameter(new Parameter(JavaTypes.type(param.type().carrier()), param.javaName()));
            args.add(new NameExpr(param.javaName()));
        }
        Expression call = new MethodCallExpr(new FieldAccessExpr(new NameExpr(holderName), "HANDLE"), "invokeExact",
                args);
        Statement body = returnType instanceof VoidType ? new ExpressionStmt(call)
                : new ReturnStmt(new CastExpr(returnType, call));
        method.setBody(new BlockStmt(NodeList.nodeList(rethrowing(body, function.symbol()))));
        method.setJavadocComment(functionDoc(function));
        if (function.deprecation() != null) {
            NodeList<MemberValuePair> since = new NodeList<>();
            if (function.deprecation().since() != null) {
                since.add(new MemberValuePair("since", new StringLiteralExpr(function.deprecation().since())));
            }
            method.addAnnotation(new NormalAnnotationExpr(new Name("Deprecated"), since));
        }
        type.addMember(method);
        type.addMember(holder);
    }

    /**
     * invokeExact declares Throwable; downcalls only throw unchecked ones, which pass through. The
     * catch parameters take the reserved form, so no Rust parameter name can shadow them.
     */
    private static Statement rethrowing(Statement body, String symbol) {
        CatchClause unchecked = new CatchClause(new Parameter(new UnionType(NodeList.nodeList(
                new ClassOrInterfaceType(null, "RuntimeException"), new ClassOrInterfaceType(null, "Error"))), "e$"),
                new BlockStmt(NodeList.nodeList(new ThrowStmt(new NameExpr("e$")))));
        CatchClause checked = new CatchClause(new Parameter(new ClassOrInterfaceType(null, "Throwable"), "t$"),
                new BlockStmt(NodeList.nodeList(new ThrowStmt(new ObjectCreationExpr(null, new ClassOrInterfaceType(
                        null, "AssertionError"), NodeList.nodeList(new StringLiteralExpr(symbol
                        + " threw a checked exception"), new NameExpr("t$")))))));
        return new TryStmt(new BlockStmt(NodeList.nodeList(body)), NodeList.nodeList(unchecked, checked), null);
    }

    private static String functionDoc(NativeFunction function) {
        StringBuilder doc = new StringBuilder(Javadocs.escape(function.docs() == null ? "" : function.docs().strip()));
        if (doc.length() > 0) {
            doc.append("\n\n");
        }
        doc.append("<p>Calls {@code ").append(function.symbol()).append("} ({@code ").append(function.path())
                .append("}, extern \"").append(function.abi()).append("\").");
        if (function.critical()) {
            doc.append(" A critical downcall (declared {@code critical}): the JVM does not make the thread safe"
                    + " for a GC during the call, so it must be short and never call back into Java; Java"
                    + " arrays may be passed in place as heap segments.");
        }
        if (function.structResult()) {
            doc.append("\n\n@param ").append(ALLOCATOR).append(" allocates the returned struct");
        }
        for (NativeParam param : function.params()) {
            doc.append("\n@param ").append(param.javaName()).append(' ').append(describe(param.type()));
        }
        if (function.result() != null) {
            doc.append("\n@return ").append(describe(function.result()));
        }
        if (function.deprecation() != null) {
            doc.append("\n@deprecated ").append(function.deprecation().note() == null ? "deprecated in Rust"
                    : Javadocs.escape(function.deprecation().note()));
        }
        return doc.toString();
    }

    private static String describe(NativeType type) {
        StringBuilder out = new StringBuilder("{@code ").append(type.c().spelling()).append("} (Rust {@code ")
                .append(type.rust()).append("})");
        if (type.ownership() != null) {
            out.append(", ").append(type.ownership().description());
        }
        if (type.nullable() != null) {
            out.append(type.nullable() ? ", may be null" : ", never null");
        }
        return out.toString();
    }
}
