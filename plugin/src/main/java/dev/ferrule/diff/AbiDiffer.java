package dev.ferrule.diff;

import dev.ferrule.abi.AbiModel;
import dev.ferrule.abi.AbiModel.AbiConstant;
import dev.ferrule.abi.AbiModel.AbiFunction;
import dev.ferrule.abi.AbiModel.AbiStatic;
import dev.ferrule.abi.AbiModel.AbiType;
import dev.ferrule.abi.AbiModel.ExportedSymbol;
import dev.ferrule.abi.AbiModel.Field;
import dev.ferrule.abi.AbiModel.Param;
import dev.ferrule.abi.AbiModel.SourceLocation;
import dev.ferrule.abi.AbiModel.TypeKind;
import dev.ferrule.abi.AbiModel.TypeRef;
import dev.ferrule.abi.AbiModel.Variant;
import dev.ferrule.abi.CType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Compares two {@link AbiModel}s and classifies every difference by an {@link AbiRule}, with the
 * rule's message filled in.
 *
 * <p>Types are compared through the model's type table, which holds every type reachable from the
 * exports, through pointers, fields and callbacks; so a change to a struct that is only reached
 * through a pointer field of another struct is found, and each type change names the functions
 * it affects.
 */
public final class AbiDiffer {

    private final List<AbiChange> changes = new ArrayList<>();
    private final CTypeNames oldNames;
    private final CTypeNames newNames;
    private final Map<String, Set<String>> usersByType;

    private AbiDiffer(AbiModel before, AbiModel after) {
        oldNames = new CTypeNames(before);
        newNames = new CTypeNames(after);
        usersByType = usersByType(before);
    }

    public static List<AbiChange> diff(AbiModel before, AbiModel after) {
        AbiDiffer differ = new AbiDiffer(before, after);
        differ.compareFunctions(before, after);
        differ.compareTypes(before, after);
        differ.compareErrors(before, after);
        differ.compareConstants(before, after);
        differ.compareStatics(before, after);
        differ.compareHiddenExports(before, after);
        return sorted(differ.changes);
    }

    /** Worst first, then by item, rule and message: reports list changes in this order. */
    static List<AbiChange> sorted(List<AbiChange> changes) {
        return changes.stream().sorted(Comparator.comparing((AbiChange c) -> c.rule().severity())
                .thenComparing(AbiChange::item).thenComparing(c -> c.rule().name())
                .thenComparing(AbiChange::message)).toList();
    }

    private void add(AbiRule rule, String item, SourceLocation location, List<String> affects, Object... values) {
        changes.add(new AbiChange(rule, item, rule.message(values), location, affects, false));
    }

    private void add(AbiRule rule, String item, SourceLocation location, Object... values) {
        add(rule, item, location, List.of(), values);
    }

    /** An item that no longer exists: its location is the one the snapshot recorded. */
    private void gone(AbiRule rule, String item, SourceLocation wasAt, List<String> affects, Object... values) {
        changes.add(new AbiChange(rule, item, rule.message(values), wasAt, affects, true));
    }

    private CTypeNames.Comparison compareC(String was, String is) {
        return CTypeNames.compare(oldNames, was, newNames, is);
    }

    /** {@code size_t (8 bytes) -> uint32_t (4 bytes)}: both C types, with what they occupy. */
    private String cChange(String was, String is) {
        return oldNames.describe(was) + " -> " + newNames.describe(is);
    }

    private void constness(String item, String what, TypeRef was, TypeRef is, SourceLocation at) {
        add(AbiRule.POINTER_CONSTNESS_CHANGED, item, at, "what", what, "was", was.c(), "now", is.c(), "wasRust",
                was.rust(), "nowRust", is.rust());
    }

    // ---- functions ---------------------------------------------------------------------------

