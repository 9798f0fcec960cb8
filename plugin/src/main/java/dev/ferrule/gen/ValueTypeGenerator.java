package dev.ferrule.gen;

import static dev.ferrule.gen.Ast.block;
import static dev.ferrule.gen.Ast.call;
import static dev.ferrule.gen.Ast.create;
import static dev.ferrule.gen.Ast.declare;
import static dev.ferrule.gen.Ast.field;
import static dev.ferrule.gen.Ast.name;
import static dev.ferrule.gen.Ast.ret;
import static dev.ferrule.gen.Ast.run;
import static dev.ferrule.gen.Ast.str;
import static dev.ferrule.gen.Ast.type;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Modifier;
import com.github.javaparser.ast.NodeList;
import com.github.javaparser.ast.body.CompactConstructorDeclaration;
import com.github.javaparser.ast.body.ConstructorDeclaration;
import com.github.javaparser.ast.body.EnumConstantDeclaration;
import com.github.javaparser.ast.body.EnumDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.RecordDeclaration;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.IntegerLiteralExpr;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.LongLiteralExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.ForEachStmt;
import com.github.javaparser.ast.stmt.IfStmt;
import com.github.javaparser.ast.type.ArrayType;
import com.github.javaparser.ast.type.PrimitiveType;
import com.github.javaparser.ast.type.Type;
import com.github.javaparser.ast.type.VoidType;
import dev.ferrule.abi.AbiModel.AbiType;
import dev.ferrule.abi.AbiModel.Field;
import dev.ferrule.abi.AbiModel.TypeKind;
import dev.ferrule.abi.AbiModel.Variant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Java value types for the crate's {@code #[repr(C)]} structs and fieldless enums: a record per
 * struct whose fields are all values (numbers, booleans, such enums and such structs), read and
 * written at the compiler's offsets; and a Java enum per enum, with {@code fromValue} that names
 * an unknown value and {@code tryFromValue} for callers that expect one.
 */
final class ValueTypeGenerator {

    private final String packageName;
    private final String rawClass;
    private final CTypes types;
    private final Map<String, AbiType> enums = new TreeMap<>();
    private final Map<String, AbiType> records = new TreeMap<>();

    ValueTypeGenerator(String packageName, String rawClass, CTypes types, Set<String> takenNames) {
        this.packageName = packageName;
        this.rawClass = rawClass;
        this.types = types;
        for (AbiType type : types.all()) {
            if (!takenNames.contains(type.name()) && type.kind() == TypeKind.ENUM
                    && types.ffm("enum " + type.name()).isPresent()) {
                enums.put(type.name(), type);
            }
        }
        // Records may nest, so a struct qualifies once every struct field's type does.
        boolean grew = true;
        while (grew) {
            grew = false;
            for (AbiType type : types.all()) {
                if (!takenNames.contains(type.name()) && !records.containsKey(type.name())
                        && type.kind() == TypeKind.STRUCT && type.size() != null && !type.fields().isEmpty()
                        && type.fields().stream().allMatch(f -> f.offset() != null && isValue(f.type().c()))) {
                    records.put(type.name(), type);
                    grew = true;
                }
            }
        }
    }

    /** The Java enum for a C type such as {@code enum Mode}, if one is generated. */
    Optional<AbiType> enumOf(String c) {
        return c.startsWith("enum ") ? Optional.ofNullable(enums.get(c.substring("enum ".length()))) : Optional.empty();
    }

    /** The record for a C type such as {@code struct Point}, if one is generated. */
    Optional<AbiType> recordOf(String c) {
        return c.startsWith("struct ") ? Optional.ofNullable(records.get(c.substring("struct ".length())))
                : Optional.empty();
    }

