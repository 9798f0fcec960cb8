package dev.ferrule.bind;

import dev.ferrule.abi.AbiModel;
import dev.ferrule.abi.AbiModel.AbiFunction;
import dev.ferrule.abi.AbiModel.AbiType;
import dev.ferrule.abi.AbiModel.Param;
import dev.ferrule.abi.CType;
import dev.ferrule.bind.BindingModel.CallbackParam;
import dev.ferrule.bind.BindingModel.CallbackType;
import dev.ferrule.bind.BindingModel.ErrorClass;
import dev.ferrule.bind.BindingModel.Method;
import dev.ferrule.bind.BindingModel.NativeFunction;
import dev.ferrule.bind.BindingModel.NativeLayer;
import dev.ferrule.bind.BindingModel.RuntimeSymbols;
import dev.ferrule.bind.BindingModel.SafeLayer;
import dev.ferrule.cargo.FerruleMetadata;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The safe layer's half of the binding model, for crates built on ferrule-ffi: a method per
 * export the metadata, types and conventions decide, the object types behind handles, the
 * exception classes, and the records, enums and callbacks those methods use.
 */
final class SafeLayerBuilder {

    private final AbiModel model;
    private final BindingConfig config;
    private final Carriers carriers;
    private final RuntimeSymbols runtime;
    private final String prefix;

    private SafeLayerBuilder(AbiModel model, BindingConfig config, Carriers carriers, String prefix) {
        this.model = model;
        this.config = config;
        this.carriers = carriers;
        this.prefix = prefix;
        this.runtime = new RuntimeSymbols(prefix + "_last_error_length", prefix + "_last_error_message",
                prefix + "_buffer_free", prefix + "_live_objects", prefix + "_live_objects_report");
    }

    /**
     * The ferrule-ffi export prefix of a model: {@code p} when the crate exports every one of
     * ferrule-ffi's runtime functions that the safe layer calls as {@code p_<name>}, as
     * {@code export_runtime!} does, and uses its {@code FfiBuffer}. A crate with only some of
     * them is not a ferrule-ffi crate, whatever it calls its functions.
     */
    static Optional<String> prefix(AbiModel model) {
        Set<String> symbols = new HashSet<>();
        model.functions().forEach(f -> symbols.add(f.symbol()));
        boolean buffer = model.types().stream().anyMatch(t -> t.name().equals("FfiBuffer") && t.size() != null);
        return model.functions().stream().map(AbiFunction::symbol).filter(s -> s.endsWith("_last_error_length"))
                .map(s -> s.substring(0, s.length() - "_last_error_length".length()))
                .filter(p -> buffer && CALLED.stream().allMatch(name -> symbols.contains(p + "_" + name)))
                .findFirst();
    }

    /** The runtime exports the generated safe layer calls. */
    private static final List<String> CALLED = List.of("last_error_length", "last_error_message", "buffer_free",
            "live_objects", "live_objects_report");

    /** The runtime exports the safe layer calls, which the raw layer binds whatever the filters say. */
    static Set<String> runtimeExports(String prefix) {
        Set<String> symbols = new TreeSet<>();
        for (String name : RUNTIME_EXPORTS) {
            symbols.add(prefix + "_" + name);
        }
        return symbols;
    }

    /** Every export of {@code export_runtime!}: part of the boundary, not of the crate's own API. */
    private static final Set<String> RUNTIME_EXPORTS = Set.of("last_error_message", "last_error_length",
            "live_objects", "live_objects_report", "buffer_free", "set_log_callback", "build_info",
            "abi_fingerprint");

    /** The safe layer of a crate whose export prefix {@link #prefix} found. */
    static SafeLayer build(AbiModel model, BindingConfig config, Carriers carriers, NativeLayer natives, String prefix)
            throws BindingException {
        return new SafeLayerBuilder(model, config, carriers, prefix).build(natives);
    }