    private void compareFunctions(AbiModel before, AbiModel after) {
        Map<String, AbiFunction> old = index(before.functions(), AbiFunction::symbol);
        Map<String, AbiFunction> now = index(after.functions(), AbiFunction::symbol);
        Map<String, AbiFunction> addedByPath = new HashMap<>();
        now.forEach((symbol, fn) -> {
            if (!old.containsKey(symbol)) {
                addedByPath.put(fn.path(), fn);
            }
        });
        Set<String> renamedTo = new HashSet<>();
        for (AbiFunction previous : old.values()) {
            AbiFunction current = now.get(previous.symbol());
            if (current != null) {
                compareFunction(previous, current);
                continue;
            }
            AbiFunction renamed = addedByPath.get(previous.path());
            if (renamed != null) {
                renamedTo.add(renamed.symbol());
                add(AbiRule.SYMBOL_RENAMED, previous.symbol(), renamed.location(), "path", previous.path(), "now",
                        renamed.symbol(), "was", previous.symbol());
                compareFunction(previous, renamed);
            } else {
                gone(AbiRule.FN_REMOVED, previous.symbol(), previous.location(), List.of(), "symbol",
                        previous.symbol());
            }
        }
        for (AbiFunction current : now.values()) {
            if (!old.containsKey(current.symbol()) && !renamedTo.contains(current.symbol())) {
                add(AbiRule.FN_ADDED, current.symbol(), current.location(), "symbol", current.symbol());
            }
        }
    }

    private void compareFunction(AbiFunction before, AbiFunction after) {
        String item = after.symbol();
        SourceLocation at = after.location();
        String oldBase = before.abi().replace("-unwind", "");
        String newBase = after.abi().replace("-unwind", "");
        if (!oldBase.equals(newBase)) {
            add(AbiRule.FN_ABI_CHANGED, item, at, "was", before.abi(), "now", after.abi());
        } else if (before.unwind() != after.unwind()) {
            add(AbiRule.UNWIND_ABI_CHANGED, item, at, "was", before.abi(), "now", after.abi());
        }
        if (before.variadic() != after.variadic()) {
            add(AbiRule.FN_VARIADIC_CHANGED, item, at, "change", after.variadic() ? "became variadic"
                    : "is no longer variadic");
        }
        if (before.params().size() != after.params().size()) {
            add(AbiRule.FN_PARAM_COUNT_CHANGED, item, at, "was", before.params().size(), "now",
                    after.params().size(), "wasSignature", signature(before), "nowSignature", signature(after));
        } else {
            for (int i = 0; i < before.params().size(); i++) {
                compareParam(item, i, before.params().get(i), after.params().get(i), at);
            }
        }
        compareReturn(item, before.returns(), after.returns(), at);
        if (before.unsafe() != after.unsafe()) {
            add(AbiRule.FN_SAFETY_CHANGED, item, at, "change", after.unsafe() ? "became unsafe"
                    : "is no longer unsafe");
        }
        if (before.deprecation() == null && after.deprecation() != null) {
            add(AbiRule.FN_DEPRECATED, item, at, "note", note(after.deprecation()));
        } else if (before.deprecation() != null && after.deprecation() == null) {
            add(AbiRule.FN_UNDEPRECATED, item, at);
        }
        if (!Objects.equals(before.cfg(), after.cfg())) {
            add(AbiRule.FN_CFG_CHANGED, item, at, "was", describeCfg(before.cfg()), "now", describeCfg(after.cfg()));
        }
    }

    private void compareParam(String function, int index, Param was, Param is, SourceLocation at) {
        String where = function + "(" + is.name() + ")";
        if (!Objects.equals(was.name(), is.name())) {
            add(AbiRule.FN_PARAM_RENAMED, where, at, "position", index + 1, "was", was.name(), "now", is.name());
        }
        CTypeNames.Comparison types = compareC(was.type().c(), is.type().c());
        if (types == CTypeNames.Comparison.DIFFERENT) {
            add(AbiRule.FN_PARAM_TYPE_CHANGED, where, at, "param", is.name(), "types", cChange(was.type().c(),
                    is.type().c()), "wasRust", was.type().rust(), "nowRust", is.type().rust());
            return;
        }
        if (types == CTypeNames.Comparison.CONST_ONLY) {
            constness(where, "parameter '" + is.name() + "'", was.type(), is.type(), at);
        }
        compareOwnership(where, was.type(), is.type(), at);
        boolean wasNullable = Boolean.TRUE.equals(was.type().nullable());
        boolean isNullable = Boolean.TRUE.equals(is.type().nullable());
        if (wasNullable != isNullable) {
            add(wasNullable ? AbiRule.NULLABILITY_NARROWED : AbiRule.NULLABILITY_WIDENED, where, at, "param",
                    is.name(), "wasRust", was.type().rust(), "nowRust", is.type().rust());
        }
    }

