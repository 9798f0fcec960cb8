package dev.ferrule.gen;

import com.github.javaparser.ast.Modifier;
import com.github.javaparser.ast.NodeList;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.InitializerDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.BooleanLiteralExpr;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.IntegerLiteralExpr;
import com.github.javaparser.ast.expr.LongLiteralExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.IfStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.stmt.ThrowStmt;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import com.github.javaparser.ast.type.PrimitiveType;
import com.github.javaparser.ast.type.Type;
import com.github.javaparser.ast.type.VoidType;
import dev.ferrule.bind.BindingModel;
import dev.ferrule.bind.BindingModel.EnumType;
import dev.ferrule.bind.BindingModel.EnumVariant;
import dev.ferrule.bind.BindingModel.FieldOffset;
import dev.ferrule.bind.BindingModel.Layout;
import dev.ferrule.bind.BindingModel.LayoutMember;
import dev.ferrule.bind.BindingModel.NativeCallback;
import dev.ferrule.bind.BindingModel.NativeConstant;
import dev.ferrule.bind.BindingModel.NativeType;
import dev.ferrule.bind.Carrier;
import dev.ferrule.bind.JavaNames;
import java.util.List;

/**
 * The raw class's type members: struct layouts from the compiler's offsets, checked when the
 * class loads, the crate's constants and enum values, and callback descriptors.
 */
final class RawTypeMembers {

    private RawTypeMembers() {
    }

    /** Adds every type member, then the static initialiser that checks the layouts when the class loads. */
    static void addTo(ClassOrInterfaceDeclaration type, BindingModel model) {
        BlockStmt init = new BlockStmt();
        init.addStatement(pointerSizeCheck(model.library()));
        for (Layout layout : model.natives().layouts()) {
            addLayout(type, init, layout);
        }
        model.natives().constants().forEach(constant -> addConstant(type, constant));
        model.natives().enums().forEach(enumeration -> addEnum(type, enumeration));
        model.natives().callbacks().forEach(callback -> addDescriptor(type, callback));
        type.addMember(new InitializerDeclaration(true, init));
        type.addMember(checkLayoutMethod());
    }

    /** A function's or callback's descriptor: {@code FunctionDescriptor.of(result, params...)}. */
    static Expression descriptor(List<NativeType> params, NativeType result) {
        NodeList<Expression> layouts = new NodeList<>();
        if (result != null) {
            layouts.add(JavaTypes.layout(result.carrier(), null));
        }
        params.forEach(param -> layouts.add(JavaTypes.layout(param.carrier(), null)));
        return new MethodCallExpr(new NameExpr("FunctionDescriptor"), result == null ? "ofVoid" : "of", layouts);
    }

    private static void addLayout(ClassOrInterfaceDeclaration type, BlockStmt init, Layout layout) {
        boolean struct = !layout.union();
        NodeList<Expression> members = new NodeList<>();
        for (LayoutMember member : layout.members()) {
            if (member.name() == null) {
                members.add(new MethodCallExpr(new NameExpr("MemoryLayout"), "paddingLayout",
                        NodeList.nodeList(new LongLiteralExpr(member.paddingBytes() + "L"))));
                continue;
            }
            Expression element = JavaTypes.layout(member.carrier(), null);
            if (member.byteAlignment() != null) {
                element = new MethodCallExpr(element, "withByteAlignment",
                        NodeList.nodeList(new LongLiteralExpr(member.byteAlignment() + "L")));
            }
            members.add(new MethodCallExpr(element, "withName", NodeList.nodeList(new StringLiteralExpr(
                    member.name()))));
        }
        Expression value = new MethodCallExpr(new MethodCallExpr(new NameExpr("MemoryLayout"), struct ? "structLayout"
                : "unionLayout", members), "withName", NodeList.nodeList(new StringLiteralExpr(layout.name())));
        String constant = JavaNames.layoutConstant(layout.name());
        type.addFieldWithInitializer(struct ? "StructLayout" : "MemoryLayout", constant, value, Modifier.Keyword.PUBLIC,
                Modifier.Keyword.STATIC, Modifier.Keyword.FINAL).setJavadocComment(Javadocs.withRustDocs(layout.docs(),
                "Layout of {@code " + layout.path() + "} (" + layout.size() + " bytes, aligned to " + layout.align()
                        + "), as the compiler laid it out."));
        init.addStatement(new ExpressionStmt(new MethodCallExpr(null, "checkLayout", NodeList.nodeList(
                new NameExpr(constant), new StringLiteralExpr(layout.name()), new LongLiteralExpr(layout.size() + "L"),
                new LongLiteralExpr(layout.align() + "L")))));
        for (FieldOffset offset : layout.offsets()) {
            init.addStatement(offsetCheck(constant, layout.name(), offset));
        }
    }

    private static Statement offsetCheck(String constant, String typeName, FieldOffset field) {
        Expression actual = new MethodCallExpr(new NameExpr(constant), "byteOffset", NodeList.nodeList(
                new MethodCallExpr(new NameExpr("PathElement"), "groupElement",
                        NodeList.nodeList(new StringLiteralExpr(field.field())))));
        Expression wrong = new BinaryExpr(actual, new LongLiteralExpr(field.offset() + "L"),
                BinaryExpr.Operator.NOT_EQUALS);
        return new IfStmt(wrong, loadFailure(new StringLiteralExpr(typeName + "." + field.field()
                + " is not at offset " + field.offset() + " as the compiler laid it out")), null);
    }

