package dev.ferrule.gen;

import static dev.ferrule.gen.Ast.block;
import static dev.ferrule.gen.Ast.create;
import static dev.ferrule.gen.Ast.field;
import static dev.ferrule.gen.Ast.integer;
import static dev.ferrule.gen.Ast.name;
import static dev.ferrule.gen.Ast.ret;
import static dev.ferrule.gen.Ast.type;
import static dev.ferrule.gen.Ast.when;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Modifier;
import com.github.javaparser.ast.NodeList;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.ConstructorDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.ExplicitConstructorInvocationStmt;
import com.github.javaparser.ast.type.PrimitiveType;
import dev.ferrule.bind.BindingModel;
import dev.ferrule.bind.BindingModel.ErrorClass;
import dev.ferrule.bind.BindingModel.SafeLayer;
import java.util.List;

/**
 * The library's exception: a base class that carries the status code, and a subclass per
 * runtime error and per variant of the crate's error enum, chosen by {@code of(code, message)}.
 */
final class ExceptionGenerator {

    private ExceptionGenerator() {
    }

    static GeneratedSource generate(BindingModel model, SafeLayer safe) {
        return generate(model.packageName(), safe.exceptionClass(), safe.errors(), "A call into "
                + model.library().crate() + " failed. {@link #code()} is the status: positive for the crate's own"
                + " errors, negative for ferrule-ffi's runtime errors, each of which\nhas its own subclass. The"
                + " message is the library's last error message for the call; it never\nholds native addresses.");
    }

    /**
     * @param errors  the subclasses, one per code
     * @param javadoc the base class's documentation: what its codes mean
     */
    static GeneratedSource generate(String packageName, String exceptionClass, List<ErrorClass> errors,
            String javadoc) {
        CompilationUnit unit = new CompilationUnit(packageName);
        ClassOrInterfaceDeclaration base = unit.addClass(exceptionClass, Modifier.Keyword.PUBLIC);
        base.addExtendedType("RuntimeException");
        base.setJavadocComment(javadoc);
        serial(base);
        base.addField(PrimitiveType.intType(), "code", Modifier.Keyword.PRIVATE, Modifier.Keyword.FINAL);
        ConstructorDeclaration constructor = base.addConstructor(Modifier.Keyword.PUBLIC);
        constructor.addParameter(PrimitiveType.intType(), "code").addParameter("String", "message");
        constructor.setBody(block(new ExplicitConstructorInvocationStmt(false, null, NodeList.nodeList(
                name("message"))), Ast.assign(field(new ThisExpr(), "code"), name("code"))));
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
        for (ErrorClass error : errors) {
            body.addStatement(when(Ast.binary(name("code"), BinaryExpr.Operator.EQUALS, integer(error.code())),
                    ret(create(error.className(), name("message")))));
            base.addMember(subclass(exceptionClass, error));
        }
        body.addStatement(ret(create(exceptionClass, name("code"), name("message"))));
        of.setBody(body);
        return Printer.source(packageName, exceptionClass, unit);
    }

    private static ClassOrInterfaceDeclaration subclass(String exceptionClass, ErrorClass error) {
        ClassOrInterfaceDeclaration sub = new ClassOrInterfaceDeclaration(NodeList.nodeList(
                Modifier.publicModifier(), Modifier.staticModifier(), Modifier.finalModifier()), false,
                error.className());
        sub.addExtendedType(exceptionClass);
        // Negative statuses are ferrule-ffi's; the crate's own name the variant they come from.
        String meaning = Javadocs.escape(error.meaning()) + (error.code() < 0 ? "" : " ({@code " + error.origin()
                + "})");
        sub.setJavadocComment(meaning + " Status " + error.code() + ".");
        serial(sub);
        ConstructorDeclaration constructor = sub.addConstructor(Modifier.Keyword.PUBLIC);
        constructor.addParameter("String", "message");
        constructor.setJavadocComment("@param message the library's message");
        constructor.setBody(block(new ExplicitConstructorInvocationStmt(false, null, NodeList.nodeList(
                integer(error.code()), name("message")))));
        return sub;
    }

    private static void serial(ClassOrInterfaceDeclaration type) {
        type.addFieldWithInitializer(PrimitiveType.longType(), "serialVersionUID", Ast.longLiteral(1),
                Modifier.Keyword.PRIVATE, Modifier.Keyword.STATIC, Modifier.Keyword.FINAL);
    }
}