    private void compareReturn(String item, TypeRef oldReturn, TypeRef newReturn, SourceLocation at) {
        String oldC = oldReturn == null ? "void" : oldReturn.c();
        String newC = newReturn == null ? "void" : newReturn.c();
        CTypeNames.Comparison returned = compareC(oldC, newC);
        if (returned == CTypeNames.Comparison.DIFFERENT) {
            add(AbiRule.FN_RETURN_TYPE_CHANGED, item, at, "types", cChange(oldC, newC));
            return;
        }
        if (oldReturn == null || newReturn == null) {
            return;
        }
        if (returned == CTypeNames.Comparison.CONST_ONLY) {
            constness(item + "(return)", "the result", oldReturn, newReturn, at);
        }
        compareOwnership(item + "(return)", oldReturn, newReturn, at);
        if (Boolean.FALSE.equals(oldReturn.nullable()) && Boolean.TRUE.equals(newReturn.nullable())) {
            add(AbiRule.RETURN_NULLABILITY_WIDENED, item, at, "wasRust", oldReturn.rust(), "nowRust",
                    newReturn.rust());
        } else if (Boolean.TRUE.equals(oldReturn.nullable()) && Boolean.FALSE.equals(newReturn.nullable())) {
            add(AbiRule.RETURN_NULLABILITY_NARROWED, item, at, "wasRust", oldReturn.rust(), "nowRust",
                    newReturn.rust());
        }
    }

    private void compareOwnership(String item, TypeRef before, TypeRef after, SourceLocation at) {
        if (before.ownership() != null && after.ownership() != null && before.ownership() != after.ownership()) {
            add(AbiRule.OWNERSHIP_CHANGED, item, at, "was", before.ownership(), "now", after.ownership(), "wasRust",
                    before.rust(), "nowRust", after.rust());
        }
    }

    private static String signature(AbiFunction fn) {
        return fn.params().stream().map(p -> p.type().c()).collect(Collectors.joining(", ", "(", ")"));
    }

    private static String note(AbiModel.Deprecation deprecation) {
        return deprecation.note() == null ? "" : ": " + deprecation.note();
    }

    private static String describeCfg(String cfg) {
        return cfg == null ? "nothing" : cfg;
    }

    // ---- types -------------------------------------------------------------------------------

    private void compareTypes(AbiModel before, AbiModel after) {
        Map<String, AbiType> old = index(before.types(), AbiType::name);
        Map<String, AbiType> now = index(after.types(), AbiType::name);
        for (AbiType previous : old.values()) {
            AbiType current = now.get(previous.name());
            List<String> affects = List.copyOf(usersByType.getOrDefault(previous.name(), Set.of()));
            if (current == null) {
                gone(AbiRule.TYPE_REMOVED, previous.name(), previous.location(), affects, "path", previous.path());
            } else {
                compareType(previous, current, affects);
            }
        }
        for (AbiType current : now.values()) {
            if (!old.containsKey(current.name())) {
                add(AbiRule.TYPE_ADDED, current.name(), current.location(), "path", current.path());
            }
        }
    }

    private void compareType(AbiType before, AbiType after, List<String> affects) {
        String item = after.name();
        SourceLocation at = after.location();
        if (before.kind() != after.kind()) {
            // Opaque <-> by value is a change of use, not of the type; other kind changes break.
            boolean exposure = before.kind() == TypeKind.OPAQUE || after.kind() == TypeKind.OPAQUE;
            add(exposure ? AbiRule.TYPE_EXPOSURE_CHANGED : AbiRule.TYPE_KIND_CHANGED, item, at, affects, "was",
                    before.kind(), "now", after.kind());
            return;
        }
        if (before.deprecation() == null && after.deprecation() != null) {
            add(AbiRule.TYPE_DEPRECATED, item, at, "note", note(after.deprecation()));
        }
        switch (after.kind()) {
            case STRUCT, UNION -> compareRecord(before, after, affects);
            case ENUM -> compareEnum(before, after, affects);
            case CALLBACK -> compareCallback(before, after, affects);
            default -> {
            }
        }
    }

