package dev.ferrule.gen;

import static dev.ferrule.gen.Ast.call;
import static dev.ferrule.gen.Ast.name;
import static dev.ferrule.gen.Ast.run;

import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodReferenceExpr;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.type.PrimitiveType;
import com.github.javaparser.ast.type.Type;
import dev.ferrule.bind.BindingModel.Method;
import dev.ferrule.bind.BindingModel.ObjectType;
import dev.ferrule.bind.BindingModel.Role;
import dev.ferrule.bind.BindingModel.SafeLayer;
import dev.ferrule.bind.BindingModel.Source;
import dev.ferrule.bind.Mapping;

/**
 * Calls of the safe facade that generated tests make around the call they test. An object is a
 * bare {@code long} handle for a crate whose objects follow the naming convention, and an
 * instance of its class for a declared one; these calls hide which.
 */
final class FacadeCalls {

    private final SafeLayer safe;
    private final TypicalValues typical;

    FacadeCalls(SafeLayer safe) {
        this.safe = safe;
        this.typical = new TypicalValues(safe);
    }

    SafeLayer safe() {
        return safe;
    }

    TypicalValues typical() {
        return typical;
    }

    /** Whether the facade passes objects of this type as instances of their class: declared ones. */
    boolean typed(String object) {
        return objectType(object).source() == Source.DECLARED;
    }

    /** What a live object is held in: its handle, or an instance of its class. */
    Type handleType(String object) {
        return typed(object) ? Ast.type(objectType(object).className()) : PrimitiveType.longType();
    }

    /** A new object, made with ordinary arguments. */
    Expression newHandle(String object) {
        String constructor = objectType(object).constructor();
        if (constructor == null) {
            throw new IllegalStateException(object + " has no constructor for tests to make one with");
        }
        Method create = safe.method(constructor).orElseThrow();
        return call(name(safe.className()), create.name(), create.javaParams().stream()
                .map(param -> typical.of(param.mapping())).toArray(Expression[]::new));
    }

    /** Releases an object: through the facade's release, or by closing the instance. */
    Expression release(String object, Expression handle) {
        if (typed(object)) {
            return call(handle, "close");
        }
        return call(name(safe.className()), safe.method(objectType(object).release()).orElseThrow().name(), handle);
    }

    /** Runs a call and releases whatever object it returns, so that the leak check sees none. */
    Statement disposing(Method method, Expression invocation) {
        Mapping result = method.result().mapping();
        Role role = method.owner().map(o -> o.role()).orElse(null);
        if (result != null && SafeMethodBuilder.isTyped(result)) {
            return run(call(invocation, "close"));
        }
        if (result != null && result.kind() == Mapping.Kind.OPTION && SafeMethodBuilder.isTyped(result.inner())) {
            return run(call(invocation, "ifPresent", new MethodReferenceExpr(name(result.inner().javaType()), null,
                    "close")));
        }
        if (role == Role.CONSTRUCTOR || role == Role.CLONE) {
            return run(release(method.owner().get().object(), invocation));
        }
        return run(invocation);
    }

    private ObjectType objectType(String object) {
        return safe.object(object).orElseThrow();
    }
}
