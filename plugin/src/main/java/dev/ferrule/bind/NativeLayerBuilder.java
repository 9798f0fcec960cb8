package dev.ferrule.bind;

import dev.ferrule.abi.AbiModel;
import dev.ferrule.abi.AbiModel.AbiFunction;
import dev.ferrule.abi.AbiModel.AbiType;
import dev.ferrule.abi.AbiModel.Field;
import dev.ferrule.abi.AbiModel.Param;
import dev.ferrule.abi.AbiModel.TypeKind;
import dev.ferrule.abi.AbiModel.TypeRef;
import dev.ferrule.abi.CType;
import dev.ferrule.bind.BindingModel.EnumType;
import dev.ferrule.bind.BindingModel.EnumVariant;
import dev.ferrule.bind.BindingModel.FieldOffset;
import dev.ferrule.bind.BindingModel.Layout;
import dev.ferrule.bind.BindingModel.LayoutMember;
import dev.ferrule.bind.BindingModel.NativeCallback;
import dev.ferrule.bind.BindingModel.NativeConstant;
import dev.ferrule.bind.BindingModel.NativeFunction;
import dev.ferrule.bind.BindingModel.NativeLayer;
import dev.ferrule.bind.BindingModel.NativeParam;
import dev.ferrule.bind.BindingModel.NativeType;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The raw layer's half of the binding model: which exports FFM can call and how each value
 * travels, the layouts of the crate's structs, its constants, enum values and callback
 * signatures, and what is left out with the reason why.
 */
final class NativeLayerBuilder {

    /** How rustdoc renders an integer constant's value: {@code 7u32}, {@code -0x10i64}, {@code 0b1010}. */
    private static final Pattern INTEGER_LITERAL = Pattern.compile(
            "^(-?)(0x[0-9a-fA-F]+|0o[0-7]+|0b[01]+|[0-9]+)(?:[iu](?:8|16|32|64|128|size))?$");

    /** The raw class's own fields, which a crate constant of the same Java name must not shadow. */
    private static final Set<String> RESERVED_CONSTANTS = Set.of("LIBRARY", "LIBRARY_SHA256", "FEATURES",
            "ABI_FINGERPRINT");

    private final AbiModel model;
    private final Carriers carriers;
    private final Predicate<String> selected;
    private final Predicate<String> critical;

    /**
     * @param selected  which exports to bind
     * @param critical  which exports are critical downcalls
     */
    NativeLayerBuilder(AbiModel model, Carriers carriers, Predicate<String> selected, Predicate<String> critical) {
        this.model = model;
        this.carriers = carriers;
        this.selected = selected;
        this.critical = critical;
    }

    NativeLayer build() {
        List<String> skipped = new ArrayList<>();
        List<Layout> layouts = layouts(skipped);
        List<EnumType> enums = enums(skipped);
        List<NativeCallback> callbacks = callbacks(skipped);
        Set<String> taken = new HashSet<>(RESERVED_CONSTANTS);
        layouts.forEach(l -> taken.add(JavaNames.layoutConstant(l.name())));
        enums.forEach(e -> e.variants().forEach(v -> taken.add(JavaNames.constant(e.name()) + "_" + v.constant())));
        callbacks.forEach(c -> taken.add(JavaNames.descriptorConstant(c.name())));
        List<NativeConstant> constants = constants(skipped, taken);
        List<NativeFunction> functions = new ArrayList<>();
        int considered = 0;
        for (AbiFunction function : model.functions()) {
            if (selected.test(function.symbol())) {
                considered++;
                function(function).ifPresentOrElse(functions::add, () -> skipped.add(function.symbol() + ": "
                        + whyNotBound(function)));
            }
        }
        return new NativeLayer(List.copyOf(functions), List.copyOf(skipped), considered, layouts, constants, enums,
                callbacks);
    }

    // ---- functions ---------------------------------------------------------------------------

    private Optional<NativeFunction> function(AbiFunction function) {
        if (function.variadic() || !function.abi().startsWith("C") || unmappable(function).isPresent()) {
            return Optional.empty();
        }
        Set<String> used = new HashSet<>();
        List<NativeParam> params = new ArrayList<>();
        for (Param param : function.params()) {
            params.add(new NativeParam(param.name(), unique(JavaNames.identifier(param.name()), used),
                    type(param.type())));
        }
        NativeType result = function.returns() == null ? null : type(function.returns());
        boolean structResult = result != null && result.carrier().kind() == Carrier.Kind.STRUCT;
        return Optional.of(new NativeFunction(function.symbol(), function.path(), function.abi(), List.copyOf(params),
                result, structResult, critical.test(function.symbol()), function.docs(),
                BindingModel.Deprecation.of(function.deprecation())));
    }

    private NativeType type(TypeRef ref) {
        CType c = CType.parse(ref.c());
        Long pointeeSize = c instanceof CType.Pointer pointer ? carriers.table().size(pointer.pointee()).orElse(null)
                : null;
        return new NativeType(c, ref.rust(), carriers.of(c).orElseThrow(), BindingModel.Ownership.of(ref.ownership()),
                ref.nullable(), pointeeSize);
    }

