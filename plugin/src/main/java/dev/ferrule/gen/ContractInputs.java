package dev.ferrule.gen;

import static dev.ferrule.gen.Ast.call;
import static dev.ferrule.gen.Ast.field;
import static dev.ferrule.gen.Ast.name;

import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.type.PrimitiveType;
import dev.ferrule.bind.BindingModel.Method;
import dev.ferrule.bind.BindingModel.NativeFunction;
import dev.ferrule.bind.BindingModel.SafeLayer;
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
    static Optional<RawCall> invalidUtf8(SafeLayer safe, Method method, NativeFunction raw) {
        return method.params().stream().filter(p -> p.mapping().kind() == Mapping.Kind.STRING).findFirst()
                .flatMap(text -> rawCall(safe, method, raw, index -> index == text.natives().get(0)
                        ? List.of(name("invalidUtf8"), call(name("invalidUtf8"), "byteSize")) : null));
    }

    /** A raw call that passes {@code handle} in the C parameter {@code nativeIndex}, a declared object's handle. */
    static Optional<RawCall> withHandle(SafeLayer safe, Method method, NativeFunction raw, int nativeIndex,
            Expression handle) {
        return rawCall(safe, method, raw, index -> index == nativeIndex ? List.of(handle) : null);
    }

    /**
     * Raw calls that pass a null pointer in one pointer parameter each, by the parameter's Rust
     * name: ferrule-ffi's contract is that a pointer the function needs is checked (NULL_ARGUMENT),
     * so a crash here is a missing null check. A byte pointer gets a length of 1, so the null is not
     * excused by an empty input.
     */
    static Map<String, RawCall> nullProbes(SafeLayer safe, Method method, NativeFunction raw) {
        Map<String, RawCall> probes = new LinkedHashMap<>();
        for (int nulled = 0; nulled < raw.params().size(); nulled++) {
            if (raw.params().get(nulled).type().carrier().kind() != Carrier.Kind.ADDRESS) {
                continue;
            }
            int index = nulled;
            Param owner = owner(method, nulled);
            List<Expression> nulls;
            int from = index;
            if (owner.mapping().kind() == Mapping.Kind.OPTION && owner.natives().size() == 3) {
                // Text or bytes in an option: present, so the null pointer is read, with a length of 1.
                from = owner.natives().get(0);
                nulls = List.of(new CastExpr(PrimitiveType.byteType(), Ast.integer(1)),
                        field(name("MemorySegment"), "NULL"), Ast.longLiteral(1));
            } else if (isPairStart(method, nulled)) {
                nulls = List.of(field(name("MemorySegment"), "NULL"), Ast.longLiteral(1));
            } else {
                nulls = List.of(field(name("MemorySegment"), "NULL"));
            }
            int start = from;
            rawCall(safe, method, raw, i -> i == start ? nulls : null)
                    .ifPresent(call -> probes.put(raw.params().get(index).name(), call));
        }
        return probes;
    }

    /**
     * The arguments of a raw call: what {@code special} gives for a C parameter (two values for a
     * pointer and length pair), and valid values for the rest: an enum's first variant, false for
     * a declared {@code bool}, an absent option. Empty when some parameter cannot be filled
     * safely, such as a record or a callback.
     */
    private static Optional<RawCall> rawCall(SafeLayer safe, Method method, NativeFunction raw,
            IntFunction<List<Expression>> special) {
        List<Expression> args = new ArrayList<>();
        Map<String, String> handles = new TreeMap<>();
        for (int i = 0; i < raw.params().size(); i++) {
            Param param = owner(method, i);
            List<Expression> given = special.apply(i);
            if (given != null) {
                // What is given fills as many C parameters as it has values: a pair's two, say.
                args.addAll(given);
                i += given.size() - 1;
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
                case OPTION -> {
                    if (type.carrier().kind() == Carrier.Kind.STRUCT) {
                        return Optional.empty();
                    }
                    // Absent: a zero presence byte, or handle 0, and zeros the library does not read.
                    args.add(type.carrier().isValue() ? JavaTypes.zero(type.carrier())
                            : field(name("MemorySegment"), "NULL"));
                }
                case ENUM -> {
                    long first = safe.enumeration(param.mapping().target()).orElseThrow().variants().get(0).value();
                    args.add(new CastExpr(JavaTypes.type(type.carrier()), Ast.longLiteral(first)));
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
                    boolean flag = param.mapping().kind() == Mapping.Kind.VALUE
                            && param.mapping().javaType().equals("boolean");
                    args.add(flag ? JavaTypes.zero(type.carrier()) : TypicalValues.of(type.carrier()));
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