    /** An ordinary value of a generated record or enum: the first constant, or typical fields. */
    Optional<Expression> typicalValue(String name, java.util.function.Function<Type, Optional<Expression>> typical) {
        AbiType javaEnum = enums.get(name);
        if (javaEnum != null) {
            return Optional.of(field(name(name), Names.constant(javaEnum.variants().get(0).name())));
        }
        AbiType record = records.get(name);
        if (record == null) {
            return Optional.empty();
        }
        List<Expression> fields = new ArrayList<>();
        for (Field f : record.fields()) {
            String c = f.type().c();
            Optional<Expression> value = enumOf(c).or(() -> recordOf(c))
                    .flatMap(inner -> typicalValue(inner.name(), typical))
                    .or(() -> typical.apply(types.ffm(c).orElseThrow().javaType()));
            if (value.isEmpty()) {
                return Optional.empty();
            }
            fields.add(value.get());
        }
        return Optional.of(create(name, fields.toArray(Expression[]::new)));
    }

    /** Only the types that some generated method uses are written. */
    List<GeneratedSource> sources(Set<String> used) {
        List<GeneratedSource> sources = new ArrayList<>();
        Set<String> closure = new java.util.TreeSet<>(used);
        boolean grew = true;
        while (grew) {
            grew = false;
            for (String name : List.copyOf(closure)) {
                AbiType record = records.get(name);
                if (record != null) {
                    for (Field f : record.fields()) {
                        String inner = f.type().c().substring(f.type().c().indexOf(' ') + 1);
                        grew |= (enums.containsKey(inner) || records.containsKey(inner)) && closure.add(inner);
                    }
                }
            }
        }
        for (String name : closure) {
            CompilationUnit unit = enums.containsKey(name) ? javaEnum(enums.get(name)) : record(records.get(name));
            sources.add(new GeneratedSource(packageName.replace('.', '/') + "/" + name + ".java",
                    RawBindingGenerator.print(unit)));
        }
        return sources;
    }

    private boolean isValue(String c) {
        if (c.startsWith("enum ")) {
            return enums.containsKey(c.substring("enum ".length()));
        }
        if (c.startsWith("struct ")) {
            return records.containsKey(c.substring("struct ".length()));
        }
        return types.ffm(c).map(f -> !f.isSegment()).orElse(false);
    }

    // ---- enums --------------------------------------------------------------------------------