    private void compareRecord(AbiType before, AbiType after, List<String> affects) {
        String item = after.name();
        SourceLocation at = after.location();
        if (!Objects.equals(before.repr(), after.repr())) {
            boolean lostC = before.repr() != null && before.repr().startsWith("C")
                    && (after.repr() == null || !after.repr().startsWith("C"));
            add(lostC ? AbiRule.REPR_C_REMOVED : AbiRule.REPR_CHANGED, item, at, affects, "was", before.repr(),
                    "now", after.repr());
        }
        if (before.size() != null && after.size() != null && !before.size().equals(after.size())) {
            add(AbiRule.STRUCT_SIZE_CHANGED, item, at, affects, "was", before.size(), "now", after.size());
        }
        if (before.align() != null && after.align() != null && !before.align().equals(after.align())) {
            add(AbiRule.STRUCT_ALIGN_CHANGED, item, at, affects, "was", before.align(), "now", after.align());
        }
        Map<String, Field> old = index(before.fields(), Field::name);
        Map<String, Field> now = index(after.fields(), Field::name);
        List<Field> removed = new ArrayList<>();
        List<Field> added = new ArrayList<>();
        for (Field field : old.values()) {
            Field current = now.get(field.name());
            if (current == null) {
                removed.add(field);
                continue;
            }
            String where = item + "." + field.name();
            CTypeNames.Comparison types = compareC(field.type().c(), current.type().c());
            if (types == CTypeNames.Comparison.DIFFERENT) {
                add(AbiRule.FIELD_TYPE_CHANGED, where, at, affects, "types", cChange(field.type().c(),
                        current.type().c()));
            } else if (types == CTypeNames.Comparison.CONST_ONLY) {
                constness(where, "field '" + field.name() + "'", field.type(), current.type(), at);
            }
            if (field.offset() != null && current.offset() != null && !field.offset().equals(current.offset())) {
                add(AbiRule.FIELD_OFFSET_CHANGED, where, at, affects, "was", field.offset(), "now",
                        current.offset());
            }
        }
        for (Field field : now.values()) {
            if (!old.containsKey(field.name())) {
                added.add(field);
            }
        }
        for (Field gone : removed) {
            Field renamed = added.stream()
                    .filter(f -> Objects.equals(f.offset(), gone.offset())
                            && compareC(gone.type().c(), f.type().c()) != CTypeNames.Comparison.DIFFERENT)
                    .findFirst().orElse(null);
            if (renamed != null) {
                added.remove(renamed);
                add(AbiRule.FIELD_RENAMED, item + "." + gone.name(), at, affects, "was", gone.name(), "now",
                        renamed.name());
            } else {
                add(AbiRule.FIELD_REMOVED, item + "." + gone.name(), at, affects, "field", gone.name(), "type",
                        oldNames.describe(gone.type().c()));
            }
        }
        for (Field field : added) {
            add(AbiRule.FIELD_ADDED, item + "." + field.name(), at, affects, "field", field.name(), "type",
                    newNames.describe(field.type().c()), "offset", field.offset() == null ? ""
                            : " at offset " + field.offset());
        }
    }

    private void compareEnum(AbiType before, AbiType after, List<String> affects) {
        String item = after.name();
        SourceLocation at = after.location();
        if (!Objects.equals(before.repr(), after.repr())) {
            add(AbiRule.ENUM_REPR_CHANGED, item, at, affects, "was", before.repr(), "now", after.repr());
        }
        compareVariants(item, before.variants(), after.variants(), new VariantRules(AbiRule.ENUM_VARIANT_RENAMED,
                AbiRule.ENUM_VARIANT_REMOVED, AbiRule.ENUM_VALUE_CHANGED, AbiRule.ENUM_VARIANT_ADDED), at, affects);
    }

    /** The rules one kind of variant list reports with. */
    private record VariantRules(AbiRule renamed, AbiRule removed, AbiRule renumbered, AbiRule added) {
    }

