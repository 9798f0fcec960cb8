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
import com.github.javaparser.ast.expr.SimpleName;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.ForEachStmt;
import com.github.javaparser.ast.stmt.IfStmt;
import com.github.javaparser.ast.type.ArrayType;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import com.github.javaparser.ast.type.PrimitiveType;
import com.github.javaparser.ast.type.VoidType;
import dev.ferrule.bind.BindingModel.EnumType;
import dev.ferrule.bind.BindingModel.EnumVariant;
import dev.ferrule.bind.BindingModel.RecordField;
import dev.ferrule.bind.BindingModel.RecordType;
import dev.ferrule.bind.BindingModel.SafeLayer;
import dev.ferrule.bind.JavaNames;
import dev.ferrule.bind.Mapping;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Java value types for the crate's {@code #[repr(C)]} structs and fieldless enums: a record per
 * struct whose fields are all values, read and written at the compiler's offsets; and a Java
 * enum per enum, with {@code fromValue} that names an unknown value and {@code tryFromValue} for
 * callers that expect one.
 */
final class ValueTypeGenerator {

    private ValueTypeGenerator() {
    }

    // ---- enums --------------------------------------------------------------------------------

    static GeneratedSource javaEnum(String packageName, EnumType type) {
        CompilationUnit unit = new CompilationUnit(packageName);
        unit.addImport("java.util.Optional");
        EnumDeclaration declaration = unit.addEnum(type.name(), Modifier.Keyword.PUBLIC);
        PrimitiveType primitive = (PrimitiveType) JavaTypes.type(type.carrier());
        declaration.setJavadocComment(Javadocs.leading(type.docs()) + "<p>Rust {@code " + type.path() + "} ({@code"
                + " repr(" + type.repr() + ")}). A value this enum does not know (from a newer library) is reported"
                + " by\n{@link #fromValue} and is an empty result of {@link #tryFromValue}.");
        for (EnumVariant variant : type.variants()) {
            EnumConstantDeclaration constant = declaration.addEnumConstant(variant.constant());
            constant.addArgument(literal(primitive, variant.value()));
            constant.setJavadocComment(Javadocs.leading(variant.docs()) + "<p>{@code " + type.name() + "::"
                    + variant.name() + "} = " + variant.value() + ".");
        }
        declaration.addFieldWithInitializer(new ArrayType(type(type.name())), "VALUES", call("values"),
                Modifier.Keyword.PRIVATE, Modifier.Keyword.STATIC, Modifier.Keyword.FINAL);
        declaration.addField(primitive, "value", Modifier.Keyword.PRIVATE, Modifier.Keyword.FINAL);
        ConstructorDeclaration constructor = declaration.addConstructor();
        constructor.addParameter(primitive, "value");
        constructor.setBody(block(Ast.assign(field(new ThisExpr(), "value"), name("value"))));
        MethodDeclaration value = declaration.addMethod("value", Modifier.Keyword.PUBLIC);
        value.setType(primitive).setBody(block(ret(name("value"))));
        value.setJavadocComment("@return the value Rust uses for this variant");

        String known = type.variants().stream().map(v -> v.constant() + "=" + v.value())
                .collect(Collectors.joining(", "));
        MethodDeclaration from = declaration.addMethod("fromValue", Modifier.Keyword.PUBLIC, Modifier.Keyword.STATIC);
        from.setType(type(type.name())).addParameter(primitive, "value");
        from.setJavadocComment("@param value a value from the library\n@return its variant\n"
                + "@throws IllegalArgumentException if no variant has that value; the library is then newer than"
                + " these bindings");
        from.setBody(block(ret(call(call("tryFromValue", name("value")), "orElseThrow", new LambdaExpr(
                new NodeList<>(), create("IllegalArgumentException", Ast.binary(name("value"),
                        BinaryExpr.Operator.PLUS, str(" is not a value of " + type.name() + " (known: " + known
                                + "); the library is newer than these bindings: regenerate them"))))))));
        MethodDeclaration tryFrom = declaration.addMethod("tryFromValue", Modifier.Keyword.PUBLIC,
                Modifier.Keyword.STATIC);
        tryFrom.setType(new ClassOrInterfaceType(null, new SimpleName("Optional"), NodeList.nodeList(
                type(type.name()))));
        tryFrom.addParameter(primitive, "value");
        tryFrom.setJavadocComment("@param value a value from the library\n@return its variant, or empty for a value"
                + " these bindings do not know");
        tryFrom.setBody(block(new ForEachStmt(new VariableDeclarationExpr(type(type.name()), "candidate"),
                name("VALUES"), block(new IfStmt(Ast.binary(field(name("candidate"), "value"),
                BinaryExpr.Operator.EQUALS, name("value")), ret(call(name("Optional"), "of", name("candidate"))),
                null))), ret(call(name("Optional"), "empty"))));
        return Printer.source(packageName, type.name(), unit);
    }

    private static Expression literal(PrimitiveType primitive, long value) {
        return switch (primitive.getType()) {
            case LONG -> new LongLiteralExpr(value + "L");
            case INT -> new IntegerLiteralExpr(String.valueOf((int) value));
            default -> new CastExpr(primitive, new IntegerLiteralExpr(String.valueOf(value)));
        };
    }

    // ---- records ------------------------------------------------------------------------------

    /**
     * A record and its {@code read}, {@code write} and {@code allocate}. {@code write} reads the
     * components as {@code this.x}, so a field named like its parameter cannot shadow one.
     */
    static GeneratedSource record(String packageName, String rawClass, SafeLayer safe, RecordType struct) {
        return record(packageName, rawClass, name -> safe.record(name).orElseThrow(), struct);
    }

