package dev.ferrule.gen;

import com.github.javaparser.ast.NodeList;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.IntegerLiteralExpr;
import com.github.javaparser.ast.expr.LongLiteralExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.IfStmt;
import com.github.javaparser.ast.stmt.ReturnStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.stmt.ThrowStmt;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import com.github.javaparser.ast.type.Type;

/** Small constructors for JavaParser nodes, so generators read like the code they build. */
final class Ast {

    private Ast() {
    }

    static NameExpr name(String name) {
        return new NameExpr(name);
    }

    static ClassOrInterfaceType type(String name) {
        return new ClassOrInterfaceType(null, name);
    }

    static StringLiteralExpr str(String text) {
        return new StringLiteralExpr(text.replace("\\", "\\\\").replace("\"", "\\\""));
    }

    static IntegerLiteralExpr integer(int value) {
        return new IntegerLiteralExpr(String.valueOf(value));
    }

    static LongLiteralExpr longLiteral(long value) {
        return new LongLiteralExpr(value + "L");
    }

    static MethodCallExpr call(Expression scope, String method, Expression... args) {
        return new MethodCallExpr(scope, method, NodeList.nodeList(args));
    }

    static MethodCallExpr call(String method, Expression... args) {
        return new MethodCallExpr(null, method, NodeList.nodeList(args));
    }

    static FieldAccessExpr field(Expression scope, String name) {
        return new FieldAccessExpr(scope, name);
    }

    static ObjectCreationExpr create(String type, Expression... args) {
        return new ObjectCreationExpr(null, type(type), NodeList.nodeList(args));
    }

    static Statement declare(Type type, String name, Expression init) {
        return new ExpressionStmt(new VariableDeclarationExpr(new VariableDeclarator(type, name, init)));
    }

    static Statement assign(Expression target, Expression value) {
        return new ExpressionStmt(new AssignExpr(target, value, AssignExpr.Operator.ASSIGN));
    }

    static Statement run(Expression expression) {
        return new ExpressionStmt(expression);
    }

    static Statement ret(Expression value) {
        return new ReturnStmt(value);
    }

    static Statement throwing(Expression exception) {
        return new ThrowStmt(exception);
    }

    static Statement when(Expression condition, Statement then) {
        return new IfStmt(condition, then, null);
    }

    static BinaryExpr binary(Expression left, BinaryExpr.Operator operator, Expression right) {
        return new BinaryExpr(left, right, operator);
    }

    static BlockStmt block(Statement... statements) {
        return new BlockStmt(NodeList.nodeList(statements));
    }
}