    private static Statement pointerSizeCheck(BindingModel.Library library) {
        Expression size = new MethodCallExpr(new FieldAccessExpr(new NameExpr("ValueLayout"), "ADDRESS"), "byteSize");
        long expected = library.pointerSize();
        return new IfStmt(new BinaryExpr(size, new LongLiteralExpr(expected + "L"), BinaryExpr.Operator.NOT_EQUALS),
                loadFailure(new StringLiteralExpr("these bindings were generated for a " + expected * 8
                        + "-bit target (" + library.target() + ")")), null);
    }

    private static Statement loadFailure(Expression message) {
        return new ThrowStmt(new ObjectCreationExpr(null, new ClassOrInterfaceType(null,
                "ExceptionInInitializerError"), NodeList.nodeList(message)));
    }

    private static MethodDeclaration checkLayoutMethod() {
        MethodDeclaration method = new MethodDeclaration(NodeList.nodeList(Modifier.privateModifier(),
                Modifier.staticModifier()), new VoidType(), "checkLayout");
        method.addParameter("MemoryLayout", "layout").addParameter("String", "name")
                .addParameter(PrimitiveType.longType(), "size").addParameter(PrimitiveType.longType(), "align");
        Expression wrong = new BinaryExpr(
                new BinaryExpr(new MethodCallExpr(new NameExpr("layout"), "byteSize"), new NameExpr("size"),
                        BinaryExpr.Operator.NOT_EQUALS),
                new BinaryExpr(new MethodCallExpr(new NameExpr("layout"), "byteAlignment"), new NameExpr("align"),
                        BinaryExpr.Operator.NOT_EQUALS),
                BinaryExpr.Operator.OR);
        Expression message = new BinaryExpr(new NameExpr("name"), new StringLiteralExpr(
                " does not have the size and alignment the compiler computed; regenerate the bindings"),
                BinaryExpr.Operator.PLUS);
        method.setBody(new BlockStmt(NodeList.nodeList(new IfStmt(wrong, loadFailure(message), null))));
        return method;
    }

    private static void addConstant(ClassOrInterfaceDeclaration type, NativeConstant constant) {
        Type javaType = JavaTypes.type(constant.carrier());
        type.addFieldWithInitializer(javaType, constant.javaName(), literal(constant.carrier(), constant.bits()),
                Modifier.Keyword.PUBLIC, Modifier.Keyword.STATIC, Modifier.Keyword.FINAL)
                .setJavadocComment(Javadocs.withRustDocs(constant.docs(), "{@code " + constant.rustName() + "} = "
                        + Javadocs.escape(constant.value()) + " ({@code " + constant.c() + "})."));
    }

    /** A literal of a value carrier with these bits: {@code 7}, {@code -3L}, {@code (byte) -1}, {@code true}. */
    static Expression literal(Carrier carrier, long bits) {
        return switch (carrier.kind()) {
            case BOOLEAN -> new BooleanLiteralExpr(bits != 0);
            case LONG -> new LongLiteralExpr(bits + "L");
            case INT -> new IntegerLiteralExpr(String.valueOf((int) bits));
            case SHORT -> new CastExpr(PrimitiveType.shortType(), new IntegerLiteralExpr(String.valueOf((short) bits)));
            case BYTE -> new CastExpr(PrimitiveType.byteType(), new IntegerLiteralExpr(String.valueOf((byte) bits)));
            default -> throw new IllegalArgumentException(carrier + " has no literal");
        };
    }

    private static void addEnum(ClassOrInterfaceDeclaration type, EnumType enumeration) {
        for (EnumVariant variant : enumeration.variants()) {
            Expression value = enumeration.carrier().kind() == Carrier.Kind.LONG
                    ? new LongLiteralExpr(variant.value() + "L")
                    : enumeration.carrier().kind() == Carrier.Kind.INT
                    ? new IntegerLiteralExpr(String.valueOf(variant.value()))
                    : new CastExpr(JavaTypes.type(enumeration.carrier()), new IntegerLiteralExpr(String.valueOf(
                            variant.value())));
            type.addFieldWithInitializer(JavaTypes.type(enumeration.carrier()), JavaNames.constant(enumeration.name())
                    + "_" + variant.constant(), value, Modifier.Keyword.PUBLIC, Modifier.Keyword.STATIC,
                    Modifier.Keyword.FINAL).setJavadocComment(Javadocs.withRustDocs(variant.docs(), "{@code "
                    + enumeration.path() + "::" + variant.name() + "} = " + variant.value() + "."));
        }
    }

    private static void addDescriptor(ClassOrInterfaceDeclaration type, NativeCallback callback) {
        type.addFieldWithInitializer("FunctionDescriptor", JavaNames.descriptorConstant(callback.name()),
                descriptor(callback.params(), callback.result()), Modifier.Keyword.PUBLIC, Modifier.Keyword.STATIC,
                Modifier.Keyword.FINAL).setJavadocComment(Javadocs.withRustDocs(callback.docs(),
                "Descriptor of callback {@code " + callback.path() + "}, for upcall stubs."));
    }
}
