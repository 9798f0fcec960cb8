package dev.ferrule.gen;

import static dev.ferrule.gen.Ast.block;
import static dev.ferrule.gen.Ast.call;
import static dev.ferrule.gen.Ast.create;
import static dev.ferrule.gen.Ast.declare;
import static dev.ferrule.gen.Ast.integer;
import static dev.ferrule.gen.Ast.name;
import static dev.ferrule.gen.Ast.run;
import static dev.ferrule.gen.Ast.str;
import static dev.ferrule.gen.Ast.type;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Modifier;
import com.github.javaparser.ast.NodeList;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.expr.ArrayCreationExpr;
import com.github.javaparser.ast.expr.BooleanLiteralExpr;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.ClassExpr;
import com.github.javaparser.ast.expr.DoubleLiteralExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.NullLiteralExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.type.PrimitiveType;
import com.github.javaparser.ast.type.Type;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * A JUnit 5 suite that drives every method of the safe layer with edge cases for its parameter
 * types: null for every reference, empty and large strings and buffers, extreme numbers, invalid,
 * released and foreign handles, use after close, double close and use racing close. Each case
 * asserts the documented outcome: a result or one of the library's own exceptions, a
 * {@code NullPointerException} naming the parameter, or {@code IllegalStateException} after close;
 * never a crash. {@code @FerruleLeakCheck} fails any case that leaves an object behind.
 */
final class ContractTestGenerator {

    /** A bound export: its safe method and, when it takes a handle, the handle's type word. */
    record Subject(String local, MethodDeclaration method, Map<Integer, String> handleParams,
            dev.ferrule.abi.AbiModel.AbiFunction function, Optional<List<Expression>> invalidUtf8Args,
            List<NullProbe> nullProbes) {
    }

    /**
     * A raw call with a null pointer in {@code param}.
     *
     * @param handles local names of live handles the call needs, with their handle type
     */
    record NullProbe(String param, String symbol, List<Expression> args, Map<String, String> handles) {
    }

    private final String packageName;
    private final String safeClass;
    private final String rawClass;
    private final String exceptionClass;
    private final List<Subject> subjects;
    private final List<String> handleWords;
    private final Map<String, MethodDeclaration> statics;
    private final Function<Type, Optional<Expression>> typicalValueType;
    private final Map<String, String> skips;
    private final Set<String> generated = new TreeSet<>();

    ContractTestGenerator(String packageName, String safeClass, String rawClass, String exceptionClass,
            List<Subject> subjects,
            List<String> handleWords, Map<String, MethodDeclaration> statics,
            Function<Type, Optional<Expression>> typicalValueType, Map<String, String> skips) {
        this.packageName = packageName;
        this.safeClass = safeClass;
        this.rawClass = rawClass;
        this.exceptionClass = exceptionClass;
        this.subjects = subjects;
        this.handleWords = handleWords;
        this.statics = statics;
        this.typicalValueType = typicalValueType;
        this.skips = skips;
    }

    String className() {
        return safeClass + "ContractTest";
    }

    /** The names of the generated cases, for checking that every skip names one. */
    Set<String> caseNames() {
        return generated;
    }

    CompilationUnit generate() {
        CompilationUnit unit = new CompilationUnit(packageName);
        for (String imported : List.of("dev.ferrule.runtime.junit.CrashIsolation",
                "dev.ferrule.runtime.junit.FerruleLeakCheck", "java.lang.foreign.MemorySegment",
                "org.junit.jupiter.api.Assertions",
                "org.junit.jupiter.api.Disabled", "org.junit.jupiter.api.Test",
                "org.junit.jupiter.api.function.Executable")) {
            unit.addImport(imported);
        }
        ClassOrInterfaceDeclaration type = unit.addClass(className());
        type.addSingleMemberAnnotation("FerruleLeakCheck", new ClassExpr(type(safeClass)));
        type.setJavadocComment("Contract tests of " + safeClass + ", generated by ferrule-maven-plugin from the ABI"
                + " model; do not edit.\nTurn a case off with <contractTestSkips> in the plugin configuration,"
                + " giving a reason.");
        type.addMember(outcomeHelper());
        type.addMember(handleRefusedHelper());
        for (Subject subject : subjects) {
            addValueCases(type, subject);
            subject.invalidUtf8Args().ifPresent(args -> addInvalidUtf8Case(type, subject, args));
            subject.nullProbes().forEach(probe -> addNullProbe(type, subject, probe));
        }
        for (String word : handleWords) {
            addHandleCases(type, word);
        }
        return unit;
    }

