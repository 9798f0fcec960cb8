package dev.ferrule.bind;

import dev.ferrule.bind.BindingModel.Method;
import dev.ferrule.bind.BindingModel.ObjectType;
import dev.ferrule.bind.BindingModel.Owner;
import dev.ferrule.bind.BindingModel.Param;
import dev.ferrule.bind.BindingModel.Result;
import dev.ferrule.bind.BindingModel.Role;
import dev.ferrule.bind.BindingModel.Source;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The object types of a ferrule-ffi crate, by its convention: {@code <type>_new} returns a
 * {@code u64} handle (through its out-parameter), {@code <type>_release} takes one back, and a
 * parameter named {@code <type>} of that width is such a handle. This is the one place that rule
 * lives: the facade, the object classes and the generated tests all read its result.
 */
final class ObjectTypes {

    /**
     * Names an object class has already ({@code close}, {@code handle}, {@code Object}'s methods):
     * an export whose verb is one of them stays a facade method only.
     */
    private static final Set<String> RESERVED_VERBS = Set.of("create", "duplicate", "handle", "close", "isClosed",
            "reclaimedByCleaner", "equals", "hashCode", "toString", "getClass", "notify", "notifyAll", "wait",
            "clone", "finalize");

    /** The object types found and the methods with their handles and owners marked. */
    record Found(List<ObjectType> objects, List<Method> methods) {
    }

    private ObjectTypes() {
    }

    /**
     * @param methods  the mapped methods, each with its symbol's local part
     */
    static Found find(Map<String, Method> methods) {
        List<ObjectType> objects = new ArrayList<>();
        methods.forEach((local, method) -> {
            if (!local.endsWith("_new")) {
                return;
            }
            String word = local.substring(0, local.length() - "_new".length());
            Method release = methods.get(word + "_release");
            if (isHandle(method.result().mapping()) && release != null && release.javaParams().size() == 1) {
                Method clone = methods.get(word + "_clone");
                boolean cloneable = clone != null && clone.javaParams().size() == 1 && isHandle(clone.result()
                        .mapping());
                objects.add(new ObjectType(word, JavaNames.upperCamel(JavaNames.lowerCamel(word)), method.symbol(),
                        release.symbol(), cloneable ? Optional.of(clone.symbol()) : Optional.empty(),
                        Source.CONVENTION));
            }
        });
        // The longest name first: byte_buffer_len belongs to byte_buffer, not to byte.
        List<ObjectType> longestFirst = objects.stream()
                .sorted(Comparator.comparingInt((ObjectType o) -> o.name().length()).reversed()).toList();
        Map<String, Method> marked = new TreeMap<>();
        methods.forEach((local, method) -> marked.put(local, mark(local, method, objects, longestFirst)));
        return new Found(List.copyOf(objects), List.copyOf(marked.values().stream()
                .sorted(Comparator.comparing(Method::symbol)).toList()));
    }

    private static Method mark(String local, Method method, List<ObjectType> objects, List<ObjectType> longestFirst) {
        List<Param> params = new ArrayList<>();
        for (Param param : method.params()) {
            Optional<ObjectType> handle = objects.stream()
                    .filter(o -> o.name().equals(param.name()) && isHandle(param.mapping())).findFirst();
            params.add(handle.isEmpty() ? param : new Param(param.name(), param.javaName(), Mapping.object(
                    handle.get().name(), param.mapping().carrier()), Source.CONVENTION, param.natives()));
        }
        Optional<Owner> owner = Optional.empty();
        Result result = method.result();
        for (ObjectType object : longestFirst) {
            String word = object.name();
            if (!local.startsWith(word + "_")) {
                continue;
            }
            Optional<Role> role = role(method.symbol(), object, params);
            String verb = JavaNames.lowerCamel(local.substring(word.length() + 1));
            if (role.isEmpty() || role.get() == Role.METHOD && RESERVED_VERBS.contains(verb)) {
                continue;
            }
            owner = Optional.of(new Owner(word, role.get(), role.get() == Role.METHOD ? verb : null));
            if (role.get() == Role.CONSTRUCTOR || role.get() == Role.CLONE) {
                result = new Result(Mapping.object(word, result.mapping().carrier()), Source.CONVENTION,
                        result.outParam());
            }
            break;
        }
        return new Method(method.symbol(), method.name(), owner, List.copyOf(params), method.status(), result,
                method.critical(), method.docs(), method.deprecation());
    }

    private static Optional<Role> role(String symbol, ObjectType object, List<Param> params) {
        if (symbol.equals(object.constructor())) {
            return Optional.of(Role.CONSTRUCTOR);
        }
        if (object.cloner().filter(symbol::equals).isPresent()) {
            return Optional.of(Role.CLONE);
        }
        if (symbol.endsWith("_clone")) {
            return Optional.empty();
        }
        List<Param> javaParams = params.stream().filter(p -> p.mapping().kind() != Mapping.Kind.OUT).toList();
        boolean takesIt = !javaParams.isEmpty() && javaParams.get(0).mapping().kind() == Mapping.Kind.OBJECT
                && javaParams.get(0).mapping().target().equals(object.name());
        if (!takesIt) {
            return Optional.empty();
        }
        return Optional.of(symbol.equals(object.release()) ? Role.RELEASE : Role.METHOD);
    }

    /** A {@code long} value: what a handle crosses as. */
    private static boolean isHandle(Mapping mapping) {
        return mapping != null && mapping.kind() == Mapping.Kind.VALUE
                && mapping.carrier().kind() == Carrier.Kind.LONG;
    }
}