    /**
     * Variants by name: a name that is gone while a new one has its value is a rename, one with a
     * new value is renumbered.
     */
    private void compareVariants(String owner, List<Variant> before, List<Variant> after, VariantRules rules,
            SourceLocation at, List<String> affects) {
        Map<String, Variant> old = index(before, Variant::name);
        Map<String, Variant> now = index(after, Variant::name);
        Map<Long, Variant> newByValue = new HashMap<>();
        now.values().forEach(v -> newByValue.putIfAbsent(v.value(), v));
        Set<String> renamedTo = new HashSet<>();
        boolean errors = rules.renamed() == AbiRule.ERROR_VARIANT_RENAMED;
        for (Variant variant : old.values()) {
            Variant current = now.get(variant.name());
            String where = owner + "::" + variant.name();
            if (current == null) {
                Variant sameValue = newByValue.get(variant.value());
                if (sameValue != null && !old.containsKey(sameValue.name())) {
                    renamedTo.add(sameValue.name());
                    add(rules.renamed(), where, at, affects, variantValues(errors, owner, "was", variant.name(),
                            "now", sameValue.name(), errors ? "code" : "value", variant.value()));
                } else {
                    add(rules.removed(), where, at, affects, variantValues(errors, owner, "variant",
                            variant.name(), errors ? "code" : "value", variant.value()));
                }
            } else if (current.value() != variant.value()) {
                add(rules.renumbered(), where, at, affects, variantValues(errors, owner, errors ? "variant" : null,
                        variant.name(), "was", variant.value(), "now", current.value()));
            }
        }
        for (Variant variant : now.values()) {
            if (!old.containsKey(variant.name()) && !renamedTo.contains(variant.name())) {
                add(rules.added(), owner + "::" + variant.name(), at, affects, variantValues(errors, owner,
                        "variant", variant.name(), errors ? "code" : "value", variant.value()));
            }
        }
    }

    /** Placeholder values, with the enum's name for error rules; a null name drops its pair. */
    private static Object[] variantValues(boolean errors, String owner, Object... pairs) {
        List<Object> values = new ArrayList<>();
        if (errors) {
            values.add("enum");
            values.add(owner);
        }
        for (int i = 0; i < pairs.length; i += 2) {
            if (pairs[i] != null) {
                values.add(pairs[i]);
                values.add(pairs[i + 1]);
            }
        }
        return values.toArray();
    }

    private void compareCallback(AbiType before, AbiType after, List<String> affects) {
        String oldSig = callbackSignature(before);
        String newSig = callbackSignature(after);
        if (compareC(oldSig, newSig) == CTypeNames.Comparison.DIFFERENT) {
            add(AbiRule.CALLBACK_SIGNATURE_CHANGED, after.name(), after.location(), affects, "was", oldSig, "now",
                    newSig);
        }
        if (!Objects.equals(before.unwind(), after.unwind())) {
            add(AbiRule.CALLBACK_UNWIND_CHANGED, after.name(), after.location(), affects, "now",
                    Boolean.TRUE.equals(after.unwind()) ? "C-unwind" : "C");
        }
    }

    private static String callbackSignature(AbiType callback) {
        String params = callback.params() == null ? "" : callback.params().stream().map(p -> p.type().c())
                .collect(Collectors.joining(", "));
        return (callback.returns() == null ? "void" : callback.returns().c()) + " (*)(" + params + ")";
    }

    // ---- errors ------------------------------------------------------------------------------

    /** The crate's error enums: each variant is a status code and, in Java, an exception subclass. */
    private void compareErrors(AbiModel before, AbiModel after) {
        Map<String, AbiModel.ErrorEnum> old = index(before.errors(), AbiModel.ErrorEnum::name);
        Map<String, AbiModel.ErrorEnum> now = index(after.errors(), AbiModel.ErrorEnum::name);
        VariantRules rules = new VariantRules(AbiRule.ERROR_VARIANT_RENAMED, AbiRule.ERROR_VARIANT_REMOVED,
                AbiRule.ERROR_VARIANT_RENUMBERED, AbiRule.ERROR_VARIANT_ADDED);
        Set<String> names = new TreeSet<>(old.keySet());
        names.addAll(now.keySet());
        for (String name : names) {
            List<Variant> was = old.containsKey(name) ? old.get(name).variants() : List.of();
            List<Variant> is = now.containsKey(name) ? now.get(name).variants() : List.of();
            compareVariants(name, was, is, rules, null, List.of());
        }
    }

    // ---- constants, statics, symbols ---------------------------------------------------------

    private void compareConstants(AbiModel before, AbiModel after) {
        Map<String, AbiConstant> old = index(before.constants(), AbiConstant::name);
        Map<String, AbiConstant> now = index(after.constants(), AbiConstant::name);
        old.forEach((name, constant) -> {
            AbiConstant current = now.get(name);
            if (current == null) {
                gone(AbiRule.CONST_REMOVED, name, constant.location(), List.of(), "name", name);
            } else if (compareC(constant.type().c(), current.type().c()) == CTypeNames.Comparison.DIFFERENT) {
                add(AbiRule.CONST_TYPE_CHANGED, name, current.location(), "types", cChange(constant.type().c(),
                        current.type().c()));
            } else if (!Objects.equals(constant.value(), current.value())) {
                add(AbiRule.CONST_VALUE_CHANGED, name, current.location(), "was", constant.value(), "now",
                        current.value());
            }
        });
        now.forEach((name, constant) -> {
            if (!old.containsKey(name)) {
                add(AbiRule.CONST_ADDED, name, constant.location(), "name", name, "value", constant.value());
            }
        });
    }