    // ---- helpers in the generated class ----------------------------------------------------------

    /** A call either returns or throws the library's own exception; anything else is a failure. */
    private MethodDeclaration outcomeHelper() {
        MethodDeclaration method = new MethodDeclaration(NodeList.nodeList(Modifier.privateModifier(),
                Modifier.staticModifier()), new com.github.javaparser.ast.type.VoidType(), "returnsOrThrowsOwn");
        method.addParameter("Executable", "call");
        method.setJavadocComment("The documented outcome of an edge case: a result, or a " + exceptionClass
                + ".\n@param call the call");
        com.github.javaparser.ast.stmt.CatchClause own = new com.github.javaparser.ast.stmt.CatchClause(
                new Parameter(type(exceptionClass), "expected"), block(run(call(name("Assertions"), "assertNotNull",
                call(name("expected"), "getMessage")))));
        com.github.javaparser.ast.stmt.CatchClause other = new com.github.javaparser.ast.stmt.CatchClause(
                new Parameter(type("Throwable"), "unexpected"), block(run(call(name("Assertions"), "fail",
                str("expected a result or a " + exceptionClass), name("unexpected")))));
        method.setBody(block(new com.github.javaparser.ast.stmt.TryStmt(block(run(call(name("call"), "execute"))),
                NodeList.nodeList(own, other), null)));
        return method;
    }

    /** A handle the library never issued, or released, is refused with a handle error, not a crash. */
    private MethodDeclaration handleRefusedHelper() {
        MethodDeclaration method = new MethodDeclaration(NodeList.nodeList(Modifier.privateModifier(),
                Modifier.staticModifier()), new com.github.javaparser.ast.type.VoidType(), "refusesHandle");
        method.addParameter("Executable", "call");
        method.setJavadocComment("@param call a call with a handle that must be refused");
        Expression thrown = call(name("Assertions"), "assertThrows", new ClassExpr(type(exceptionClass)),
                name("call"));
        Expression code = call(name("failure"), "code");
        Expression handleError = Ast.binary(Ast.binary(Ast.binary(code, com.github.javaparser.ast.expr.BinaryExpr
                .Operator.EQUALS, integer(-3)), com.github.javaparser.ast.expr.BinaryExpr.Operator.OR, Ast.binary(
                code.clone(), com.github.javaparser.ast.expr.BinaryExpr.Operator.EQUALS, integer(-4))),
                com.github.javaparser.ast.expr.BinaryExpr.Operator.OR, Ast.binary(code.clone(),
                        com.github.javaparser.ast.expr.BinaryExpr.Operator.EQUALS, integer(-5)));
        method.setBody(block(declare(type(exceptionClass), "failure", thrown),
                run(call(name("Assertions"), "assertTrue", handleError, Ast.binary(str("a handle error, not "),
                        com.github.javaparser.ast.expr.BinaryExpr.Operator.PLUS, name("failure"))))));
        return method;
    }

    // ---- cases ------------------------------------------------------------------------------------