    /** Two Rust parameters can make one Java name ({@code r#type} and {@code type_}); the second gets a number. */
    private static String unique(String name, Set<String> used) {
        String candidate = name;
        for (int i = 2; !used.add(candidate); i++) {
            candidate = name + i;
        }
        return candidate;
    }

    private String whyNotBound(AbiFunction function) {
        if (function.variadic() || !function.abi().startsWith("C")) {
            return (function.variadic() ? "variadic" : "extern \"" + function.abi() + "\"")
                    + " functions are not bound";
        }
        return unmappable(function).orElseThrow();
    }

    /** Why a signature cannot be bound: its first parameter (or result) with no FFM form. */
    private Optional<String> unmappable(AbiFunction function) {
        TypeRef returns = function.returns();
        if (returns != null && !passable(CType.parse(returns.c()))) {
            return Optional.of("the result (" + returns.rust() + ") " + why(CType.parse(returns.c())));
        }
        for (Param param : function.params()) {
            CType c = CType.parse(param.type().c());
            if (!passable(c)) {
                return Optional.of("parameter `" + param.name() + "` (" + param.type().rust() + ") " + why(c));
            }
        }
        return Optional.empty();
    }

    private boolean passable(CType c) {
        return carriers.of(c).isPresent() && c.kind() != CType.Kind.ARRAY;
    }

    private String why(CType c) {
        if (c.kind() == CType.Kind.UNKNOWN) {
            return "has no C layout (see the ABI findings)";
        }
        if (c.kind() == CType.Kind.ARRAY) {
            return "is a C array, which C passes by value only inside a struct; pass a pointer to it";
        }
        if (c.kind() == CType.Kind.STRUCT || c.kind() == CType.Kind.UNION) {
            AbiType type = carriers.table().type(c);
            return type == null ? "is a type of another crate, passed by value (see the ABI findings)"
                    : type.kind() == TypeKind.OPAQUE ? "is opaque and cannot be passed by value"
                    : "has no measured layout (see the ABI findings)";
        }
        if (c.kind() == CType.Kind.ENUM) {
            return "has an enum repr with no FFM layout";
        }
        return "(C " + c.spelling() + ") is not known on " + carriers.table().target() + " (see the ABI findings)";
    }

    // ---- layouts -----------------------------------------------------------------------------

    private List<Layout> layouts(List<String> skipped) {
        List<Layout> layouts = new ArrayList<>();
        for (AbiType struct : layoutOrder()) {
            Optional<Field> unlaid = struct.fields().stream().filter(f -> carriers.of(CType.parse(f.type().c()))
                    .isEmpty() || struct.kind() == TypeKind.STRUCT && f.offset() == null).findFirst();
            if (unlaid.isPresent()) {
                Field field = unlaid.get();
                boolean unmeasured = field.offset() == null && struct.kind() == TypeKind.STRUCT;
                skipped.add("layout of " + struct.name() + ": field `" + field.name() + "` (" + field.type().rust()
                        + ") " + (unmeasured ? "has no measured offset (see the ABI findings)"
                                : why(CType.parse(field.type().c()))));
                continue;
            }
            List<FieldOffset> offsets = struct.kind() == TypeKind.STRUCT
                    ? struct.fields().stream().map(f -> new FieldOffset(f.name(), f.offset())).toList() : List.of();
            layouts.add(new Layout(struct.name(), struct.path(), struct.kind() == TypeKind.UNION, struct.size(),
                    struct.align(), members(struct), offsets, struct.docs()));
        }
        return List.copyOf(layouts);
    }

    /** Structs and unions with a measured layout, each after the ones it contains by value. */
    private List<AbiType> layoutOrder() {
        Map<String, AbiType> records = new TreeMap<>();
        carriers.table().all().stream().filter(t -> (t.kind() == TypeKind.STRUCT || t.kind() == TypeKind.UNION)
                && t.size() != null).forEach(t -> records.put(t.name(), t));
        Set<String> ordered = new LinkedHashSet<>();
        for (String name : records.keySet()) {
            visit(name, records, ordered, new LinkedHashSet<>());
        }
        return ordered.stream().map(records::get).toList();
    }

    private void visit(String name, Map<String, AbiType> records, Set<String> ordered, Set<String> path) {
        if (ordered.contains(name) || !records.containsKey(name) || !path.add(name)) {
            return;
        }
        for (Field field : records.get(name).fields()) {
            CType c = CType.parse(field.type().c());
            if (c.kind() == CType.Kind.STRUCT || c.kind() == CType.Kind.UNION) {
                visit(((CType.Tagged) c).name(), records, ordered, path);
            }
        }
        ordered.add(name);
    }