    private CompilationUnit javaEnum(AbiType type) {
        CompilationUnit unit = new CompilationUnit(packageName);
        unit.addImport("java.util.Optional");
        EnumDeclaration declaration = unit.addEnum(type.name(), Modifier.Keyword.PUBLIC);
        PrimitiveType primitive = (PrimitiveType) types.ffm("enum " + type.name()).orElseThrow().javaType();
        declaration.setJavadocComment(docs(type.docs()) + "<p>Rust {@code " + type.path() + "} ({@code repr("
                + type.repr() + ")}). A value this enum does not know (from a newer library) is reported by\n"
                + "{@link #fromValue} and is an empty result of {@link #tryFromValue}.");
        for (Variant variant : type.variants()) {
            EnumConstantDeclaration constant = declaration.addEnumConstant(Names.constant(variant.name()));
            constant.addArgument(literal(primitive, variant.value()));
            constant.setJavadocComment(docs(variant.docs()) + "<p>{@code " + type.name() + "::" + variant.name()
                    + "} = " + variant.value() + ".");
        }
        declaration.addFieldWithInitializer(new ArrayType(type(type.name())), "VALUES", call("values"),
                Modifier.Keyword.PRIVATE, Modifier.Keyword.STATIC, Modifier.Keyword.FINAL);
        declaration.addField(primitive, "value", Modifier.Keyword.PRIVATE, Modifier.Keyword.FINAL);
        ConstructorDeclaration constructor = declaration.addConstructor();
        constructor.addParameter(primitive, "value");
        constructor.setBody(block(Ast.assign(field(new com.github.javaparser.ast.expr.ThisExpr(), "value"),
                name("value"))));
        MethodDeclaration value = declaration.addMethod("value", Modifier.Keyword.PUBLIC);
        value.setType(primitive).setBody(block(ret(name("value"))));
        value.setJavadocComment("@return the value Rust uses for this variant");

        String known = type.variants().stream().map(v -> Names.constant(v.name()) + "=" + v.value())
                .collect(Collectors.joining(", "));
        MethodDeclaration from = declaration.addMethod("fromValue", Modifier.Keyword.PUBLIC, Modifier.Keyword.STATIC);
        from.setType(type(type.name())).addParameter(primitive, "value");
        from.setJavadocComment("@param value a value from the library\n@return its variant\n"
                + "@throws IllegalArgumentException if no variant has that value; the library is then newer than"
                + " these bindings");
        from.setBody(block(ret(call(call("tryFromValue", name("value")), "orElseThrow", new LambdaExpr(
                new NodeList<>(), create("IllegalArgumentException", Ast.binary(name("value"),
                        BinaryExpr.Operator.PLUS, str(" is not a value of " + type.name() + " (known: " + known + "); the"
                                + " library is newer than these bindings: regenerate them"))))))));
        MethodDeclaration tryFrom = declaration.addMethod("tryFromValue", Modifier.Keyword.PUBLIC,
                Modifier.Keyword.STATIC);
        tryFrom.setType(new com.github.javaparser.ast.type.ClassOrInterfaceType(null,
                new com.github.javaparser.ast.expr.SimpleName("Optional"), NodeList.nodeList(type(type.name()))));
        tryFrom.addParameter(primitive, "value");
        tryFrom.setJavadocComment("@param value a value from the library\n@return its variant, or empty for a value"
                + " these bindings do not know");
        tryFrom.setBody(block(new ForEachStmt(new com.github.javaparser.ast.expr.VariableDeclarationExpr(
                type(type.name()), "candidate"), name("VALUES"), block(new IfStmt(Ast.binary(field(name("candidate"),
                "value"), BinaryExpr.Operator.EQUALS, name("value")), ret(call(name("Optional"), "of",
                name("candidate"))), null))), ret(call(name("Optional"), "empty"))));
        return unit;
    }

    private static Expression literal(PrimitiveType primitive, long value) {
        return switch (primitive.getType()) {
            case LONG -> new LongLiteralExpr(value + "L");
            case INT -> new IntegerLiteralExpr(String.valueOf((int) value));
            default -> new CastExpr(primitive, new IntegerLiteralExpr(String.valueOf(value)));
        };
    }

    // ---- records ------------------------------------------------------------------------------

