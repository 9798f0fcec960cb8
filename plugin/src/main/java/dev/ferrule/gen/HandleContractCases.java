package dev.ferrule.gen;

import static dev.ferrule.gen.Ast.block;
import static dev.ferrule.gen.Ast.call;
import static dev.ferrule.gen.Ast.create;
import static dev.ferrule.gen.Ast.declare;
import static dev.ferrule.gen.Ast.integer;
import static dev.ferrule.gen.Ast.name;
import static dev.ferrule.gen.Ast.run;
import static dev.ferrule.gen.Ast.type;

import com.github.javaparser.ast.NodeList;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.ClassExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.CatchClause;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.ForEachStmt;
import com.github.javaparser.ast.stmt.ForStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.stmt.TryStmt;
import com.github.javaparser.ast.stmt.WhileStmt;
import com.github.javaparser.ast.type.PrimitiveType;
import dev.ferrule.bind.BindingModel.Method;
import dev.ferrule.bind.BindingModel.ObjectType;
import dev.ferrule.bind.BindingModel.Param;
import dev.ferrule.bind.BindingModel.Role;
import dev.ferrule.bind.JavaNames;
import dev.ferrule.bind.Mapping;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The contract cases of objects behind handles: a released handle and a live handle of another
 * type are refused by every method that takes one, and each object class survives a double
 * close, refuses use after close, and lets calls race a close without a crash.
 */
final class HandleContractCases {

    /** The arguments of a call that varies one Java parameter, with the setup and cleanup it needs. */
    @FunctionalInterface
    interface Arguments {
        List<Expression> of(Method method, int varied, Expression value, List<Statement> setup,
                List<Statement> cleanup);
    }

    private HandleContractCases() {
    }

    /** A released handle, and a live one of each other object type, in Java parameter {@code index}. */
    static void addRefusedHandleCases(ContractSuite suite, String prefix, Method method, int index,
            Arguments arguments) {
        String object = method.javaParams().get(index).mapping().target();
        addRefusedHandleCase(suite, prefix + "released", method, index, object, true, arguments);
        for (ObjectType other : suite.safe().objects()) {
            if (!other.name().equals(object)) {
                addRefusedHandleCase(suite, prefix + "of" + other.className(), method, index, other.name(), false,
                        arguments);
            }
        }
    }

    /**
     * A handle the library must refuse: one of {@code object}'s type, released before the call when
     * {@code releasedFirst}, else live but of another type than the parameter's (released after).
     */
    private static void addRefusedHandleCase(ContractSuite suite, String caseName, Method method, int index,
            String object, boolean releasedFirst, Arguments arguments) {
        String local = releasedFirst ? "released" : "foreign";
        List<Statement> setup = new ArrayList<>();
        List<Statement> cleanup = new ArrayList<>();
        if (suite.calls().typed(object)) {
            // A declared object is an instance; the handle is taken before it is closed.
            String instance = local + "$object";
            setup.add(declare(suite.calls().handleType(object), instance, suite.newHandle(object)));
            setup.add(declare(PrimitiveType.longType(), local, call(name(instance), "handle")));
            (releasedFirst ? setup : cleanup).add(run(suite.release(object, name(instance))));
        } else {
            setup.add(declare(PrimitiveType.longType(), local, suite.newHandle(object)));
            (releasedFirst ? setup : cleanup).add(run(suite.release(object, name(local))));
        }
        List<Expression> args = arguments.of(method, index, name(local), setup, cleanup);
        LambdaExpr lambda = new LambdaExpr(new NodeList<>(), block(new ExpressionStmt(call(name(
                suite.safe().className()), method.name(), args.toArray(Expression[]::new)))));
        suite.addTest(caseName, setup, List.of(run(call("refusesHandle", lambda))), cleanup);
    }

