package dev.ferrule.bind;

import dev.ferrule.abi.AbiModel;
import dev.ferrule.abi.AbiModel.AbiType;
import dev.ferrule.abi.AbiModel.Declared;
import dev.ferrule.abi.AbiModel.DeclaredFunction;
import dev.ferrule.abi.AbiModel.DeclaredObject;
import dev.ferrule.abi.AbiModel.DeclaredParam;
import dev.ferrule.abi.CType;
import dev.ferrule.bind.BindingModel.Decision;
import dev.ferrule.bind.BindingModel.Method;
import dev.ferrule.bind.BindingModel.NativeFunction;
import dev.ferrule.bind.BindingModel.NativeParam;
import dev.ferrule.bind.BindingModel.ObjectType;
import dev.ferrule.bind.BindingModel.Owner;
import dev.ferrule.bind.BindingModel.Result;
import dev.ferrule.bind.BindingModel.Role;
import dev.ferrule.bind.BindingModel.Source;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The safe methods of a crate whose exports ferrule-ffi's attributes declared: each parameter
 * and result mapped as its declaration says, onto the C parameters it names. Nothing here is
 * inferred from a name; a declaration that does not fit its export is an error, never a guess.
 */
final class DeclaredMethods {

    /** Names the object classes have already: a method so named could not be one of theirs. */
    private static final Set<String> RESERVED_VERBS = Set.of("create", "duplicate", "handle", "close", "isClosed",
            "reclaimedByCleaner", "equals", "hashCode", "toString", "getClass", "notify", "notifyAll", "wait",
            "clone", "finalize");

    private final Declared declared;
    private final Carriers carriers;
    private final ValueTypes values;

    DeclaredMethods(Declared declared, Carriers carriers, ValueTypes values) {
        this.declared = declared;
        this.carriers = carriers;
        this.values = values;
    }

    /** The object classes, named as the Rust types are. */
    List<ObjectType> objects() {
        List<ObjectType> objects = new ArrayList<>();
        for (DeclaredObject object : declared.objects()) {
            List<DeclaredFunction> constructors = declared.functions().stream()
                    .filter(f -> f.role().equals("constructor") && object.name().equals(f.owner())).toList();
            String primary = constructors.stream().filter(f -> f.rust().endsWith("::new")).findFirst()
                    .or(() -> constructors.stream().findFirst()).map(DeclaredFunction::symbol).orElse(null);
            objects.add(new ObjectType(word(object.name()), object.name(), primary, object.release(),
                    Optional.ofNullable(object.cloner()), Source.DECLARED));
        }
        return List.copyOf(objects);
    }