    private CompilationUnit record(AbiType struct) {
        CompilationUnit unit = new CompilationUnit(packageName);
        for (String imported : List.of("java.lang.foreign.MemorySegment", "java.lang.foreign.SegmentAllocator",
                "java.lang.foreign.ValueLayout")) {
            unit.addImport(imported);
        }
        RecordDeclaration record = new RecordDeclaration(NodeList.nodeList(Modifier.publicModifier()), struct.name());
        unit.addType(record);
        StringBuilder doc = new StringBuilder(docs(struct.docs())).append("<p>A copy of Rust {@code ")
                .append(struct.path()).append("} (").append(struct.size()).append(" bytes, aligned to ")
                .append(struct.align()).append("). {@link #read} and {@link #write} use the offsets the compiler\n"
                        + "computed, which {@code ").append(rawClass).append("} checks when it loads.");
        BlockStmt validation = new BlockStmt();
        List<Expression> reads = new ArrayList<>();
        BlockStmt writes = new BlockStmt();
        for (Field f : struct.fields()) {
            String javaName = Names.identifier(Names.lowerCamel(f.name()));
            String c = f.type().c();
            Expression at = new LongLiteralExpr(f.offset() + "L");
            Optional<AbiType> nestedEnum = enumOf(c);
            Optional<AbiType> nestedRecord = recordOf(c);
            Type javaType;
            if (nestedRecord.isPresent()) {
                AbiType inner = nestedRecord.get();
                javaType = type(inner.name());
                Expression slice = call(name("segment"), "asSlice", at, new LongLiteralExpr(inner.size() + "L"));
                reads.add(call(name(inner.name()), "read", slice));
                writes.addStatement(run(call(name(javaName), "write", slice.clone())));
                validation.addStatement(run(call(name("java.util.Objects"), "requireNonNull", name(javaName),
                        str(javaName))));
            } else {
                String layout = layoutName(c, struct.align());
                Expression access = field(name("ValueLayout"), layout);
                if (nestedEnum.isPresent()) {
                    javaType = type(nestedEnum.get().name());
                    reads.add(call(name(nestedEnum.get().name()), "fromValue", call(name("segment"), "get", access, at)));
                    writes.addStatement(run(call(name("segment"), "set", access.clone(), at.clone(),
                            call(name(javaName), "value"))));
                    validation.addStatement(run(call(name("java.util.Objects"), "requireNonNull", name(javaName),
                            str(javaName))));
                } else {
                    javaType = types.ffm(c).orElseThrow().javaType();
                    reads.add(call(name("segment"), "get", access, at));
                    writes.addStatement(run(call(name("segment"), "set", access.clone(), at.clone(), name(javaName))));
                }
            }
            record.addParameter(new Parameter(javaType, javaName));
            doc.append("\n@param ").append(javaName).append(" ").append(f.docs() == null
                    ? "{@code " + f.name() + "}" : escape(f.docs().strip())).append(" (Rust {@code ")
                    .append(f.type().rust()).append("}, offset ").append(f.offset()).append(")");
        }
        record.setJavadocComment(doc.toString());
        if (!validation.isEmpty()) {
            CompactConstructorDeclaration compact = new CompactConstructorDeclaration();
            compact.setName(struct.name()).setModifiers(Modifier.Keyword.PUBLIC).setBody(validation);
            record.addMember(compact);
        }
        String layoutConstant = rawClass + "." + FfmType.layoutConstant(struct.name());
        MethodDeclaration read = record.addMethod("read", Modifier.Keyword.PUBLIC, Modifier.Keyword.STATIC);
        read.setType(type(struct.name())).addParameter("MemorySegment", "segment");
        read.setJavadocComment("@param segment at least " + struct.size() + " bytes laid out as {@code " + layoutConstant
                + "}\n@return a copy of the value in it");
        read.setBody(block(ret(create(struct.name(), reads.toArray(Expression[]::new)))));

        MethodDeclaration write = record.addMethod("write", Modifier.Keyword.PUBLIC);
        write.setType(new VoidType()).addParameter("MemorySegment", "segment");
        write.setJavadocComment("@param segment at least " + struct.size() + " bytes, to receive this value laid out as"
                + " {@code " + layoutConstant + "}");
        write.setBody(writes);

        MethodDeclaration allocate = record.addMethod("allocate", Modifier.Keyword.PUBLIC);
        allocate.setType("MemorySegment").addParameter("SegmentAllocator", "allocator");
        allocate.setJavadocComment("@param allocator where the memory comes from, for example a call's arena\n"
                + "@return new memory holding this value, for passing it to the library");
        allocate.setBody(block(declare(type("MemorySegment"), "segment", call(name("allocator"), "allocate",
                        Ast.field(name(rawClass), FfmType.layoutConstant(struct.name())))),
                run(call("write", name("segment"))), ret(name("segment"))));
        return unit;
    }

    /** The value layout for a field; packed structs need the unaligned variants. */
    private String layoutName(String c, long structAlign) {
        FfmType ffm = types.ffm(c).orElseThrow();
        String layout = ((com.github.javaparser.ast.expr.FieldAccessExpr) ffm.layout()).getNameAsString();
        long size = types.byteSize(c);
        return size > 1 && structAlign < size ? layout + "_UNALIGNED" : layout;
    }

    private static String docs(String docs) {
        return docs == null || docs.isBlank() ? "" : escape(docs.strip()) + "\n\n";
    }

    private static String escape(String text) {
        return text.replace("*/", "*&#47;").replace("@", "&#64;");
    }
}