    private void addValueCases(ClassOrInterfaceDeclaration type, Subject subject) {
        MethodDeclaration target = subject.method();
        List<Parameter> params = target.getParameters();
        for (int i = 0; i < params.size(); i++) {
            Parameter param = params.get(i);
            String handleWord = subject.handleParams().get(i);
            String prefix = target.getNameAsString() + "_" + param.getNameAsString() + "_";
            if (handleWord != null) {
                for (Map.Entry<String, Expression> bad : badHandles().entrySet()) {
                    addCase(type, prefix + bad.getKey(), subject, i, bad.getValue(), Expect.HANDLE_REFUSED);
                }
                addReleasedHandleCase(type, prefix + "released", subject, i, handleWord);
                for (String other : handleWords) {
                    if (!other.equals(handleWord)) {
                        addForeignHandleCase(type, prefix + "of" + HandleClassGenerator.className(other), subject, i,
                                other);
                    }
                }
                continue;
            }
            Type javaType = param.getType();
            if (!javaType.isPrimitiveType()) {
                // Cast, because overloads (byte[], MemorySegment, ByteBuffer) make a bare null ambiguous.
                addCase(type, prefix + "null", subject, i, new CastExpr(javaType.clone(), new NullLiteralExpr()),
                        Expect.NULL_POINTER);
            }
            for (Map.Entry<String, Expression> edge : edges(javaType).entrySet()) {
                addCase(type, prefix + edge.getKey(), subject, i, edge.getValue(), Expect.RESULT_OR_OWN);
            }
        }
    }

    private enum Expect {
        RESULT_OR_OWN, NULL_POINTER, HANDLE_REFUSED
    }

    private static Map<String, Expression> badHandles() {
        Map<String, Expression> values = new LinkedHashMap<>();
        values.put("zero", Ast.longLiteral(0));
        values.put("forged", name("Long.MAX_VALUE"));
        values.put("negative", Ast.longLiteral(-1));
        return values;
    }

    /** Edge values of a parameter type; empty for types without interesting edges. */
    private static Map<String, Expression> edges(Type type) {
        Map<String, Expression> values = new LinkedHashMap<>();
        String name = type.asString();
        switch (name) {
            case "long", "int", "short", "byte" -> {
                String boxed = switch (name) {
                    case "long" -> "Long";
                    case "int" -> "Integer";
                    case "short" -> "Short";
                    default -> "Byte";
                };
                values.put("min", name(boxed + ".MIN_VALUE"));
                values.put("max", name(boxed + ".MAX_VALUE"));
                // int literals need no cast (javac warns about a redundant one); the others do.
                values.put("zero", name.equals("int") ? integer(0) : new CastExpr(type.clone(), integer(0)));
                values.put("minusOne", name.equals("int") ? integer(-1) : new CastExpr(type.clone(), integer(-1)));
            }
            case "double", "float" -> {
                String boxed = name.equals("double") ? "Double" : "Float";
                values.put("nan", name(boxed + ".NaN"));
                values.put("infinite", name(boxed + ".POSITIVE_INFINITY"));
                values.put("negativeZero", new CastExpr(type.clone(), new DoubleLiteralExpr("-0.0")));
            }
            case "boolean" -> {
                values.put("true", new BooleanLiteralExpr(true));
                values.put("false", new BooleanLiteralExpr(false));
            }
            case "String" -> {
                values.put("empty", new StringLiteralExpr(""));
                values.put("large", call(str("x"), "repeat", integer(1 << 20)));
                values.put("nul", new StringLiteralExpr("\\0"));
                values.put("nonAscii", new StringLiteralExpr("Zo\\u00eb \\u65e5\\u672c \\ud83c\\udf89"));
                // A lone surrogate is not UTF-16 text; Java encodes it as '?', so Rust still gets UTF-8.
                values.put("loneSurrogate", new StringLiteralExpr("\\ud800"));
            }
            case "byte[]" -> {
                values.put("empty", new ArrayCreationExpr(PrimitiveType.byteType(), NodeList.nodeList(
                        new com.github.javaparser.ast.ArrayCreationLevel(integer(0))), null));
                values.put("large", new ArrayCreationExpr(PrimitiveType.byteType(), NodeList.nodeList(
                        new com.github.javaparser.ast.ArrayCreationLevel(integer(1 << 20))), null));
            }
            default -> {
            }
        }
        return values;
    }