    /** The word an object's exports use: {@code byte_buffer} of {@code ByteBuffer}. */
    static String word(String typeName) {
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < typeName.length(); i++) {
            char c = typeName.charAt(i);
            if (Character.isUpperCase(c) && i > 0) {
                word.append('_');
            }
            word.append(Character.toLowerCase(c));
        }
        return word.toString();
    }

    /**
     * @param local  the symbol without the crate's prefix: {@code counter_add}
     */
    Method map(DeclaredFunction function, AbiModel.AbiFunction abi, NativeFunction raw, String local)
            throws MethodMapper.Undecidable {
        List<BindingModel.Param> params = new ArrayList<>();
        for (DeclaredParam param : function.params()) {
            List<Integer> natives = natives(function, param.natives(), raw);
            // A release takes the bare handle: the class's tracker releases handles, not instances.
            boolean bareHandle = param.name().equals("self") && function.role().equals("release");
            Mapping mapping = bareHandle ? Mapping.object(word(function.owner()), Carrier.of(Carrier.Kind.LONG))
                    : mapping(function, param.type(), natives, raw, true);
            String javaName = param.name().equals("self") ? raw.params().get(natives.get(0)).javaName()
                    : JavaNames.identifier(JavaNames.lowerCamel(param.name()));
            params.add(new BindingModel.Param(param.name(), javaName, mapping, Source.DECLARED, natives));
        }
        List<Integer> outs = natives(function, function.returns().natives(), raw);
        for (int out : outs) {
            params.add(new BindingModel.Param(raw.params().get(out).name(), raw.params().get(out).javaName(),
                    Mapping.out(), Source.DECLARED, List.of(out)));
        }
        params.sort(java.util.Comparator.comparing(p -> p.natives().get(0)));
        Result result = result(function, outs, raw);
        Optional<Owner> owner = owner(function);
        return new Method(raw.symbol(), JavaNames.lowerCamel(local), owner, List.copyOf(params),
                new Decision(true, Source.DECLARED), result, raw.critical(), abi.docs(),
                BindingModel.Deprecation.of(abi.deprecation()));
    }

    private Optional<Owner> owner(DeclaredFunction function) throws MethodMapper.Undecidable {
        if (function.owner() == null || function.role().equals("function")) {
            return Optional.empty();
        }
        String object = word(function.owner());
        String method = function.rust().substring(function.rust().lastIndexOf(':') + 1);
        String verb = JavaNames.lowerCamel(method);
        Role role = switch (function.role()) {
            case "constructor" -> Role.CONSTRUCTOR;
            case "method" -> Role.METHOD;
            case "static" -> Role.STATIC;
            case "release" -> Role.RELEASE;
            case "clone" -> Role.CLONE;
            default -> throw new MethodMapper.Undecidable("its declaration has the unknown role '" + function.role()
                    + "'", "use the ferrule-ffi that comes with this Ferrule");
        };
        if (role == Role.CONSTRUCTOR) {
            return Optional.of(new Owner(object, role, method.equals("new") ? "create" : verb));
        }
        if ((role == Role.METHOD || role == Role.STATIC) && RESERVED_VERBS.contains(verb)) {
            throw new MethodMapper.Undecidable(function.rust() + " would be " + function.owner() + "." + verb
                    + "() in Java, which its class has already", "give the Rust method another name");
        }
        return Optional.of(new Owner(object, role, role == Role.METHOD || role == Role.STATIC ? verb : null));
    }

    private Result result(DeclaredFunction function, List<Integer> outs, NativeFunction raw)
            throws MethodMapper.Undecidable {
        String type = function.returns().type();
        if (type.equals("unit")) {
            expect(function, outs, 0, "unit");
            return Result.VOID;
        }
        if (type.startsWith("Option<")) {
            expect(function, outs, 2, type);
            Mapping inner = mapping(function, unwrap(type), List.of(outs.get(1)), raw, false);
            return new Result(Mapping.option(inner), Source.DECLARED, outs.get(1), outs.get(0));
        }
        expect(function, outs, 1, type);
        return new Result(mapping(function, type, outs, raw, false), Source.DECLARED, outs.get(0));
    }

    /**
     * The mapping of a declared shape carried by the C parameters {@code natives}: a parameter's,
     * or, when {@code !param}, the value an out-parameter points at.
     */
    private Mapping mapping(DeclaredFunction function, String type, List<Integer> natives, NativeFunction raw,
            boolean param) throws MethodMapper.Undecidable {
        if (type.startsWith("Option<")) {
            String inner = unwrap(type);
            if (inner.startsWith("object:")) {
                expect(function, natives, 1, type);
                return Mapping.option(object(inner.substring("object:".length())));
            }
            return Mapping.option(mapping(function, inner, natives.subList(1, natives.size()), raw, param));
        }
        if (type.equals("&str") || type.equals("String")) {
            expect(function, natives, param ? 2 : 1, type);
            return Mapping.string();
        }
        if (type.equals("&[u8]") || type.equals("Vec<u8>")) {
            expect(function, natives, param ? 2 : 1, type);
            return Mapping.bytes();
        }
        if (type.startsWith("closure:")) {
            expect(function, natives, 2, type);
            CType c = raw.params().get(natives.get(0)).type().c();
            AbiType callback = carriers.table().isCallback(c) ? carriers.table().type(c) : null;
            if (callback == null) {
                throw mismatch(function, type, "its C parameter is " + c.spelling() + ", not a callback type");
            }
            return Mapping.callback(callback.name());
        }
        expect(function, natives, 1, type);
        CType c = raw.params().get(natives.get(0)).type().c();
        CType carried = param ? c : pointee(function, type, c);
        if (type.startsWith("object:")) {
            return object(type.substring("object:".length()));
        }
        if (type.startsWith("value:")) {
            return value(function, type, type.substring("value:".length()), carried);
        }
        Carrier carrier = carriers.value(carried)
                .orElseThrow(() -> mismatch(function, type, "its C type is " + carried.spelling()));
        return switch (type) {
            case "bool" -> carrier.kind() == Carrier.Kind.BOOLEAN ? Mapping.value(carrier) : Mapping.flag(carrier);
            default -> Mapping.widens(type) ? Mapping.unsigned(carrier) : Mapping.value(carrier);
        };
    }

    private Mapping value(DeclaredFunction function, String type, String name, CType c)
            throws MethodMapper.Undecidable {
        Optional<AbiType> record = values.recordOf(c);
        if (record.isPresent() && record.get().name().equals(name)) {
            return Mapping.record(name, false);
        }
        Optional<AbiType> enumeration = values.enumOf(c);
        if (enumeration.isPresent() && enumeration.get().name().equals(name)) {
            return values.enumMapping(enumeration.get());
        }
        throw mismatch(function, type, "its C type " + c.spelling() + " is not the record or enumeration " + name
                + " with a measured layout");
    }

    private Mapping object(String typeName) {
        return Mapping.object(word(typeName), typeName, Carrier.of(Carrier.Kind.LONG));
    }

    private CType pointee(DeclaredFunction function, String type, CType c) throws MethodMapper.Undecidable {
        if (c instanceof CType.Pointer pointer && !pointer.constPointee()) {
            return pointer.pointee();
        }
        throw mismatch(function, type, "its result is read through " + c.spelling() + ", not a mutable pointer");
    }

    private static String unwrap(String option) {
        return option.substring("Option<".length(), option.length() - 1);
    }

    /** The C parameters a declaration names, by index; each must exist. */
    private static List<Integer> natives(DeclaredFunction function, List<String> names, NativeFunction raw)
            throws MethodMapper.Undecidable {
        List<Integer> indices = new ArrayList<>();
        for (String name : names) {
            int index = -1;
            for (int i = 0; i < raw.params().size(); i++) {
                NativeParam param = raw.params().get(i);
                if (param.name().equals(name)) {
                    index = i;
                }
            }
            if (index < 0) {
                throw new MethodMapper.Undecidable("its declaration names the C parameter '" + name + "', which "
                        + function.symbol() + " does not have", "rebuild the crate with the ferrule-ffi that"
                        + " comes with this Ferrule");
            }
            indices.add(index);
        }
        return List.copyOf(indices);
    }

    private static void expect(DeclaredFunction function, List<Integer> natives, int count, String type)
            throws MethodMapper.Undecidable {
        if (natives.size() != count) {
            throw mismatch(function, type, "it names " + natives.size() + " C parameters, and " + type + " takes "
                    + count);
        }
    }

    private static MethodMapper.Undecidable mismatch(DeclaredFunction function, String type, String why) {
        return new MethodMapper.Undecidable("its declaration says " + type + ", but " + why, "rebuild the crate with"
                + " the ferrule-ffi that comes with this Ferrule; a hand-written export needs no declaration");
    }
}