    /** @param records the crate's records by Rust name, for the sizes of nested ones */
    static GeneratedSource record(String packageName, String rawClass,
            java.util.function.Function<String, RecordType> records, RecordType struct) {
        CompilationUnit unit = new CompilationUnit(packageName);
        for (String imported : List.of("java.lang.foreign.MemorySegment", "java.lang.foreign.SegmentAllocator",
                "java.lang.foreign.ValueLayout")) {
            unit.addImport(imported);
        }
        RecordDeclaration record = new RecordDeclaration(NodeList.nodeList(Modifier.publicModifier()), struct.className());
        unit.addType(record);
        StringBuilder doc = new StringBuilder(Javadocs.leading(struct.docs())).append("<p>A copy of Rust {@code ")
                .append(struct.path()).append("} (").append(struct.size()).append(" bytes, aligned to ")
                .append(struct.align()).append("). {@link #read} and {@link #write} use the offsets the compiler\n"
                        + "computed, which {@code ").append(rawClass).append("} checks when it loads.");
        BlockStmt validation = new BlockStmt();
        List<Expression> reads = new ArrayList<>();
        BlockStmt writes = new BlockStmt();
        for (RecordField f : struct.fields()) {
            String javaName = f.javaName();
            Mapping mapping = f.mapping();
            Expression at = new LongLiteralExpr(f.offset() + "L");
            Expression component = field(new ThisExpr(), javaName);
            if (mapping.kind() == Mapping.Kind.C_STRING) {
                // A char[N] buffer: the text up to its NUL, written back with one, refused when too long.
                Expression slice = call(name("segment"), "asSlice", at, new LongLiteralExpr(mapping.carrier().count()
                        + "L"));
                reads.add(call(name("dev.ferrule.runtime.CStrings"), "readBuffer", slice));
                writes.addStatement(run(call(name("dev.ferrule.runtime.CStrings"), "writeBuffer", slice.clone(),
                        component, str(javaName))));
                validation.addStatement(requireNonNull(javaName));
            } else if (mapping.kind() == Mapping.Kind.RECORD) {
                long size = records.apply(mapping.target()).size();
                Expression slice = call(name("segment"), "asSlice", at, new LongLiteralExpr(size + "L"));
                reads.add(call(name(mapping.javaType()), "read", slice));
                writes.addStatement(run(call(component, "write", slice.clone())));
                validation.addStatement(requireNonNull(javaName));
            } else {
                Expression access = field(name("ValueLayout"), mapping.carrier().valueLayout()
                        + (f.unaligned() ? "_UNALIGNED" : ""));
                if (mapping.kind() == Mapping.Kind.ENUM) {
                    reads.add(call(name(mapping.target()), "fromValue", call(name("segment"), "get", access, at)));
                    writes.addStatement(run(call(name("segment"), "set", access.clone(), at.clone(),
                            call(component, "value"))));
                    validation.addStatement(requireNonNull(javaName));
                } else {
                    // A widened unsigned field is checked for its Rust range when written.
                    reads.add(JavaTypes.fromCarrier(mapping, call(name("segment"), "get", access, at)));
                    writes.addStatement(run(call(name("segment"), "set", access.clone(), at.clone(),
                            JavaTypes.toCarrier(mapping, component, javaName))));
                }
            }
            record.addParameter(new Parameter(JavaTypes.type(mapping.javaType()), javaName));
            doc.append("\n@param ").append(javaName).append(" ").append(f.docs() == null
                    ? "{@code " + f.name() + "}" : Javadocs.escape(f.docs().strip())).append(" (Rust {@code ")
                    .append(f.rust()).append("}, offset ").append(f.offset()).append(")");
        }
        record.setJavadocComment(doc.toString());
        if (!validation.isEmpty()) {
            CompactConstructorDeclaration compact = new CompactConstructorDeclaration();
            compact.setName(struct.className()).setModifiers(Modifier.Keyword.PUBLIC).setBody(validation);
            record.addMember(compact);
        }
        String layoutConstant = rawClass + "." + JavaNames.layoutConstant(struct.name());
        MethodDeclaration read = record.addMethod("read", Modifier.Keyword.PUBLIC, Modifier.Keyword.STATIC);
        read.setType(type(struct.className())).addParameter("MemorySegment", "segment");
        read.setJavadocComment("@param segment at least " + struct.size() + " bytes laid out as {@code "
                + layoutConstant + "}\n@return a copy of the value in it");
        read.setBody(block(ret(create(struct.className(), reads.toArray(Expression[]::new)))));

        MethodDeclaration write = record.addMethod("write", Modifier.Keyword.PUBLIC);
        write.setType(new VoidType()).addParameter("MemorySegment", "segment");
        write.setJavadocComment("@param segment at least " + struct.size() + " bytes, to receive this value laid out"
                + " as {@code " + layoutConstant + "}");
        write.setBody(writes);

        MethodDeclaration allocate = record.addMethod("allocate", Modifier.Keyword.PUBLIC);
        allocate.setType("MemorySegment").addParameter("SegmentAllocator", "allocator");
        allocate.setJavadocComment("@param allocator where the memory comes from, for example a call's arena\n"
                + "@return new memory holding this value, for passing it to the library");
        allocate.setBody(block(declare(type("MemorySegment"), "segment$", call(name("allocator"), "allocate",
                        field(name(rawClass), JavaNames.layoutConstant(struct.name())))),
                run(call("write", name("segment$"))), ret(name("segment$"))));
        UsedImports.add(unit);
        return Printer.source(packageName, struct.className(), unit);
    }

    private static com.github.javaparser.ast.stmt.Statement requireNonNull(String javaName) {
        return run(call(name("java.util.Objects"), "requireNonNull", name(javaName), str(javaName)));
    }
}
