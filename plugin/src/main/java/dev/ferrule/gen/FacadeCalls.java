package dev.ferrule.gen;

import static dev.ferrule.gen.Ast.call;
import static dev.ferrule.gen.Ast.name;

import com.github.javaparser.ast.expr.Expression;
import dev.ferrule.bind.BindingModel.Method;
import dev.ferrule.bind.BindingModel.ObjectType;
import dev.ferrule.bind.BindingModel.SafeLayer;

/** Calls of the safe facade that generated tests make around the call they test. */
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

    /** A new handle of an object type, made with ordinary arguments. */
    Expression newHandle(String object) {
        Method create = safe.method(objectType(object).constructor()).orElseThrow();
        return call(name(safe.className()), create.name(), create.javaParams().stream()
                .map(param -> typical.of(param.mapping())).toArray(Expression[]::new));
    }

    /** Releases a handle of an object type. */
    Expression release(String object, Expression handle) {
        return call(name(safe.className()), safe.method(objectType(object).release()).orElseThrow().name(), handle);
    }

    private ObjectType objectType(String object) {
        return safe.object(object).orElseThrow();
    }
}
