package dev.ferrule.gen;

import static dev.ferrule.gen.Ast.type;

import com.github.javaparser.ast.NodeList;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.stmt.TryStmt;
import dev.ferrule.bind.BindingModel.SafeLayer;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The contract test class while it is written: its test methods, the names of the cases, and
 * the few expressions every kind of case needs (a live handle, its release, ordinary values).
 */
final class ContractSuite {

    private final ClassOrInterfaceDeclaration type;
    private final SafeLayer safe;
    private final FacadeCalls calls;
    private final Map<String, String> skips;
    private final Set<String> names = new TreeSet<>();

    ContractSuite(ClassOrInterfaceDeclaration type, SafeLayer safe, Map<String, String> skips) {
        this.type = type;
        this.safe = safe;
        this.calls = new FacadeCalls(safe);
        this.skips = skips;
    }

    ClassOrInterfaceDeclaration testClass() {
        return type;
    }

    SafeLayer safe() {
        return safe;
    }

    TypicalValues typical() {
        return calls.typical();
    }

    FacadeCalls calls() {
        return calls;
    }

    /** The case names generated so far. */
    Set<String> names() {
        return names;
    }

    /** A test method: {@code setup}, then {@code body} with {@code cleanup} in {@code finally}. */
    void addTest(String caseName, List<Statement> setup, List<Statement> body, List<Statement> cleanup) {
        names.add(caseName);
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
            block.addStatement(new TryStmt(new BlockStmt(NodeList.nodeList(body)), new NodeList<>(),
                    new BlockStmt(NodeList.nodeList(cleanup))));
        }
        test.setBody(block);
    }

    /** A new handle of an object type, made with ordinary arguments. */
    Expression newHandle(String object) {
        return calls.newHandle(object);
    }

    /** Releases a handle of an object type through the facade. */
    Expression release(String object, Expression handle) {
        return calls.release(object, handle);
    }
}