    private List<Expression> typicalArgs(Subject subject, int varied, Expression value, List<Statement> setup,
            List<Statement> cleanup) {
        List<Expression> args = new ArrayList<>();
        List<Parameter> params = subject.method().getParameters();
        for (int i = 0; i < params.size(); i++) {
            if (i == varied) {
                args.add(value);
                continue;
            }
            String word = subject.handleParams().get(i);
            if (word != null) {
                String handle = "live" + i;
                setup.add(declare(PrimitiveType.longType(), handle, newHandle(word)));
                cleanup.add(0, run(call(name(safeClass), Names.lowerCamel(word + "_release"), name(handle))));
                args.add(name(handle));
                continue;
            }
            Type paramType = params.get(i).getType();
            args.add(typicalValueType.apply(paramType).orElseThrow(() -> new IllegalStateException(
                    "no typical value for " + paramType)));
        }
        return args;
    }

    private Expression newHandle(String word) {
        MethodDeclaration create = statics.get(word + "_new");
        List<Expression> args = new ArrayList<>();
        for (Parameter parameter : create.getParameters()) {
            args.add(typicalValueType.apply(parameter.getType()).orElseThrow());
        }
        return call(name(safeClass), create.getNameAsString(), args.toArray(Expression[]::new));
    }

    private void addCase(ClassOrInterfaceDeclaration type, String caseName, Subject subject, int varied,
            Expression value, Expect expect) {
        List<Statement> setup = new ArrayList<>();
        List<Statement> cleanup = new ArrayList<>();
        List<Expression> args = typicalArgs(subject, varied, value, setup, cleanup);
        Expression invocation = call(name(safeClass), subject.method().getNameAsString(),
                args.toArray(Expression[]::new));
        BlockStmt callBody = new BlockStmt();
        if (createsHandle(subject)) {
            // A handle made by an edge case is released at once, or the leak check would fail.
            callBody.addStatement(run(call(name(safeClass), Names.lowerCamel(handleWordOf(subject) + "_release"),
                    invocation)));
        } else {
            callBody.addStatement(new ExpressionStmt(invocation));
        }
        LambdaExpr lambda = new LambdaExpr(new NodeList<>(), callBody);
        Statement check = switch (expect) {
            case RESULT_OR_OWN -> run(call("returnsOrThrowsOwn", lambda));
            case HANDLE_REFUSED -> run(call("refusesHandle", lambda));
            case NULL_POINTER -> run(call(name("Assertions"), "assertThrows", new ClassExpr(type(
                    "NullPointerException")), lambda));
        };
        addTest(type, caseName, setup, List.of(check), cleanup);
    }