    private void compareStatics(AbiModel before, AbiModel after) {
        Map<String, AbiStatic> old = index(before.statics(), AbiStatic::symbol);
        Map<String, AbiStatic> now = index(after.statics(), AbiStatic::symbol);
        old.forEach((symbol, variable) -> {
            AbiStatic current = now.get(symbol);
            if (current == null) {
                gone(AbiRule.STATIC_REMOVED, symbol, variable.location(), List.of(), "symbol", symbol);
                return;
            }
            CTypeNames.Comparison types = compareC(variable.type().c(), current.type().c());
            if (types == CTypeNames.Comparison.DIFFERENT) {
                add(AbiRule.STATIC_TYPE_CHANGED, symbol, current.location(), "types", cChange(variable.type().c(),
                        current.type().c()));
            } else if (types == CTypeNames.Comparison.CONST_ONLY) {
                constness(symbol, "static '" + symbol + "'", variable.type(), current.type(), current.location());
            }
            if (variable.mutable() != current.mutable()) {
                add(AbiRule.STATIC_MUTABILITY_CHANGED, symbol, current.location(), "now", current.mutable()
                        ? "mutable" : "immutable");
            }
        });
        now.forEach((symbol, variable) -> {
            if (!old.containsKey(symbol)) {
                add(AbiRule.STATIC_ADDED, symbol, variable.location(), "symbol", symbol);
            }
        });
    }

    private void compareHiddenExports(AbiModel before, AbiModel after) {
        Set<String> old = before.hiddenExports().stream().map(ExportedSymbol::name).collect(Collectors.toSet());
        Set<String> now = after.hiddenExports().stream().map(ExportedSymbol::name).collect(Collectors.toSet());
        for (String name : new TreeSet<>(old)) {
            if (!now.contains(name)) {
                add(AbiRule.HIDDEN_EXPORT_REMOVED, name, null, "symbol", name);
            }
        }
        for (String name : new TreeSet<>(now)) {
            if (!old.contains(name)) {
                add(AbiRule.HIDDEN_EXPORT_ADDED, name, null, "symbol", name);
            }
        }
    }

    // ---- helpers -----------------------------------------------------------------------------

    /**
     * Which exported functions reach each type, by value, through pointers, through fields of
     * other types or through callbacks.
     */
    static Map<String, Set<String>> usersByType(AbiModel model) {
        Map<String, AbiType> types = index(model.types(), AbiType::name);
        Map<String, Set<String>> users = new TreeMap<>();
        for (AbiFunction fn : model.functions()) {
            Set<String> seen = new HashSet<>();
            List<TypeRef> refs = new ArrayList<>();
            fn.params().forEach(p -> refs.add(p.type()));
            if (fn.returns() != null) {
                refs.add(fn.returns());
            }
            for (TypeRef ref : refs) {
                reach(ref.c(), types, seen);
            }
            seen.forEach(type -> users.computeIfAbsent(type, k -> new TreeSet<>()).add(fn.symbol()));
        }
        return users;
    }

    private static void reach(String cType, Map<String, AbiType> types, Set<String> seen) {
        for (String name : CType.parse(cType).referencedNames()) {
            AbiType type = types.get(name);
            if (type == null || !seen.add(name)) {
                continue;
            }
            if (type.fields() != null) {
                type.fields().forEach(f -> reach(f.type().c(), types, seen));
            }
            if (type.params() != null) {
                type.params().forEach(p -> reach(p.type().c(), types, seen));
            }
            if (type.returns() != null) {
                reach(type.returns().c(), types, seen);
            }
        }
    }

    static <T> Map<String, T> index(List<T> items, Function<T, String> key) {
        Map<String, T> map = new LinkedHashMap<>();
        if (items != null) {
            items.forEach(item -> map.putIfAbsent(key.apply(item), item));
        }
        return map;
    }
}
