package dev.ferrule.gen;

import static dev.ferrule.gen.Ast.call;
import static dev.ferrule.gen.Ast.field;
import static dev.ferrule.gen.Ast.name;

import com.github.javaparser.ast.expr.Expression;
import dev.ferrule.bind.BindingModel.Method;
import dev.ferrule.bind.BindingModel.NativeFunction;
import dev.ferrule.bind.BindingModel.NativeType;
import dev.ferrule.bind.BindingModel.Param;
import dev.ferrule.bind.Carrier;
import dev.ferrule.bind.Mapping;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.IntFunction;

/**
 * The raw calls the contract tests make where the safe layer cannot go: invalid UTF-8 in a
 * string, and a null in each pointer. Every other argument is valid: two bytes for a byte
 * input, a live handle, an out-parameter of the right size, an ordinary number.
 */
final class ContractInputs {

    /**
     * A call through the raw layer with one bad argument.
     *
     * @param handles local names of the live handles the call needs, with their object type
     */
    record RawCall(String symbol, List<Expression> args, Map<String, String> handles) {
    }

    private ContractInputs() {
    }

    /**
     * A raw call that passes invalid UTF-8 in the method's first string. Only the raw layer can
     * send invalid UTF-8: Java strings always encode to valid UTF-8.
     */
    static Optional<RawCall> invalidUtf8(Method method, NativeFunction raw) {
        return method.params().stream().filter(p -> p.mapping().kind() == Mapping.Kind.STRING).findFirst()
                .flatMap(text -> rawCall(method, raw, index -> index == text.natives().get(0)
                        ? List.of(name("invalidUtf8"), call(name("invalidUtf8"), "byteSize")) : null));
    }

    /**
     * Raw calls that pass a null pointer in one pointer parameter each, by the parameter's Rust
     * name: ferrule-ffi's contract is that a pointer the function needs is checked (NULL_ARGUMENT),
     * so a crash here is a missing null check. A byte pointer gets a length of 1, so the null is not
     * excused by an empty input.
     */
    static Map<String, RawCall> nullProbes(Method method, NativeFunction raw) {
        Map<String, RawCall> probes = new LinkedHashMap<>();
        for (int nulled = 0; nulled < raw.params().size(); nulled++) {
            if (raw.params().get(nulled).type().carrier().kind() != Carrier.Kind.ADDRESS) {
                continue;
            }
            int index = nulled;
            boolean pair = isPairStart(method, nulled);
            rawCall(method, raw, i -> i != index ? null : pair
                    ? List.of(field(name("MemorySegment"), "NULL"), Ast.longLiteral(1))
                    : List.of(field(name("MemorySegment"), "NULL")))
                    .ifPresent(call -> probes.put(raw.params().get(index).name(), call));
        }
        return probes;
    }

    /**
     * The arguments of a raw call: what {@code special} gives for a C parameter (two values for a
     * pointer and length pair), and valid values for the rest. Empty when some parameter cannot
     * be filled safely, such as a record or a callback.
     */
    private static Optional<RawCall> rawCall(Method method, NativeFunction raw, IntFunction<List<Expression>> special) {
        List<Expression> args = new ArrayList<>();
        Map<String, String> handles = new TreeMap<>();
        for (int i = 0; i < raw.params().size(); i++) {
            Param param = owner(method, i);
            boolean pair = isPairStart(method, i);
            List<Expression> given = special.apply(i);
            if (given != null) {
                args.addAll(given);
                i += pair ? 1 : 0;
                continue;
            }
            NativeType type = raw.params().get(i).type();
            switch (param.mapping().kind()) {
                case STRING, BYTES -> {
                    args.add(call(name("arena"), "allocate", Ast.longLiteral(2)));
                    args.add(Ast.longLiteral(2));
                    i++;
                }
                case OBJECT -> {
                    handles.put("live" + i, param.mapping().target());
                    args.add(name("live" + i));
                }
                case OUT -> {
                    if (type.pointeeSize() == null) {
                        return Optional.empty();
                    }
                    args.add(call(name("arena"), "allocate", Ast.longLiteral(type.pointeeSize()), Ast.longLiteral(8)));
                }
                default -> {
                    if (!type.carrier().isValue()) {
                        return Optional.empty();
                    }
                    args.add(TypicalValues.of(type.carrier()));
                }
            }
        }
        return Optional.of(new RawCall(raw.symbol(), args, handles));
    }

    /** The safe parameter a C parameter belongs to. */
    private static Param owner(Method method, int nativeIndex) {
        return method.params().stream().filter(p -> p.natives().contains(nativeIndex)).findFirst().orElseThrow();
    }

    /** Whether the C parameter is the pointer of a (pointer, length) pair. */
    private static boolean isPairStart(Method method, int nativeIndex) {
        Param param = owner(method, nativeIndex);
        boolean pair = param.mapping().kind() == Mapping.Kind.STRING || param.mapping().kind() == Mapping.Kind.BYTES;
        return pair && param.natives().get(0) == nativeIndex;
    }
}