    /** Invalid UTF-8 through the raw layer must come back as INVALID_UTF8 (-6), with a message. */
    private void addInvalidUtf8Case(ClassOrInterfaceDeclaration type, Subject subject, List<Expression> args) {
        List<Statement> setup = new ArrayList<>();
        List<Statement> cleanup = new ArrayList<>();
        for (Map.Entry<Integer, String> handle : subject.handleParams().entrySet()) {
            // Raw and safe parameter positions differ; the raw arguments name handles by raw position.
            for (Expression arg : args) {
                if (arg.isNameExpr() && arg.asNameExpr().getNameAsString().startsWith("live")) {
                    String name = arg.asNameExpr().getNameAsString();
                    if (setup.stream().noneMatch(st -> st.toString().contains(" " + name + " "))) {
                        setup.add(declare(PrimitiveType.longType(), name, newHandle(handle.getValue())));
                        cleanup.add(0, run(call(name(safeClass), Names.lowerCamel(handle.getValue() + "_release"),
                                name(name))));
                    }
                }
            }
        }
        BlockStmt inArena = block(
                declare(type("java.lang.foreign.MemorySegment"), "invalidUtf8", call(name("arena"), "allocateFrom",
                        name("java.lang.foreign.ValueLayout.JAVA_BYTE"), new CastExpr(PrimitiveType.byteType(),
                                integer(0x66)), new CastExpr(PrimitiveType.byteType(), integer(0xC3)),
                        new CastExpr(PrimitiveType.byteType(), integer(0x28)))),
                run(call(name("Assertions"), "assertEquals", integer(-6), call(name(rawClass),
                        subject.function().symbol(), args.stream().map(Expression::clone).toArray(Expression[]::new)),
                        str("an invalid UTF-8 string is refused with INVALID_UTF8"))),
                run(call(name("Assertions"), "assertFalse", call(call(name(safeClass), "lastError"), "isEmpty"))));
        Statement withArena = new com.github.javaparser.ast.stmt.TryStmt(NodeList.nodeList(
                new com.github.javaparser.ast.expr.VariableDeclarationExpr(new com.github.javaparser.ast.body
                        .VariableDeclarator(type("java.lang.foreign.Arena"), "arena", call(name(
                        "java.lang.foreign.Arena"), "ofConfined")))), inArena, new NodeList<>(), null);
        addTest(type, subject.method().getNameAsString() + "_invalidUtf8", setup, List.of(withArena), cleanup);
    }

    /**
     * A null pointer through the raw layer must be refused with NULL_ARGUMENT. The call runs in a
     * child JVM, so a missing null check fails this case with the crash log instead of killing
     * the test run.
     */
    private void addNullProbe(ClassOrInterfaceDeclaration type, Subject subject, NullProbe probe) {
        String caseName = subject.method().getNameAsString() + "_" + Names.identifier(Names.lowerCamel(probe.param()))
                + "_nullPointer";
        String probeMethod = "probe_" + caseName;
        MethodDeclaration child = type.addMethod(probeMethod, Modifier.Keyword.STATIC);
        child.setType(PrimitiveType.intType());
        child.setJavadocComment("Runs in a child JVM: the raw call with a null {@code " + probe.param() + "}.\n"
                + "@return the call's status");
        BlockStmt inArena = new BlockStmt();
        List<Statement> release = new ArrayList<>();
        probe.handles().forEach((local, word) -> {
            inArena.addStatement(declare(PrimitiveType.longType(), local, newHandle(word)));
            release.add(0, run(call(name(safeClass), Names.lowerCamel(word + "_release"), name(local))));
        });
        com.github.javaparser.ast.stmt.ReturnStmt call = new com.github.javaparser.ast.stmt.ReturnStmt(call(
                name(rawClass), probe.symbol(), probe.args().stream().map(Expression::clone)
                        .toArray(Expression[]::new)));
        inArena.addStatement(release.isEmpty() ? call : new com.github.javaparser.ast.stmt.TryStmt(block(call),
                new NodeList<>(), new BlockStmt(NodeList.nodeList(release))));
        boolean usesArena = probe.args().stream().anyMatch(a -> !a.findAll(com.github.javaparser.ast.expr.NameExpr
                .class, n -> n.getNameAsString().equals("arena")).isEmpty());
        // javac warns about an arena the call does not use.
        child.setBody(!usesArena ? inArena : block(new com.github.javaparser.ast.stmt.TryStmt(NodeList.nodeList(
                new com.github.javaparser.ast.expr.VariableDeclarationExpr(new com.github.javaparser.ast.body
                        .VariableDeclarator(type("java.lang.foreign.Arena"), "arena", call(name(
                        "java.lang.foreign.Arena"), "ofConfined")))), inArena, new NodeList<>(), null)));
        addTest(type, caseName, List.of(), List.of(run(call(name("CrashIsolation"), "assertStatus",
                new ClassExpr(type(className())), str(probeMethod), integer(-2), str("a null " + probe.param())))),
                List.of());
    }