    private List<LayoutMember> members(AbiType struct) {
        List<LayoutMember> members = new ArrayList<>();
        long position = 0;
        for (Field field : struct.fields()) {
            CType c = CType.parse(field.type().c());
            Carrier carrier = carriers.of(c).orElseThrow();
            Long alignment = null;
            if (struct.kind() == TypeKind.STRUCT) {
                long offset = field.offset();
                if (offset > position) {
                    members.add(new LayoutMember(null, null, offset - position, null));
                }
                // Packed or over-aligned structs place fields off their natural alignment, which FFM
                // only accepts when the member layout says so.
                long natural = carriers.align(c);
                long actual = Math.min(offset == 0 ? natural : Long.lowestOneBit(offset), struct.align());
                alignment = actual < natural ? actual : null;
                position = offset + carriers.size(c);
            }
            members.add(new LayoutMember(field.name(), carrier, 0, alignment));
        }
        if (struct.kind() == TypeKind.STRUCT && struct.size() > position) {
            members.add(new LayoutMember(null, null, struct.size() - position, null));
        }
        return List.copyOf(members);
    }

    // ---- constants, enums, callbacks ---------------------------------------------------------

    /** @param names the raw class's Java names taken so far; each constant adds its own */
    private List<NativeConstant> constants(List<String> skipped, Set<String> names) {
        List<NativeConstant> constants = new ArrayList<>();
        for (AbiModel.AbiConstant constant : model.constants()) {
            Optional<Carrier> carrier = carriers.value(CType.parse(constant.type().c()));
            Optional<Long> bits = carrier.flatMap(c -> constantBits(constant.value(), c));
            String name = JavaNames.constant(constant.name());
            if (bits.isEmpty() || !names.add(name)) {
                skipped.add("constant " + constant.name() + ": " + (bits.isEmpty() ? "its value `"
                        + constant.value() + "` (" + constant.type().c() + ") has no Java literal"
                        : "its Java name " + name + " is taken"));
                continue;
            }
            constants.add(new NativeConstant(name, constant.name(), constant.value(), constant.type().c(),
                    carrier.get(), bits.get(), constant.docs()));
        }
        return List.copyOf(constants);
    }

    /**
     * The bits of rustdoc's rendering of a constant's value ({@code 7u32}, {@code -1i32},
     * {@code true}): integers keep their bits, so an unsigned value above the signed range
     * becomes the negative number Java reads the same bits as. Floats have no literal here.
     */
    static Optional<Long> constantBits(String value, Carrier carrier) {
        if (value == null) {
            return Optional.empty();
        }
        String text = value.strip().replace("_", "");
        if (carrier.kind() == Carrier.Kind.BOOLEAN) {
            return text.equals("true") || text.equals("false") ? Optional.of(text.equals("true") ? 1L : 0L)
                    : Optional.empty();
        }
        Matcher number = INTEGER_LITERAL.matcher(text);
        if (!number.matches() || carrier.kind() == Carrier.Kind.FLOAT || carrier.kind() == Carrier.Kind.DOUBLE) {
            return Optional.empty();
        }
        String digits = number.group(2);
        int radix = digits.startsWith("0x") ? 16 : digits.startsWith("0o") ? 8 : digits.startsWith("0b") ? 2 : 10;
        BigInteger parsed = new BigInteger(radix == 10 ? digits : digits.substring(2), radix);
        return Optional.of((number.group(1).isEmpty() ? parsed : parsed.negate()).longValue());
    }

    private List<EnumType> enums(List<String> skipped) {
        List<EnumType> enums = new ArrayList<>();
        for (AbiType enumeration : carriers.table().all()) {
            if (enumeration.kind() != TypeKind.ENUM) {
                continue;
            }
            Optional<Carrier> carrier = Carriers.ofEnumRepr(enumeration.repr());
            if (carrier.isEmpty()) {
                skipped.add("enum " + enumeration.name() + ": repr(" + enumeration.repr() + ") has no FFM layout");
                continue;
            }
            enums.add(new EnumType(enumeration.name(), enumeration.path(), enumeration.repr(), carrier.get(),
                    enumeration.variants().stream().map(v -> new EnumVariant(v.name(), JavaNames.constant(v.name()),
                            v.value(), v.docs())).toList(), enumeration.docs()));
        }
        return List.copyOf(enums);
    }

    private List<NativeCallback> callbacks(List<String> skipped) {
        List<NativeCallback> callbacks = new ArrayList<>();
        for (AbiType callback : carriers.table().all()) {
            if (callback.kind() != TypeKind.CALLBACK) {
                continue;
            }
            List<TypeRef> refs = new ArrayList<>(callback.params() == null ? List.of()
                    : callback.params().stream().map(Param::type).toList());
            if (callback.returns() != null) {
                refs.add(callback.returns());
            }
            if (refs.stream().anyMatch(r -> carriers.of(CType.parse(r.c())).isEmpty())) {
                skipped.add("callback " + callback.name() + ": a parameter has no FFM layout");
                continue;
            }
            callbacks.add(new NativeCallback(callback.name(), callback.path(), callback.params() == null ? List.of()
                    : callback.params().stream().map(p -> type(p.type())).toList(),
                    callback.returns() == null ? null : type(callback.returns()), callback.docs()));
        }
        return List.copyOf(callbacks);
    }
}