    private SafeLayer build(NativeLayer natives) throws BindingException {
        String safeClass = JavaNames.upperCamel(model.crate().libName());
        String exceptionClass = safeClass + "Exception";
        ValueTypes values = new ValueTypes(carriers, takenNames(safeClass, exceptionClass), model.declared());
        MethodMapper mapper = new MethodMapper(carriers, values);
        AbiModel.Declared declared = model.declared() == null || model.declared().functions().isEmpty() ? null
                : model.declared();
        DeclaredMethods declaredMethods = declared == null ? null : new DeclaredMethods(declared, carriers, values);
        Map<String, Method> methods = new TreeMap<>();
        List<String> skipped = new ArrayList<>();
        List<String> undecidable = new ArrayList<>();
        for (AbiFunction function : model.functions()) {
            Optional<NativeFunction> raw = natives.function(function.symbol());
            String local = function.symbol().startsWith(prefix + "_")
                    ? function.symbol().substring(prefix.length() + 1) : function.symbol();
            if (raw.isEmpty() || !config.selects(function.symbol()) || RUNTIME_EXPORTS.contains(local)) {
                continue;
            }
            FerruleMetadata.FunctionMetadata meta = config.metadata().function(function.symbol());
            if (declared != null) {
                Optional<AbiModel.DeclaredFunction> declaration = declared.function(function.symbol());
                if (meta.rawOnly() || declaration.isEmpty()) {
                    skipped.add(function.symbol() + ": " + (meta.rawOnly() ? "raw-only by [package.metadata.ferrule]"
                            : "not declared by ferrule-ffi's attributes") + "; use " + config.rawClass());
                    continue;
                }
                try {
                    methods.put(local, declaredMethods.map(declaration.get(), function, raw.get(), local));
                } catch (MethodMapper.Undecidable e) {
                    undecidable.add(function.symbol() + ": " + e.getMessage() + ". Fix: " + e.fix());
                }
                continue;
            }
            if (meta.rawOnly()) {
                skipped.add(function.symbol() + ": raw-only by [package.metadata.ferrule]; use " + config.rawClass());
                continue;
            }
            try {
                methods.put(local, mapper.map(function, raw.get(), local, meta));
            } catch (MethodMapper.Undecidable e) {
                undecidable.add(function.symbol() + ": " + e.getMessage() + ". Fix: " + e.fix()
                        + ", or leave it to " + config.rawClass() + " with\n    [package.metadata.ferrule.functions."
                        + function.symbol() + "]\n    raw-only = true");
            }
        }
        if (!undecidable.isEmpty()) {
            throw new BindingException("The safe layer of " + model.crate().name() + " cannot be generated: "
                    + undecidable.size() + " function(s) are undecidable, and Ferrule does not guess.", undecidable);
        }
        ObjectTypes.Found found = declared != null
                ? new ObjectTypes.Found(declaredMethods.objects(), List.copyOf(methods.values()))
                : ObjectTypes.find(methods);
        Set<String> usedTypes = new TreeSet<>();
        Set<String> usedCallbacks = new TreeSet<>();
        for (Method method : found.methods()) {
            List<Mapping> mappings = new ArrayList<>(method.params().stream().map(BindingModel.Param::mapping)
                    .toList());
            if (!method.result().isVoid()) {
                mappings.add(method.result().mapping());
            }
            for (Mapping mapping : mappings) {
                Mapping used = mapping.kind() == Mapping.Kind.OPTION ? mapping.inner() : mapping;
                switch (used.kind()) {
                    case RECORD, OPTIONAL, ENUM -> usedTypes.add(used.target());
                    case CALLBACK -> usedCallbacks.add(used.target());
                    default -> {
                    }
                }
            }
        }
        return new SafeLayer(prefix, safeClass, exceptionClass, runtime, found.methods(), found.objects(), errors(),
                values.records(usedTypes), values.enums(usedTypes), usedCallbacks.stream().map(this::callback).toList(),
                List.copyOf(skipped));
    }

    /**
     * Java class names other generated classes have: a crate type of the same name gets no value
     * type. Object classes count by the {@code <prefix>_<type>_new} names alone, since the types
     * are known only once the methods are mapped.
     */
    private Set<String> takenNames(String safeClass, String exceptionClass) {
        Set<String> taken = new HashSet<>(Set.of(safeClass, exceptionClass, config.rawClass()));
        model.functions().stream().map(AbiFunction::symbol)
                .filter(s -> s.startsWith(prefix + "_") && s.endsWith("_new"))
                .map(s -> s.substring(prefix.length() + 1, s.length() - "_new".length()))
                .forEach(word -> taken.add(JavaNames.upperCamel(JavaNames.lowerCamel(word))));
        return taken;
    }

    /** A subclass per runtime error and per variant of the crate's error enums, each name used once. */
    private List<ErrorClass> errors() {
        List<ErrorClass> errors = new ArrayList<>();
        Set<String> taken = new HashSet<>();
        for (RuntimeStatus status : RuntimeStatus.values()) {
            errors.add(new ErrorClass(status.exceptionName(), status.code(), status.meaning(), status.name()));
            taken.add(status.exceptionName());
        }
        for (AbiModel.ErrorEnum enumeration : model.errors()) {
            for (AbiModel.Variant variant : enumeration.variants()) {
                String name = variant.name() + "Exception";
                if (!taken.add(name)) {
                    name = enumeration.name() + variant.name() + "Exception";
                    taken.add(name);
                }
                String meaning = variant.docs() == null ? enumeration.name() + "::" + variant.name()
                        : variant.docs().strip();
                errors.add(new ErrorClass(name, (int) variant.value(), meaning, enumeration.path() + "::"
                        + variant.name()));
            }
        }
        return List.copyOf(errors);
    }

    private CallbackType callback(String name) {
        AbiType callback = carriers.table().type(name);
        List<Param> params = callback.params();
        List<CallbackParam> all = params.stream().map(p -> {
            Carrier carrier = carriers.value(CType.parse(p.type().c())).orElseThrow();
            return new CallbackParam(p.name(), JavaNames.identifier(p.name()), carrier, inJava(p.type(), carrier));
        }).toList();
        Carrier result = callback.returns() == null ? null
                : carriers.value(CType.parse(callback.returns().c())).orElseThrow();
        return new CallbackType(callback.name(), callback.path(), all.subList(0, all.size() - 1),
                all.get(all.size() - 1), result, callback.docs(),
                result == null ? null : inJava(callback.returns(), result));
    }

    /**
     * A closure's value in Java: a declared crate's unsigned numbers widen as its other values do;
     * a hand-written callback keeps its carrier, as it always has.
     */
    private Mapping inJava(AbiModel.TypeRef type, Carrier carrier) {
        boolean widened = model.declared() != null && Mapping.widens(type.rust());
        return widened ? Mapping.unsigned(carrier) : Mapping.value(carrier);
    }
}