    private void addReleasedHandleCase(ClassOrInterfaceDeclaration type, String caseName, Subject subject, int varied,
            String word) {
        List<Statement> setup = new ArrayList<>();
        setup.add(declare(PrimitiveType.longType(), "released", newHandle(word)));
        setup.add(run(call(name(safeClass), Names.lowerCamel(word + "_release"), name("released"))));
        List<Statement> cleanup = new ArrayList<>();
        List<Expression> args = typicalArgs(subject, varied, name("released"), setup, cleanup);
        LambdaExpr lambda = new LambdaExpr(new NodeList<>(), block(new ExpressionStmt(call(name(safeClass),
                subject.method().getNameAsString(), args.toArray(Expression[]::new)))));
        addTest(type, caseName, setup, List.of(run(call("refusesHandle", lambda))), cleanup);
    }

    private void addForeignHandleCase(ClassOrInterfaceDeclaration type, String caseName, Subject subject, int varied,
            String otherWord) {
        List<Statement> setup = new ArrayList<>();
        setup.add(declare(PrimitiveType.longType(), "foreign", newHandle(otherWord)));
        List<Statement> cleanup = new ArrayList<>();
        cleanup.add(run(call(name(safeClass), Names.lowerCamel(otherWord + "_release"), name("foreign"))));
        List<Expression> args = typicalArgs(subject, varied, name("foreign"), setup, cleanup);
        LambdaExpr lambda = new LambdaExpr(new NodeList<>(), block(new ExpressionStmt(call(name(safeClass),
                subject.method().getNameAsString(), args.toArray(Expression[]::new)))));
        addTest(type, caseName, setup, List.of(run(call("refusesHandle", lambda))), cleanup);
    }