    /** Use after close, double close, and use racing close, on an object class. */
    static void addLifecycleCases(ContractSuite suite, ObjectType object) {
        if (object.constructor() == null) {
            return;
        }
        Method creator = suite.safe().method(object.constructor()).orElseThrow();
        String factory = creator.owner().map(o -> o.verb()).orElse(null);
        Expression create = call(name(object.className()), factory == null ? "create" : factory, creator
                .javaParams().stream().map(p -> suite.typical().of(p.mapping())).toArray(Expression[]::new));
        String prefix = JavaNames.lowerCamel(object.name()) + "Handle_";

        suite.addTest(prefix + "doubleClose", List.of(), List.of(declare(type(object.className()), "handle", create),
                run(call(name("handle"), "close")), run(call(name("handle"), "close")),
                run(call(name("Assertions"), "assertTrue", call(name("handle"), "isClosed")))), List.of());

        Optional<Method> user = suite.safe().methodsOf(object.name()).stream()
                .filter(m -> m.owner().orElseThrow().role() == Role.METHOD && m.javaParams().stream()
                        .filter(p -> p.mapping().kind() == Mapping.Kind.OBJECT).count() == 1)
                .findFirst();
        if (user.isEmpty()) {
            return;
        }
        List<Param> params = user.get().javaParams();
        Expression use = call(name("handle"), user.get().owner().orElseThrow().verb(), params.subList(1,
                params.size()).stream().map(p -> suite.typical().of(p.mapping())).toArray(Expression[]::new));
        suite.addTest(prefix + "useAfterClose", List.of(), List.of(declare(type(object.className()), "handle",
                create.clone()), run(call(name("handle"), "close")), run(call(name("Assertions"), "assertThrows",
                new ClassExpr(type("IllegalStateException")), new LambdaExpr(new NodeList<>(), block(
                        new ExpressionStmt(use.clone())))))), List.of());
        suite.addTest(prefix + "useRacingClose", List.of(), racingClose(suite, object, create, use), List.of());
    }

    /**
     * Eight threads use the handle while the test closes it: every call returns or reports the
     * close; nothing else may happen, and no thread may crash the JVM.
     */
    private static List<Statement> racingClose(ContractSuite suite, ObjectType object, Expression create,
            Expression use) {
        BlockStmt worker = block(new WhileStmt(new UnaryExpr(call(name("handle"), "isClosed"),
                UnaryExpr.Operator.LOGICAL_COMPLEMENT), block(new TryStmt(block(new ExpressionStmt(use.clone())),
                NodeList.nodeList(
                        new CatchClause(new Parameter(type("IllegalStateException"), "closed"), block()),
                        new CatchClause(new Parameter(type(suite.safe().exceptionClass()), "own"), block()),
                        new CatchClause(new Parameter(type("Throwable"), "unexpected"), block(run(call(
                                name("failures"), "add", name("unexpected")))))),
                null))));
        return List.of(
                declare(type(object.className()), "handle", create.clone()),
                declare(type("java.util.List<Throwable>"), "failures", create(
                        "java.util.concurrent.CopyOnWriteArrayList<>")),
                declare(type("java.util.List<Thread>"), "threads", create("java.util.ArrayList<>")),
                new ForStmt(NodeList.nodeList(new VariableDeclarationExpr(new VariableDeclarator(
                        PrimitiveType.intType(), "i", integer(0)))), Ast.binary(name("i"), BinaryExpr.Operator.LESS,
                        integer(8)), NodeList.nodeList(new UnaryExpr(name("i"), UnaryExpr.Operator.POSTFIX_INCREMENT)),
                        block(run(call(name("threads"), "add", call(call(name("Thread"), "ofPlatform"), "start",
                                new LambdaExpr(new NodeList<>(), worker)))))),
                run(call(name("Thread"), "sleep", integer(20))),
                run(call(name("handle"), "close")),
                new ForEachStmt(new VariableDeclarationExpr(type("Thread"), "thread"), name("threads"),
                        block(run(call(name("thread"), "join")))),
                run(call(name("Assertions"), "assertEquals", call(name("java.util.List"), "of"), name("failures"))));
    }
}
