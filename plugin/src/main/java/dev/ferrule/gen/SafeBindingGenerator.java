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
import com.github.javaparser.ast.body.ConstructorDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.ClassExpr;
import com.github.javaparser.ast.expr.SimpleName;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.ExplicitConstructorInvocationStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.stmt.TryStmt;
import com.github.javaparser.ast.type.ArrayType;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import com.github.javaparser.ast.type.PrimitiveType;
import com.github.javaparser.ast.type.Type;
import com.github.javaparser.ast.type.VoidType;
import dev.ferrule.abi.AbiModel;
import dev.ferrule.abi.AbiModel.AbiFunction;
import dev.ferrule.abi.AbiModel.AbiType;
import dev.ferrule.abi.AbiModel.Param;
import dev.ferrule.cargo.FerruleMetadata;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The safe layer for crates built on ferrule-ffi (recognised by their
 * {@code <prefix>_last_error_length} export): status codes become exceptions carrying the last
 * error message, strings and bytes cross as UTF-8 copies in a confined arena scoped to the call,
 * out-parameters become return values, {@code #[repr(C)]} structs become records and fieldless
 * enums Java enums ({@link ValueTypeGenerator}), handles become {@code AutoCloseable} classes
 * ({@link HandleClassGenerator}) and callbacks functional interfaces ({@link CallbackSupport}).
 * Functions with no safe mapping are listed as skipped and stay reachable through the raw class.
 */
public final class SafeBindingGenerator {

    /** ferrule-ffi's runtime errors: code, exception class, meaning. Part of the boundary contract. */
    private static final List<String[]> RUNTIME_ERRORS = List.of(
            new String[] {"-1", "PanicException", "The export panicked; the panic was caught at the boundary."},
            new String[] {"-2", "NullArgumentException", "A pointer argument that must not be null was null."},
            new String[] {"-3", "InvalidHandleException", "The handle was never issued, or is malformed."},
            new String[] {"-4", "StaleHandleException", "The handle was released before this call."},
            new String[] {"-5", "WrongHandleTypeException", "The handle belongs to another type."},
            new String[] {"-6", "InvalidUtf8Exception", "A string argument was not valid UTF-8."},
            new String[] {"-7", "BufferTooSmallException", "The caller's buffer is too small for the result."},
            new String[] {"-8", "ClosedException", "The object was closed."},
            new String[] {"-9", "UnsupportedFeatureException", "The library was built without a needed feature."},
            new String[] {"-10", "InvalidArgumentException", "An argument is out of range."});

    private static final Set<String> RUNTIME_EXPORTS = Set.of("last_error_message", "last_error_length",
            "live_objects", "live_objects_report", "buffer_free", "set_log_callback", "build_info",
            "abi_fingerprint");

    private final AbiModel model;
    private final String packageName;
    private final String rawClass;
    private final String safeClass;
    private final String exceptionClass;
    private final String prefix;
    private final CTypes types;
    private final List<String> skipped = new ArrayList<>();
    private final Map<String, MethodDeclaration> statics = new TreeMap<>();
    private final Map<String, AbiType> callbacksUsed = new TreeMap<>();
    private final ValueTypeGenerator values;
    private final Set<String> valueTypesUsed = new java.util.TreeSet<>();
    private final List<String> undecidable = new ArrayList<>();
    private final Map<String, AbiFunction> boundFunctions = new TreeMap<>();

    private SafeBindingGenerator(AbiModel model, GeneratorConfig config, String safeClass, String prefix) {
        this.model = model;
        this.packageName = config.packageName();
        this.rawClass = config.className();
        this.safeClass = safeClass;
        this.exceptionClass = safeClass + "Exception";
        this.prefix = prefix;
        this.types = new CTypes(model);
        Set<String> taken = new HashSet<>(Set.of(safeClass, exceptionClass, rawClass));
        model.functions().stream().map(AbiFunction::symbol).filter(s -> s.startsWith(prefix + "_") && s.endsWith("_new"))
                .map(s -> s.substring(prefix.length() + 1, s.length() - "_new".length()))
                .forEach(word -> taken.add(HandleClassGenerator.className(word)));
        this.values = new ValueTypeGenerator(packageName, rawClass, types, taken);
    }

    /** The ferrule-ffi export prefix of a model, if the crate uses ferrule-ffi. */
    static Optional<String> prefix(AbiModel model) {
        return model.functions().stream().map(AbiFunction::symbol).filter(s -> s.endsWith("_last_error_length"))
                .map(s -> s.substring(0, s.length() - "_last_error_length".length())).findFirst();
    }

    /** Generates the safe layer, or nothing when the crate does not use ferrule-ffi. */
    public static GenerationResult generate(AbiModel model, GeneratorConfig config, String safeClass)
            throws GenerationException {
        Optional<String> prefix = prefix(model);
        if (prefix.isEmpty()) {
            return new GenerationResult(List.of(), List.of());
        }
        return new SafeBindingGenerator(model, config, safeClass, prefix.get()).generate(config);
    }

    private GenerationResult generate(GeneratorConfig config) throws GenerationException {
        List<GeneratedSource> sources = new ArrayList<>();
        sources.add(source(exceptionClass, exceptions()));
        CompilationUnit facade = facade(config);
        if (!undecidable.isEmpty()) {
            throw new GenerationException("The safe layer of " + model.crate().name() + " cannot be generated: "
                    + undecidable.size() + " function(s) are undecidable, and Ferrule does not guess.", undecidable);
        }
        sources.add(source(safeClass, facade));
        sources.addAll(values.sources(valueTypesUsed));
        for (AbiType callback : callbacksUsed.values()) {
            sources.add(source(callback.name(), CallbackSupport.functionalInterface(packageName, callback, types)));
        }
        for (String word : handleTypes()) {
            sources.add(source(HandleClassGenerator.className(word), new HandleClassGenerator(packageName, rawClass,
                    safeClass, exceptionClass, prefix, word, statics).generate()));
        }
        List<GeneratedSource> tests = new ArrayList<>();
        if (config.fuzzDuration() != null) {
            FuzzTestGenerator fuzz = new FuzzTestGenerator(packageName, safeClass, exceptionClass,
                    subjects(handleTypes()), statics, this::typicalValue, config.fuzzDuration());
            fuzz.generate().ifPresent(unit -> tests.add(source(fuzz.className(), unit)));
        }
        if (config.contractTests()) {
            ContractTestGenerator contract = contractTests(config);
            tests.add(source(contract.className(), contract.generate()));
            List<String> unknown = config.contractSkips().keySet().stream()
                    .filter(name -> !contract.caseNames().contains(name)).sorted().toList();
            if (!unknown.isEmpty()) {
                throw new GenerationException("<contractTestSkips> names cases that are not generated (renamed, or"
                        + " the function is gone):", unknown.stream().map(name -> name + "; cases of the same"
                        + " method: " + contract.caseNames().stream().filter(c -> c.startsWith(name.split("_")[0]
                        + "_")).toList()).toList());
            }
        }
        return new GenerationResult(List.copyOf(sources), List.copyOf(skipped), List.copyOf(tests));
    }

    private ContractTestGenerator contractTests(GeneratorConfig config) {
        List<String> words = handleTypes();
        return new ContractTestGenerator(packageName, safeClass, rawClass, exceptionClass, subjects(words), words,
                statics, this::typicalValue, config.contractSkips());
    }

    /** Each bound method, with its handle parameters, for the generated tests. */
    private List<ContractTestGenerator.Subject> subjects(List<String> words) {
        List<ContractTestGenerator.Subject> subjects = new ArrayList<>();
        statics.forEach((local, method) -> {
            Map<Integer, String> handles = new TreeMap<>();
            for (int i = 0; i < method.getParameters().size(); i++) {
                Parameter parameter = method.getParameter(i);
                for (String word : words) {
                    if (parameter.getType().equals(PrimitiveType.longType())
                            && parameter.getNameAsString().equals(Names.identifier(Names.lowerCamel(word)))) {
                        handles.put(i, word);
                    }
                }
            }
            subjects.add(new ContractTestGenerator.Subject(local, method, handles,
                    invalidUtf8Case(boundFunctions.get(local), words), nullProbes(boundFunctions.get(local), words)));
        });
        return subjects;
    }

    /**
     * A raw call that passes invalid UTF-8 in the function's first string, everything else valid.
     * Only the raw layer can send invalid UTF-8: Java strings always encode to valid UTF-8.
     */
    private Optional<ContractTestGenerator.RawCall> invalidUtf8Case(AbiFunction function, List<String> words) {
        List<Param> params = function.params();
        for (int i = 0; i + 1 < params.size(); i++) {
            if (params.get(i).type().c().equals("const uint8_t*")
                    && params.get(i + 1).name().equals(params.get(i).name() + "_len")) {
                int text = i;
                return rawCall(function, words, index -> index == text ? List.of(name("invalidUtf8"),
                        call(name("invalidUtf8"), "byteSize")) : null);
            }
        }
        return Optional.empty();
    }

    /**
     * Raw calls that pass a null pointer in one pointer parameter each, everything else valid:
     * ferrule-ffi's contract is that a pointer the function needs is checked (NULL_ARGUMENT, -2),
     * so a crash here is a missing null check. A byte pointer gets a length of 1, so the null is
     * not excused by an empty input.
     */
    private Map<String, ContractTestGenerator.RawCall> nullProbes(AbiFunction function, List<String> words) {
        Map<String, ContractTestGenerator.RawCall> probes = new java.util.LinkedHashMap<>();
        List<Param> params = function.params();
        for (int varied = 0; varied < params.size(); varied++) {
            String c = params.get(varied).type().c();
            if (!c.endsWith("*") && !types.isCallback(c)) {
                continue;
            }
            int nulled = varied;
            boolean bytePair = c.equals("const uint8_t*") && varied + 1 < params.size()
                    && params.get(varied + 1).type().c().equals("size_t");
            rawCall(function, words, index -> index != nulled ? null : bytePair
                    ? List.of(field(name("MemorySegment"), "NULL"), Ast.longLiteral(1))
                    : List.of(field(name("MemorySegment"), "NULL")))
                    .ifPresent(call -> probes.put(params.get(nulled).name(), call));
        }
        return probes;
    }

    /**
     * The arguments of a raw call: what {@code special} gives for a parameter index (two values for
     * a pointer and length pair), and valid values for the rest: two bytes for a byte input, a live
     * handle, an out-parameter of the right size, an ordinary number. Empty when some parameter
     * cannot be filled safely, such as a borrowed struct or a callback.
     */
    private Optional<ContractTestGenerator.RawCall> rawCall(AbiFunction function, List<String> words,
            java.util.function.IntFunction<List<Expression>> special) {
        List<Param> params = function.params();
        List<Expression> args = new ArrayList<>();
        Map<String, String> handles = new TreeMap<>();
        for (int i = 0; i < params.size(); i++) {
            Param param = params.get(i);
            String c = param.type().c();
            boolean bytePair = c.equals("const uint8_t*") && i + 1 < params.size()
                    && params.get(i + 1).type().c().equals("size_t");
            List<Expression> given = special.apply(i);
            if (given != null) {
                args.addAll(given);
                i += bytePair ? 1 : 0;
                continue;
            }
            if (bytePair) {
                args.add(call(name("arena"), "allocate", Ast.longLiteral(2)));
                args.add(Ast.longLiteral(2));
                i++;
                continue;
            }
            Optional<String> word = words.stream().filter(w -> param.name().equals(w) && c.equals("uint64_t"))
                    .findFirst();
            if (word.isPresent()) {
                handles.put("live" + i, word.get());
                args.add(name("live" + i));
                continue;
            }
            if (c.endsWith("*") && !c.startsWith("const ")) {
                String pointee = c.substring(0, c.length() - 1);
                boolean sized = pointee.startsWith("struct ") ? types.hasType(pointee.substring(7))
                        : types.ffm(pointee).isPresent();
                if (!sized) {
                    return Optional.empty();
                }
                args.add(call(name("arena"), "allocate", Ast.longLiteral(types.byteSize(pointee)),
                        Ast.longLiteral(8)));
                continue;
            }
            Optional<FfmType> ffm = types.ffm(c);
            if (ffm.isEmpty() || ffm.get().isSegment()) {
                return Optional.empty();
            }
            args.add(typicalValue(ffm.get().javaType()).orElseThrow());
        }
        return Optional.of(new ContractTestGenerator.RawCall(function.symbol(), args, handles));
    }

    /** An ordinary value of a parameter type, for the parameters a contract case does not vary. */
    private Optional<Expression> typicalValue(Type type) {
        if (type.isPrimitiveType()) {
            return Optional.of(switch (type.asPrimitiveType().getType()) {
                case BOOLEAN -> new com.github.javaparser.ast.expr.BooleanLiteralExpr(false);
                case LONG -> Ast.longLiteral(1);
                case INT -> integer(1);
                case DOUBLE, FLOAT -> new CastExpr(type.clone(), integer(1));
                default -> new CastExpr(type.clone(), integer(1));
            });
        }
        String name = type.asString();
        if (name.equals("String")) {
            return Optional.of(str("ferrule"));
        }
        if (name.equals("byte[]")) {
            return Optional.of(new com.github.javaparser.ast.expr.ArrayCreationExpr(PrimitiveType.byteType(),
                    NodeList.nodeList(new com.github.javaparser.ast.ArrayCreationLevel()),
                    new com.github.javaparser.ast.expr.ArrayInitializerExpr(NodeList.nodeList(integer(1), integer(2),
                            integer(3)))));
        }
        AbiType callback = callbacksUsed.get(name);
        if (callback != null) {
            NodeList<Parameter> params = new NodeList<>();
            for (int i = 0; i < callback.params().size() - 1; i++) {
                params.add(new Parameter(new com.github.javaparser.ast.type.UnknownType(), "arg" + i));
            }
            Optional<FfmType> result = callback.returns() == null ? Optional.empty()
                    : types.ffm(callback.returns().c());
            BlockStmt body = result.isEmpty() ? block()
                    : block(ret(typicalValue(result.get().javaType()).orElseThrow()));
            return Optional.of(new com.github.javaparser.ast.expr.LambdaExpr(params, body));
        }
        return values.typicalValue(name, this::typicalValue);
    }

    private GeneratedSource source(String className, CompilationUnit unit) {
        return new GeneratedSource(packageName.replace('.', '/') + "/" + className + ".java",
                RawBindingGenerator.print(unit));
    }

    /**
     * Handle types by convention: {@code <prefix>_<type>_new} writes a {@code u64} handle to
     * {@code out}, and {@code <prefix>_<type>_release} takes it back.
     */
    private List<String> handleTypes() {
        List<String> words = new ArrayList<>();
        for (String local : statics.keySet()) {
            if (!local.endsWith("_new")) {
                continue;
            }
            String word = local.substring(0, local.length() - "_new".length());
            MethodDeclaration create = statics.get(local);
            MethodDeclaration release = statics.get(word + "_release");
            if (create.getType().equals(PrimitiveType.longType()) && release != null
                    && release.getParameters().size() == 1) {
                words.add(word);
            }
        }
        return words;
    }

    // ---- exceptions ---------------------------------------------------------------------------

    private CompilationUnit exceptions() {
        CompilationUnit unit = new CompilationUnit(packageName);
        ClassOrInterfaceDeclaration base = unit.addClass(exceptionClass, Modifier.Keyword.PUBLIC);
        base.addExtendedType("RuntimeException");
        base.setJavadocComment("A call into " + model.crate().name() + " failed. {@link #code()} is the status: "
                + "positive for the crate's own errors, negative for ferrule-ffi's runtime errors, each of which\n"
                + "has its own subclass. The message is the library's last error message for the call; it never\n"
                + "holds native addresses.");
        serial(base);
        base.addField(PrimitiveType.intType(), "code", Modifier.Keyword.PRIVATE, Modifier.Keyword.FINAL);
        ConstructorDeclaration constructor = base.addConstructor(Modifier.Keyword.PUBLIC);
        constructor.addParameter(PrimitiveType.intType(), "code").addParameter("String", "message");
        constructor.setBody(block(new ExplicitConstructorInvocationStmt(false, null, NodeList.nodeList(
                name("message"))), Ast.assign(field(new com.github.javaparser.ast.expr.ThisExpr(), "code"),
                name("code"))));
        constructor.setJavadocComment("@param code the status code\n@param message the library's message");
        MethodDeclaration code = base.addMethod("code", Modifier.Keyword.PUBLIC);
        code.setType(PrimitiveType.intType()).setBody(block(ret(name("code"))));
        code.setJavadocComment("@return the status code of the failed call");

        MethodDeclaration of = base.addMethod("of", Modifier.Keyword.STATIC);
        of.setType(type(exceptionClass)).addParameter(PrimitiveType.intType(), "code")
                .addParameter("String", "message");
        of.setJavadocComment("@param code a non-zero status\n@param message the last error message\n"
                + "@return the exception for that status: a subclass for each runtime error and each variant of"
                + " the crate's error enum");
        BlockStmt body = new BlockStmt();
        List<String[]> all = new ArrayList<>(RUNTIME_ERRORS);
        Set<String> taken = new HashSet<>();
        RUNTIME_ERRORS.forEach(e -> taken.add(e[1]));
        for (AbiModel.ErrorEnum errors : model.errors()) {
            for (AbiModel.Variant variant : errors.variants()) {
                String exception = variant.name() + "Exception";
                if (!taken.add(exception)) {
                    exception = errors.name() + variant.name() + "Exception";
                    taken.add(exception);
                }
                String meaning = variant.docs() == null ? errors.name() + "::" + variant.name()
                        : variant.docs().strip().replace("*/", "*&#47;");
                all.add(new String[] {String.valueOf(variant.value()), exception, meaning + " ({@code "
                        + errors.path() + "::" + variant.name() + "})"});
            }
        }
        for (String[] error : all) {
            body.addStatement(when(Ast.binary(name("code"), BinaryExpr.Operator.EQUALS,
                    integer(Integer.parseInt(error[0]))), ret(create(error[1], name("message")))));
            ClassOrInterfaceDeclaration sub = new ClassOrInterfaceDeclaration(NodeList.nodeList(
                    Modifier.publicModifier(), Modifier.staticModifier(), Modifier.finalModifier()), false, error[1]);
            sub.addExtendedType(exceptionClass);
            sub.setJavadocComment(error[2] + " Status " + error[0] + ".");
            serial(sub);
            ConstructorDeclaration subConstructor = sub.addConstructor(Modifier.Keyword.PUBLIC);
            subConstructor.addParameter("String", "message");
            subConstructor.setJavadocComment("@param message the library's message");
            subConstructor.setBody(block(new ExplicitConstructorInvocationStmt(false, null, NodeList.nodeList(
                    integer(Integer.parseInt(error[0])), name("message")))));
            base.addMember(sub);
        }
        body.addStatement(ret(create(exceptionClass, name("code"), name("message"))));
        of.setBody(body);
        return unit;
    }

    private static void serial(ClassOrInterfaceDeclaration type) {
        type.addFieldWithInitializer(PrimitiveType.longType(), "serialVersionUID", Ast.longLiteral(1),
                Modifier.Keyword.PRIVATE, Modifier.Keyword.STATIC, Modifier.Keyword.FINAL);
    }

    // ---- facade -------------------------------------------------------------------------------

    private CompilationUnit facade(GeneratorConfig config) {
        CompilationUnit unit = new CompilationUnit(packageName);
        for (String imported : List.of("java.lang.foreign.Arena", "java.lang.foreign.FunctionDescriptor",
                "java.lang.foreign.Linker", "java.lang.foreign.MemorySegment", "java.lang.foreign.ValueLayout",
                "java.lang.invoke.MethodHandle", "java.lang.invoke.MethodHandles", "java.lang.invoke.MethodType",
                "java.nio.charset.StandardCharsets", "java.util.Objects", "dev.ferrule.runtime.CallFrame",
                "dev.ferrule.runtime.Utf8")) {
            unit.addImport(imported);
        }
        ClassOrInterfaceDeclaration type = unit.addClass(safeClass, Modifier.Keyword.PUBLIC, Modifier.Keyword.FINAL);
        type.setJavadocComment("Safe API of " + model.crate().name() + " " + model.crate().version() + ".\n\n"
                + "<p>Generated by ferrule-maven-plugin; do not edit. Each method checks the call's status and\n"
                + "throws a {@link " + exceptionClass + "} (a subclass for each runtime error) with the library's\n"
                + "message. Strings and bytes are copied into memory that lives only for the call. Handles are\n"
                + "plain {@code long} values here; close them with the matching release method.");
        type.addConstructor(Modifier.Keyword.PRIVATE);
        type.addMember(lastErrorMethod());
        type.addMember(checkMethod());
        type.addMember(takeStringMethod());
        MethodDeclaration live = type.addMethod("liveObjects", Modifier.Keyword.PUBLIC, Modifier.Keyword.STATIC);
        live.setType(PrimitiveType.longType()).setBody(block(ret(call(name(rawClass), prefix + "_live_objects"))));
        live.setJavadocComment("@return how many objects and buffers the library holds for the host right now");
        type.addMember(liveObjectsByTypeMethod());

        for (AbiFunction function : model.functions()) {
            if (!config.selects(function.symbol())) {
                continue;
            }
            String local = function.symbol().startsWith(prefix + "_")
                    ? function.symbol().substring(prefix.length() + 1) : function.symbol();
            if (RUNTIME_EXPORTS.contains(local)) {
                continue;
            }
            FerruleMetadata.FunctionMetadata meta = config.metadata().function(function.symbol());
            if (meta.rawOnly()) {
                skipped.add(function.symbol() + ": raw-only by [package.metadata.ferrule]; use " + rawClass);
                continue;
            }
            try {
                MethodDeclaration method = method(function, local, meta, false);
                type.addMember(method);
                statics.put(local, method);
                boundFunctions.put(local, function);
                if (bytesParameters(function, meta) == 1) {
                    addSegmentOverloads(type, method, method(function, local, meta, true));
                }
            } catch (Undecidable e) {
                undecidable.add(function.symbol() + ": " + e.getMessage() + ". Fix: " + e.fix
                        + ", or leave it to " + rawClass + " with\n    [package.metadata.ferrule.functions."
                        + function.symbol() + "]\n    raw-only = true");
            }
        }
        if (!callbacksUsed.isEmpty()) {
            unit.addImport("dev.ferrule.runtime.UpcallContext");
            new CallbackSupport(safeClass, rawClass, callbacksUsed.values(), types).addTo(type);
        }
        return unit;
    }

    /** Per-type live counts from {@code <prefix>_live_objects_report}, for leak checks. */
    private MethodDeclaration liveObjectsByTypeMethod() {
        com.github.javaparser.ast.type.ClassOrInterfaceType map = new com.github.javaparser.ast.type
                .ClassOrInterfaceType(null, new com.github.javaparser.ast.expr.SimpleName("java.util.Map"),
                NodeList.nodeList(type("String"), type("Long")));
        MethodDeclaration method = new MethodDeclaration(NodeList.nodeList(Modifier.publicModifier(),
                Modifier.staticModifier()), map, "liveObjectsByType");
        method.setJavadocComment("@return the objects and buffers the library holds right now, by type; what"
                + " {@code @FerruleLeakCheck}\ncompares before and after each test");
        BlockStmt perLine = block(
                declare(PrimitiveType.intType(), "space", call(name("line"), "lastIndexOf", new com.github.javaparser
                        .ast.expr.CharLiteralExpr(' '))),
                when(Ast.binary(name("space"), BinaryExpr.Operator.GREATER, integer(0)), run(call(name("counts"),
                        "put", call(name("line"), "substring", integer(0), name("space")), call(name("Long"),
                        "valueOf", call(name("line"), "substring", Ast.binary(name("space"), BinaryExpr.Operator.PLUS,
                                integer(1))))))));
        BlockStmt body = block(
                declare(type("MemorySegment"), "out", call(name("arena"), "allocate", field(name(rawClass),
                        FfmType.layoutConstant("FfiBuffer")))),
                run(call("check", call(name(rawClass), prefix + "_live_objects_report", name("out")))),
                declare(map.clone(), "counts", create("java.util.TreeMap<>")),
                new com.github.javaparser.ast.stmt.ForEachStmt(new VariableDeclarationExpr(type("String"), "line"),
                        call(call("takeString", name("out")), "split", str("\n")), perLine),
                ret(name("counts")));
        method.setBody(inFrame(body));
        return method;
    }

    private MethodDeclaration lastErrorMethod() {
        MethodDeclaration method = new MethodDeclaration(NodeList.nodeList(Modifier.staticModifier()),
                type("String"), "lastError");
        method.setJavadocComment("@return this thread's last error message from the library");
        Expression length = call(name(rawClass), prefix + "_last_error_length");
        BlockStmt inArena = block(
                declare(type("MemorySegment"), "buffer", call(name("arena"), "allocate", name("length"))),
                declare(PrimitiveType.longType(), "written", call(name(rawClass), prefix + "_last_error_message",
                        name("buffer"), name("length"))),
                ret(create("String", call(call(name("buffer"), "asSlice", Ast.longLiteral(0), name("written")),
                        "toArray", field(name("ValueLayout"), "JAVA_BYTE")),
                        field(name("StandardCharsets"), "UTF_8"))));
        method.setBody(block(declare(PrimitiveType.longType(), "length", length),
                when(Ast.binary(name("length"), BinaryExpr.Operator.EQUALS, Ast.longLiteral(0)), ret(str(""))),
                confined(inArena)));
        return method;
    }

    private MethodDeclaration checkMethod() {
        MethodDeclaration method = new MethodDeclaration(NodeList.nodeList(Modifier.staticModifier()),
                new VoidType(), "check");
        method.addParameter(PrimitiveType.intType(), "status");
        method.setJavadocComment("@param status a call's status; anything but 0 throws");
        method.setBody(block(when(Ast.binary(name("status"), BinaryExpr.Operator.NOT_EQUALS, integer(0)),
                throwing(call(name(exceptionClass), "of", name("status"), call("lastError"))))));
        return method;
    }

    private MethodDeclaration takeStringMethod() {
        MethodDeclaration method = new MethodDeclaration(NodeList.nodeList(Modifier.staticModifier()),
                type("String"), "takeString");
        method.addParameter("MemorySegment", "buffer");
        // Sizing the library's pointer is a restricted operation; the length comes from the library.
        method.addSingleMemberAnnotation("SuppressWarnings", str("restricted"));
        method.setJavadocComment("Copies a UTF-8 buffer the library allocated, then releases it (exactly once)."
                + "\n\n@param buffer an {@code FfiBuffer} written by the library\n@return its text");
        String layout = FfmType.layoutConstant("FfiBuffer");
        Expression pointer = call(name("buffer"), "get", field(name("ValueLayout"), "ADDRESS"),
                call(name(rawClass + "." + layout), "byteOffset", call(name("java.lang.foreign.MemoryLayout"
                        + ".PathElement"), "groupElement", str("ptr"))));
        Expression length = call(name("buffer"), "get", field(name("ValueLayout"), "JAVA_LONG"),
                call(name(rawClass + "." + layout), "byteOffset", call(name("java.lang.foreign.MemoryLayout"
                        + ".PathElement"), "groupElement", str("len"))));
        Expression bytes = call(call(name("pointer"), "reinterpret", name("length")), "toArray",
                field(name("ValueLayout"), "JAVA_BYTE"));
        TryStmt guarded = new TryStmt(block(ret(create("String", new com.github.javaparser.ast.expr.ConditionalExpr(
                Ast.binary(name("length"), BinaryExpr.Operator.EQUALS, Ast.longLiteral(0)),
                new com.github.javaparser.ast.expr.ArrayCreationExpr(PrimitiveType.byteType(), NodeList.nodeList(
                        new com.github.javaparser.ast.ArrayCreationLevel(integer(0))), null), bytes),
                field(name("StandardCharsets"), "UTF_8")))), new NodeList<>(),
                block(run(call(name(rawClass), prefix + "_buffer_free", name("buffer")))));
        method.setBody(block(declare(type("MemorySegment"), "pointer", pointer),
                declare(PrimitiveType.longType(), "length", length), guarded));
        return method;
    }

    /** A case the types, the naming conventions and the metadata leave open; generation stops. */
    private static final class Undecidable extends Exception {
        private static final long serialVersionUID = 1L;
        final String fix;

        Undecidable(String problem, String fix) {
            super(problem, null, false, false);
            this.fix = fix;
        }
    }

    private String metadataFix(AbiFunction function, String entry) {
        return "add to Cargo.toml\n    [package.metadata.ferrule.functions." + function.symbol() + "]\n    " + entry;
    }

    /** How many (pointer, length) byte parameters a function has; strings not counted. */
    private static int bytesParameters(AbiFunction function, FerruleMetadata.FunctionMetadata meta) {
        int count = 0;
        List<Param> params = function.params();
        for (int i = 0; i + 1 < params.size(); i++) {
            Param param = params.get(i);
            Param next = params.get(i + 1);
            String declared = meta.params().get(param.name());
            boolean pair = param.type().c().equals("const uint8_t*") && next.type().c().equals("size_t");
            boolean bytes = declared != null ? declared.equals("bytes") : next.name().equals("len");
            if (pair && bytes) {
                count++;
            }
        }
        return count;
    }

    /**
     * For a function with one byte input, overloads that take the bytes where they already are: a
     * native {@code MemorySegment} (or a direct {@code ByteBuffer}) is passed without a copy, since
     * the downcall keeps its memory alive for the call; heap memory is copied unless the function
     * is critical, which reads it in place.
     */
    private void addSegmentOverloads(ClassOrInterfaceDeclaration type, MethodDeclaration bytes,
            MethodDeclaration segment) {
        String doc = bytes.getJavadoc().map(j -> j.getDescription().toText()).orElse("");
        segment.setJavadocComment(doc + "\n\n<p>The bytes are read where they are: a native segment is not"
                + " copied.\n@param " + segment.getParameters().stream().map(Parameter::getNameAsString)
                .collect(java.util.stream.Collectors.joining(" see above\n@param ")) + " see above"
                + (segment.getType().isVoidType() ? "" : "\n@return see above"));
        type.addMember(segment);
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
        Expression delegate = new com.github.javaparser.ast.expr.MethodCallExpr(null, segment.getNameAsString(), args);
        buffer.setBody(block(buffer.getType().isVoidType() ? run(delegate) : ret(delegate)));
        buffer.setJavadocComment(doc + "\n\n<p>The bytes between the buffer's position and limit are read; a direct"
                + " buffer is not copied, and the position does not move.\n@param " + buffer.getParameters().stream()
                .map(Parameter::getNameAsString).collect(java.util.stream.Collectors.joining(" see above\n@param "))
                + " see above" + (buffer.getType().isVoidType() ? "" : "\n@return see above"));
        type.addMember(buffer);
    }

    private MethodDeclaration method(AbiFunction function, String local, FerruleMetadata.FunctionMetadata meta,
            boolean bytesInSegment) throws Undecidable {
        String returned = function.returns() == null ? "void" : function.returns().c();
        boolean status = meta.returns() != null ? meta.returns().equals("status") : returned.equals("int32_t");
        if (status && !returned.equals("int32_t")) {
            throw new Undecidable("[package.metadata.ferrule] says it returns a status, but it returns " + returned,
                    metadataFix(function, "returns = \"value\""));
        }
        for (String named : meta.params().keySet()) {
            if (function.params().stream().noneMatch(p -> p.name().equals(named))) {
                throw new Undecidable("[package.metadata.ferrule] names a parameter '" + named + "' it does not have",
                        "use one of " + function.params().stream().map(Param::name).toList());
            }
        }
        List<Param> params = function.params();
        MethodDeclaration method = new MethodDeclaration(NodeList.nodeList(Modifier.publicModifier(),
                Modifier.staticModifier()), new VoidType(), Names.lowerCamel(local));
        List<Statement> prepare = new ArrayList<>();
        List<Expression> args = new ArrayList<>();
        List<String> contract = new ArrayList<>();
        Expression result = null;
        // One context per callback parameter: how the shared upcall stub finds this call's callback.
        List<VariableDeclarationExpr> contexts = new ArrayList<>();
        for (int i = 0; i < params.size(); i++) {
            Param param = params.get(i);
            String c = param.type().c();
            String javaName = Names.identifier(param.name());
            Param next = i + 1 < params.size() ? params.get(i + 1) : null;
            String declared = meta.params().get(param.name());
            if (c.equals("const uint8_t*") && next != null) {
                contract.add("{@code " + javaName + "} is lent to the library for this call only"
                        + (meta.critical() ? ", in place (a critical call)" : bytesInSegment
                                ? ": a native segment in place, anything else as a call-scoped copy"
                                : ", as a call-scoped native copy") + "; Java keeps ownership.");
            }
            boolean lengthFollows = next != null && next.type().c().equals("size_t");
            boolean conventionalPair = c.equals("const uint8_t*") && lengthFollows
                    && (next.name().equals(param.name() + "_len") || next.name().equals("len"));
            if ("string".equals(declared) || "bytes".equals(declared) || conventionalPair) {
                if (!c.equals("const uint8_t*") || !lengthFollows) {
                    throw new Undecidable("parameter '" + param.name() + "' is declared " + declared
                            + " but is not a const u8 pointer followed by a usize length", "correct the metadata");
                }
                boolean text = declared != null ? declared.equals("string") : next.name().equals(param.name() + "_len");
                if (bytesInSegment && !text) {
                    method.addParameter(new Parameter(type("MemorySegment"), javaName));
                    prepare.add(run(call(name("Objects"), "requireNonNull", name(javaName), str(javaName))));
                    Expression inPlace = name(javaName);
                    Expression copy = call(call(name("arena"), "allocate", call(name(javaName), "byteSize")),
                            "copyFrom", name(javaName));
                    prepare.add(declare(type("MemorySegment"), javaName + "Segment", meta.critical() ? inPlace
                            : new com.github.javaparser.ast.expr.ConditionalExpr(call(name(javaName), "isNative"),
                                    inPlace.clone(), copy)));
                    args.add(name(javaName + "Segment"));
                    args.add(call(name(javaName), "byteSize"));
                    i++;
                    continue;
                }
                method.addParameter(new Parameter(text ? type("String") : new ArrayType(PrimitiveType.byteType()),
                        javaName));
                Expression bytes = text ? call(name("Utf8"), "encode", name(javaName), str(javaName))
                        : name(javaName);
                prepare.add(run(call(name("Objects"), "requireNonNull", name(javaName), str(javaName))));
                prepare.add(declare(new ArrayType(PrimitiveType.byteType()), javaName + "Bytes", bytes));
                // A critical downcall may read the Java array in place; any other needs a native copy.
                prepare.add(declare(type("MemorySegment"), javaName + "Segment", meta.critical()
                        ? call(name("MemorySegment"), "ofArray", name(javaName + "Bytes"))
                        : call(name("arena"), "allocateFrom", field(name("ValueLayout"), "JAVA_BYTE"),
                                name(javaName + "Bytes"))));
                args.add(name(javaName + "Segment"));
                args.add(new CastExpr(PrimitiveType.longType(), field(name(javaName + "Bytes"), "length")));
                i++;
                continue;
            }
            boolean conventionalOut = param.name().equals("out") && i == params.size() - 1;
            if ("out".equals(declared) || conventionalOut && c.endsWith("*") && !c.startsWith("const ")) {
                if (!c.endsWith("*") || c.startsWith("const ")) {
                    throw new Undecidable("parameter '" + param.name() + "' is declared out but is " + c
                            + ", not a mutable pointer", "correct the metadata");
                }
                if (result != null) {
                    throw new Undecidable("it has more than one out-parameter", metadataFix(function,
                            "raw-only = true"));
                }
                Optional<Expression> out = outParameter(c.substring(0, c.length() - 1), method, prepare, javaName);
                if (out.isEmpty()) {
                    throw new Undecidable("out-parameter '" + param.name() + "' (" + c + ") has no safe Java type",
                            "return a supported type (a number, bool, repr(C) struct, fieldless enum or FfiBuffer)");
                }
                result = out.get();
                args.add(name(javaName));
                continue;
            }
            AbiType callback = types.type(c);
            if (callback != null && callback.kind() == AbiModel.TypeKind.CALLBACK && next != null
                    && next.name().equals("user_data") && next.type().c().equals("size_t")
                    && callbackSupported(callback)) {
                callbacksUsed.put(callback.name(), callback);
                contract.add("{@code " + javaName + "} runs only during this call, on this thread; an exception it"
                        + " throws is rethrown here after the library returns.");
                method.addParameter(new Parameter(type(callback.name()), javaName));
                contexts.add(new VariableDeclarationExpr(new VariableDeclarator(
                        new ClassOrInterfaceType(null, new SimpleName("UpcallContext"), NodeList.nodeList(
                                type(callback.name()))), javaName + "Context", call(name("UpcallContext"), "open",
                                new ClassExpr(type(callback.name())), call(name("Objects"), "requireNonNull",
                                        name(javaName), str(javaName))))));
                args.add(field(name("Upcalls"), Names.constant(callback.name())));
                args.add(call(name(javaName + "Context"), "id"));
                i++;
                continue;
            }
            Optional<AbiType> javaEnum = values.enumOf(c);
            if (javaEnum.isPresent()) {
                valueTypesUsed.add(javaEnum.get().name());
                method.addParameter(new Parameter(type(javaEnum.get().name()), javaName));
                prepare.add(run(call(name("Objects"), "requireNonNull", name(javaName), str(javaName))));
                args.add(call(name(javaName), "value"));
                continue;
            }
            // A struct by value, or behind a pointer the library only reads, is a record copied into the call.
            String pointee = c.startsWith("const ") && c.endsWith("*") ? c.substring("const ".length(), c.length() - 1)
                    : c;
            Optional<AbiType> record = values.recordOf(pointee);
            if (record.isPresent()) {
                valueTypesUsed.add(record.get().name());
                method.addParameter(new Parameter(type(record.get().name()), javaName));
                Expression copy = call(name(javaName), "allocate", name("arena"));
                if (pointee.equals(c) || !Boolean.TRUE.equals(param.type().nullable())) {
                    prepare.add(run(call(name("Objects"), "requireNonNull", name(javaName), str(javaName))));
                } else {
                    copy = new com.github.javaparser.ast.expr.ConditionalExpr(Ast.binary(name(javaName),
                            BinaryExpr.Operator.EQUALS, new com.github.javaparser.ast.expr.NullLiteralExpr()),
                            field(name("MemorySegment"), "NULL"), copy);
                }
                prepare.add(declare(type("MemorySegment"), javaName + "Segment", copy));
                args.add(name(javaName + "Segment"));
                continue;
            }
            Optional<FfmType> ffm = types.ffm(c);
            if (ffm.isEmpty() || ffm.get().isSegment()) {
                throw new Undecidable("parameter '" + param.name() + "' (" + c + ", Rust "
                        + param.type().rust() + ") has no safe Java type: types and naming conventions do not say"
                        + " what it points to or who owns it", metadataFix(function, "params = { " + param.name()
                        + " = \"bytes\" }   # or \"string\", \"out\""));
            }
            method.addParameter(new Parameter(ffm.get().javaType(), javaName));
            args.add(name(javaName));
        }
        Expression downcall = call(name(rawClass), Names.identifier(function.symbol()), args.toArray(Expression[]::new));
        BlockStmt inArena = new BlockStmt();
        prepare.forEach(inArena::addStatement);
        List<Statement> rethrows = contexts.stream().map(c -> run(call(name(c.getVariable(0).getNameAsString()),
                "rethrow"))).toList();
        if (!status) {
            valueCall(function, method, inArena, downcall, result, rethrows);
        } else if (!rethrows.isEmpty()) {
            // A Java exception in the callback comes first: it explains the status that follows.
            inArena.addStatement(declare(PrimitiveType.intType(), "status", downcall));
            rethrows.forEach(inArena::addStatement);
            inArena.addStatement(run(call("check", name("status"))));
        } else {
            inArena.addStatement(run(call("check", downcall)));
        }
        if (status && result != null) {
            inArena.addStatement(ret(result));
        }
        BlockStmt call = contexts.isEmpty() ? inArena
                : block(new TryStmt(new NodeList<Expression>(List.<Expression>copyOf(contexts)), inArena, new NodeList<>(), null));
        // Calls with nothing to allocate need no memory; the rest comes from the thread's call frame.
        method.setBody(prepare.isEmpty() ? call : inFrame(call));
        if (result != null && method.getType().asString().equals("String")) {
            contract.add("The result is copied out of the library's buffer, which is released before this returns.");
        } else if (result != null && (local.endsWith("_new") || local.endsWith("_clone"))) {
            contract.add("The caller owns the returned handle and must release it once ({@link #"
                    + Names.lowerCamel(local.substring(0, local.lastIndexOf('_')) + "_release") + "}).");
        } else if (result != null && !method.getType().isPrimitiveType()) {
            contract.add("The result is a Java copy; no native memory stays behind.");
        }
        method.setJavadocComment(doc(function, method, contract));
        if (function.deprecation() != null) {
            method.addMarkerAnnotation("Deprecated");
        }
        return method;
    }

    /** A function whose result is a value, not a status ({@code returns = "value"}): nothing to check. */
    private void valueCall(AbiFunction function, MethodDeclaration method, BlockStmt body, Expression downcall,
            Expression outResult, List<Statement> rethrows) throws Undecidable {
        if (outResult != null) {
            throw new Undecidable("it returns a value and also has an out-parameter", metadataFix(function,
                    "raw-only = true"));
        }
        if (function.returns() == null) {
            body.addStatement(run(downcall));
            rethrows.forEach(body::addStatement);
            return;
        }
        Optional<FfmType> ffm = types.ffm(function.returns().c());
        if (ffm.isEmpty() || ffm.get().isSegment()) {
            throw new Undecidable("it returns " + function.returns().c() + " (Rust " + function.returns().rust()
                    + "), whose owner and lifetime the types do not say", metadataFix(function, "raw-only = true"));
        }
        method.setType(ffm.get().javaType());
        if (!rethrows.isEmpty()) {
            body.addStatement(declare(ffm.get().javaType(), "result", downcall));
            rethrows.forEach(body::addStatement);
            body.addStatement(ret(name("result")));
        } else {
            body.addStatement(ret(downcall));
        }
    }

    /** Callbacks whose parameters (before {@code user_data}) and result are primitives. */
    private boolean callbackSupported(AbiType callback) {
        List<Param> params = callback.params();
        if (params == null || params.isEmpty()) {
            return false;
        }
        boolean primitives = params.subList(0, params.size() - 1).stream()
                .allMatch(p -> types.ffm(p.type().c()).map(f -> !f.isSegment()).orElse(false));
        boolean result = callback.returns() == null
                || types.ffm(callback.returns().c()).map(f -> !f.isSegment()).orElse(false);
        Param last = params.get(params.size() - 1);
        return primitives && result && last.type().c().equals("size_t");
    }

    /** Allocates the out-parameter and returns the expression that reads the result from it. */
    private Optional<Expression> outParameter(String pointee, MethodDeclaration method, List<Statement> prepare,
            String outName) {
        if (pointee.equals("struct FfiBuffer")) {
            prepare.add(declare(type("MemorySegment"), outName, call(name("arena"), "allocate",
                    field(name(rawClass), FfmType.layoutConstant("FfiBuffer")))));
            method.setType(type("String"));
            return Optional.of(call("takeString", name(outName)));
        }
        Optional<AbiType> record = values.recordOf(pointee);
        if (record.isPresent()) {
            valueTypesUsed.add(record.get().name());
            prepare.add(declare(type("MemorySegment"), outName, call(name("arena"), "allocate",
                    field(name(rawClass), FfmType.layoutConstant(record.get().name())))));
            method.setType(type(record.get().name()));
            return Optional.of(call(name(record.get().name()), "read", name(outName)));
        }
        Optional<AbiType> javaEnum = values.enumOf(pointee);
        if (javaEnum.isPresent()) {
            valueTypesUsed.add(javaEnum.get().name());
            Expression layout = types.ffm(pointee).orElseThrow().layout();
            prepare.add(declare(type("MemorySegment"), outName, call(name("arena"), "allocate", layout)));
            method.setType(type(javaEnum.get().name()));
            return Optional.of(call(name(javaEnum.get().name()), "fromValue", call(name(outName), "get",
                    layout.clone(), Ast.longLiteral(0))));
        }
        if (pointee.startsWith("struct ")) {
            String struct = pointee.substring("struct ".length());
            AbiType type = types.type(struct);
            if (type == null || type.size() == null) {
                return Optional.empty();
            }
            Expression layout = field(name(rawClass), FfmType.layoutConstant(struct));
            prepare.add(declare(type("MemorySegment"), outName, call(name("arena"), "allocate", layout)));
            method.setType(type("MemorySegment"));
            // The call's arena dies with the call; the result is copied into GC-managed memory.
            return Optional.of(call(call(call(name("Arena"), "ofAuto"), "allocate", layout), "copyFrom",
                    name(outName)));
        }
        Optional<FfmType> ffm = types.ffm(pointee);
        if (ffm.isEmpty() || ffm.get().isSegment()) {
            return Optional.empty();
        }
        prepare.add(declare(type("MemorySegment"), outName, call(name("arena"), "allocate", ffm.get().layout())));
        method.setType(ffm.get().javaType());
        return Optional.of(call(name(outName), "get", ffm.get().layout(), Ast.longLiteral(0)));
    }

    /**
     * Runs {@code body} with the thread's {@code CallFrame} for its temporaries, reset in
     * {@code finally}: no {@code malloc}, no session, so a fast downcall stays fast.
     */
    private static BlockStmt inFrame(BlockStmt body) {
        body.findAll(com.github.javaparser.ast.expr.NameExpr.class, n -> n.getNameAsString().equals("arena"))
                .forEach(n -> n.setName("frame"));
        return block(declare(type("CallFrame"), "frame", call(name("CallFrame"), "current")),
                declare(PrimitiveType.longType(), "mark", call(name("frame"), "mark")),
                new TryStmt(body, new NodeList<>(), block(run(call(name("frame"), "reset", name("mark"))))));
    }

    private static Statement confined(BlockStmt body) {
        return new TryStmt(NodeList.nodeList(new VariableDeclarationExpr(new VariableDeclarator(type("Arena"),
                "arena", call(name("Arena"), "ofConfined")))), body, new NodeList<>(), null);
    }

    private String doc(AbiFunction function, MethodDeclaration method, List<String> contract) {
        StringBuilder doc = new StringBuilder();
        String rustDocs = function.docs() == null ? "" : function.docs().strip();
        // The raw function's "# Safety" duties are what this wrapper discharges; they do not apply here.
        int safety = rustDocs.indexOf("# Safety");
        if (safety >= 0) {
            rustDocs = rustDocs.substring(0, safety).strip();
        }
        if (!rustDocs.isEmpty()) {
            doc.append(rustDocs.replace("*/", "*&#47;").replace("@", "&#64;")).append("\n\n");
        }
        doc.append("<p>Calls {@code ").append(function.symbol()).append("}; throws {@link ").append(exceptionClass)
                .append("} when it fails.");
        for (String line : contract) {
            doc.append("\n").append(line);
        }
        doc.append("\n\n<p>Thread safety: any thread may call this. Objects behind handles are {@code Send + Sync}"
                + " in Rust\n(ferrule-ffi's registry requires it), and one released by another thread during the call"
                + " stays\nvalid until the call returns.");
        for (Parameter parameter : method.getParameters()) {
            doc.append("\n@param ").append(parameter.getNameAsString()).append(" see the Rust docs above");
        }
        if (!method.getType().isVoidType()) {
            doc.append("\n@return the value the call wrote to its out-parameter");
        }
        return doc.toString();
    }
}