    /** Use after close, double close, and use racing close, on each handle class. */
    private void addHandleCases(ClassOrInterfaceDeclaration type, String word) {
        String handleClass = HandleClassGenerator.className(word);
        Expression create = call(name(handleClass), "create", statics.get(word + "_new").getParameters().stream()
                .map(p -> typicalValueType.apply(p.getType()).orElseThrow()).toArray(Expression[]::new));
        String prefix = Names.lowerCamel(word) + "Handle_";

        List<Statement> doubleClose = List.of(declare(type(handleClass), "handle", create),
                run(call(name("handle"), "close")), run(call(name("handle"), "close")),
                run(call(name("Assertions"), "assertTrue", call(name("handle"), "isClosed"))));
        addTest(type, prefix + "doubleClose", List.of(), doubleClose, List.of());

        Optional<Subject> user = subjects.stream().filter(s -> s.handleParams().containsValue(word)
                && s.handleParams().containsKey(0) && !s.local().equals(word + "_release")
                && !s.local().equals(word + "_clone") && s.handleParams().size() == 1).findFirst();
        if (user.isEmpty()) {
            return;
        }
        String verb = user.get().local().substring(word.length() + 1);
        List<Expression> args = new ArrayList<>();
        List<Parameter> params = user.get().method().getParameters();
        for (int i = 1; i < params.size(); i++) {
            args.add(typicalValueType.apply(params.get(i).getType()).orElseThrow());
        }
        Expression use = call(name("handle"), Names.lowerCamel(verb), args.toArray(Expression[]::new));
        List<Statement> afterClose = List.of(declare(type(handleClass), "handle", create.clone()),
                run(call(name("handle"), "close")),
                run(call(name("Assertions"), "assertThrows", new ClassExpr(type("IllegalStateException")),
                        new LambdaExpr(new NodeList<>(), block(new ExpressionStmt(use.clone()))))));
        addTest(type, prefix + "useAfterClose", List.of(), afterClose, List.of());

        // Eight threads use the handle while the test closes it: every call returns or reports the
        // close; nothing else may happen, and no thread may crash the JVM.
        BlockStmt worker = block(new com.github.javaparser.ast.stmt.WhileStmt(
                new com.github.javaparser.ast.expr.UnaryExpr(call(name("handle"), "isClosed"),
                        com.github.javaparser.ast.expr.UnaryExpr.Operator.LOGICAL_COMPLEMENT),
                block(new com.github.javaparser.ast.stmt.TryStmt(block(new ExpressionStmt(use.clone())),
                        NodeList.nodeList(
                                new com.github.javaparser.ast.stmt.CatchClause(new Parameter(type(
                                        "IllegalStateException"), "closed"), block()),
                                new com.github.javaparser.ast.stmt.CatchClause(new Parameter(type(exceptionClass),
                                        "own"), block()),
                                new com.github.javaparser.ast.stmt.CatchClause(new Parameter(type("Throwable"),
                                        "unexpected"), block(run(call(name("failures"), "add", name("unexpected")))))),
                        null))));
        List<Statement> race = List.of(
                declare(type(handleClass), "handle", create.clone()),
                declare(type("java.util.List<Throwable>"), "failures", create(
                        "java.util.concurrent.CopyOnWriteArrayList<>")),
                declare(type("java.util.List<Thread>"), "threads", create("java.util.ArrayList<>")),
                new com.github.javaparser.ast.stmt.ForStmt(NodeList.nodeList(new com.github.javaparser.ast.expr
                        .VariableDeclarationExpr(new com.github.javaparser.ast.body.VariableDeclarator(
                                PrimitiveType.intType(), "i", integer(0)))), Ast.binary(name("i"),
                        com.github.javaparser.ast.expr.BinaryExpr.Operator.LESS, integer(8)), NodeList.nodeList(
                        new com.github.javaparser.ast.expr.UnaryExpr(name("i"), com.github.javaparser.ast.expr
                                .UnaryExpr.Operator.POSTFIX_INCREMENT)),
                        block(run(call(name("threads"), "add", call(call(name("Thread"), "ofPlatform"), "start",
                                new LambdaExpr(new NodeList<>(), worker)))))),
                run(call(name("Thread"), "sleep", integer(20))),
                run(call(name("handle"), "close")),
                new com.github.javaparser.ast.stmt.ForEachStmt(new com.github.javaparser.ast.expr
                        .VariableDeclarationExpr(type("Thread"), "thread"), name("threads"),
                        block(run(call(name("thread"), "join")))),
                run(call(name("Assertions"), "assertEquals", call(name("java.util.List"), "of"), name("failures"))));
        addTest(type, prefix + "useRacingClose", List.of(), race, List.of());
    }

    private boolean createsHandle(Subject subject) {
        return handleWordOf(subject) != null;
    }

    private String handleWordOf(Subject subject) {
        for (String word : handleWords) {
            if (subject.local().equals(word + "_new") || subject.local().equals(word + "_clone")) {
                return word;
            }
        }
        return null;
    }

    private void addTest(ClassOrInterfaceDeclaration type, String caseName, List<Statement> setup,
            List<Statement> body, List<Statement> cleanup) {
        generated.add(caseName);
        MethodDeclaration test = type.addMethod(caseName);
        test.addMarkerAnnotation("Test");
        String skip = skips.get(caseName);
        if (skip != null) {
            test.addSingleMemberAnnotation("Disabled", new StringLiteralExpr(skip.replace("\\", "\\\\")
                    .replace("\"", "\\\"")));
        }
        test.addThrownException(type("Exception"));
        BlockStmt block = new BlockStmt();
        setup.forEach(block::addStatement);
        if (cleanup.isEmpty()) {
            body.forEach(block::addStatement);
        } else {
            block.addStatement(new com.github.javaparser.ast.stmt.TryStmt(new BlockStmt(NodeList.nodeList(body)),
                    new NodeList<>(), new BlockStmt(NodeList.nodeList(cleanup))));
        }
        test.setBody(block);
    }
}
