package dev.ferrule.diff;

import dev.ferrule.abi.AbiModel;
import dev.ferrule.abi.CType;
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
 * Compares two {@link AbiModel}s and classifies every difference by an {@link AbiRule}.
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
    private Map<String, Set<String>> usersByType = Map.of();

    private AbiDiffer(AbiModel before, AbiModel after) {
        oldNames = new CTypeNames(before);
        newNames = new CTypeNames(after);
    }

    public static List<AbiChange> diff(AbiModel before, AbiModel after) {
        AbiDiffer differ = new AbiDiffer(before, after);
        differ.usersByType = usersByType(before);
        differ.compareFunctions(before, after);
        differ.compareTypes(before, after);
        differ.compareConstants(before, after);
        differ.compareStatics(before, after);
        differ.compareHiddenExports(before, after);
        return differ.changes.stream()
                .sorted(Comparator.comparing((AbiChange c) -> c.rule().severity())
                        .thenComparing(AbiChange::item).thenComparing(c -> c.rule().name())
                        .thenComparing(AbiChange::message))
                .toList();
    }

    private void add(AbiRule rule, String item, String message, SourceLocation location, List<String> affects) {
        changes.add(new AbiChange(rule, item, message, location, affects, false));
    }

    /** An item that no longer exists: its location is the one the snapshot recorded. */
    private void gone(AbiRule rule, String item, String message, SourceLocation wasAt, List<String> affects) {
        changes.add(new AbiChange(rule, item, message, wasAt, affects, true));
    }

    private CTypeNames.Comparison compareC(String was, String is) {
        return CTypeNames.compare(oldNames, was, newNames, is);
    }

    /** {@code size_t (8 bytes) -> uint32_t (4 bytes)}: both C types, with what they occupy. */
    private String cChange(String was, String is) {
        return oldNames.describe(was) + " -> " + newNames.describe(is);
    }

    private void constness(String item, String what, AbiModel.TypeRef was, AbiModel.TypeRef is, SourceLocation at) {
        add(AbiRule.POINTER_CONSTNESS_CHANGED, item, what + ": " + was.c() + " -> " + is.c() + " (" + was.rust()
                + " -> " + is.rust() + ")", at);
    }

    private void add(AbiRule rule, String item, String message, SourceLocation location) {
        add(rule, item, message, location, List.of());
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
                add(AbiRule.SYMBOL_RENAMED, previous.symbol(), "`" + previous.path() + "` is now exported as '"
                        + renamed.symbol() + "' instead of '" + previous.symbol() + "'", renamed.location());
                compareFunction(previous, renamed);
            } else {
                gone(AbiRule.FN_REMOVED, previous.symbol(), "'" + previous.symbol() + "' is no longer exported",
                        previous.location(), List.of());
            }
        }
        for (AbiFunction current : now.values()) {
            if (!old.containsKey(current.symbol()) && !renamedTo.contains(current.symbol())) {
                add(AbiRule.FN_ADDED, current.symbol(), "'" + current.symbol() + "' is newly exported",
                        current.location());
            }
        }
    }

    private void compareFunction(AbiFunction before, AbiFunction after) {
        String item = after.symbol();
        SourceLocation at = after.location();
        String oldBase = before.abi().replace("-unwind", "");
        String newBase = after.abi().replace("-unwind", "");
        if (!oldBase.equals(newBase)) {
            add(AbiRule.FN_ABI_CHANGED, item, "calling convention " + before.abi() + " -> " + after.abi(), at);
        } else if (before.unwind() != after.unwind()) {
            add(AbiRule.UNWIND_ABI_CHANGED, item, "extern \"" + before.abi() + "\" -> extern \"" + after.abi() + "\"",
                    at);
        }
        if (before.variadic() != after.variadic()) {
            add(AbiRule.FN_VARIADIC_CHANGED, item, after.variadic() ? "became variadic" : "is no longer variadic",
                    at);
        }
        if (before.params().size() != after.params().size()) {
            add(AbiRule.FN_PARAM_COUNT_CHANGED, item, before.params().size() + " parameters -> "
                    + after.params().size() + " (" + signature(before) + " -> " + signature(after) + ")", at);
        } else {
            for (int i = 0; i < before.params().size(); i++) {
                Param was = before.params().get(i);
                Param is = after.params().get(i);
                String where = item + "(" + is.name() + ")";
                if (!Objects.equals(was.name(), is.name())) {
                    add(AbiRule.FN_PARAM_RENAMED, where, "parameter " + (i + 1) + " renamed '" + was.name() + "' -> '"
                            + is.name() + "'", at);
                }
                CTypeNames.Comparison types = compareC(was.type().c(), is.type().c());
                if (types == CTypeNames.Comparison.DIFFERENT) {
                    add(AbiRule.FN_PARAM_TYPE_CHANGED, where, "parameter '" + is.name() + "': "
                            + cChange(was.type().c(), is.type().c()) + " (" + was.type().rust() + " -> "
                            + is.type().rust() + ")", at);
                    continue;
                }
                if (types == CTypeNames.Comparison.CONST_ONLY) {
                    constness(where, "parameter '" + is.name() + "'", was.type(), is.type(), at);
                }
                compareOwnership(where, was.type(), is.type(), at);
                if (Boolean.TRUE.equals(was.type().nullable()) && !Boolean.TRUE.equals(is.type().nullable())) {
                    add(AbiRule.NULLABILITY_NARROWED, where, "parameter '" + is.name() + "' no longer accepts null ("
                            + was.type().rust() + " -> " + is.type().rust() + ")", at);
                } else if (!Boolean.TRUE.equals(was.type().nullable()) && Boolean.TRUE.equals(is.type().nullable())) {
                    add(AbiRule.NULLABILITY_WIDENED, where, "parameter '" + is.name() + "' now accepts null ("
                            + was.type().rust() + " -> " + is.type().rust() + ")", at);
                }
            }
        }
        TypeRef oldReturn = before.returns();
        TypeRef newReturn = after.returns();
        String oldC = oldReturn == null ? "void" : oldReturn.c();
        String newC = newReturn == null ? "void" : newReturn.c();
        CTypeNames.Comparison returned = compareC(oldC, newC);
        if (returned == CTypeNames.Comparison.DIFFERENT) {
            add(AbiRule.FN_RETURN_TYPE_CHANGED, item, "returns " + cChange(oldC, newC), at);
        } else if (oldReturn != null && newReturn != null) {
            if (returned == CTypeNames.Comparison.CONST_ONLY) {
                constness(item + "(return)", "the result", oldReturn, newReturn, at);
            }
            compareOwnership(item + "(return)", oldReturn, newReturn, at);
            if (Boolean.FALSE.equals(oldReturn.nullable()) && Boolean.TRUE.equals(newReturn.nullable())) {
                add(AbiRule.RETURN_NULLABILITY_WIDENED, item, "may now return null (" + oldReturn.rust() + " -> "
                        + newReturn.rust() + ")", at);
            } else if (Boolean.TRUE.equals(oldReturn.nullable()) && Boolean.FALSE.equals(newReturn.nullable())) {
                add(AbiRule.RETURN_NULLABILITY_NARROWED, item, "no longer returns null (" + oldReturn.rust() + " -> "
                        + newReturn.rust() + ")", at);
            }
        }
        if (before.unsafe() != after.unsafe()) {
            add(AbiRule.FN_SAFETY_CHANGED, item, after.unsafe() ? "became unsafe" : "is no longer unsafe", at);
        }
        if (before.deprecation() == null && after.deprecation() != null) {
            add(AbiRule.FN_DEPRECATED, item, "deprecated" + note(after.deprecation()), at);
        } else if (before.deprecation() != null && after.deprecation() == null) {
            add(AbiRule.FN_UNDEPRECATED, item, "no longer deprecated", at);
        }
        if (!Objects.equals(before.cfg(), after.cfg())) {
            add(AbiRule.FN_CFG_CHANGED, item, "gated by " + describeCfg(before.cfg()) + " -> "
                    + describeCfg(after.cfg()), at);
        }
    }

    private void compareOwnership(String item, TypeRef before, TypeRef after, SourceLocation at) {
        if (before.ownership() != null && after.ownership() != null && before.ownership() != after.ownership()) {
            add(AbiRule.OWNERSHIP_CHANGED, item, before.ownership() + " -> " + after.ownership() + " ("
                    + before.rust() + " -> " + after.rust() + ")", at);
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
                gone(AbiRule.TYPE_REMOVED, previous.name(), "`" + previous.path() + "` no longer crosses the boundary",
                        previous.location(), affects);
            } else {
                compareType(previous, current, affects);
            }
        }
        for (AbiType current : now.values()) {
            if (!old.containsKey(current.name())) {
                add(AbiRule.TYPE_ADDED, current.name(), "`" + current.path() + "` now crosses the boundary",
                        current.location());
            }
        }
    }

    private void compareType(AbiType before, AbiType after, List<String> affects) {
        String item = after.name();
        SourceLocation at = after.location();
        if (before.kind() != after.kind()) {
            // Opaque <-> by value is a change of use, not of the type; other kind changes break.
            boolean exposure = before.kind() == TypeKind.OPAQUE || after.kind() == TypeKind.OPAQUE;
            add(exposure ? AbiRule.TYPE_EXPOSURE_CHANGED : AbiRule.TYPE_KIND_CHANGED, item,
                    before.kind() + " -> " + after.kind(), at, affects);
            return;
        }
        if (before.deprecation() == null && after.deprecation() != null) {
            add(AbiRule.TYPE_DEPRECATED, item, "deprecated" + note(after.deprecation()), at);
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
            add(lostC ? AbiRule.REPR_C_REMOVED : AbiRule.REPR_CHANGED, item, "repr(" + before.repr() + ") -> repr("
                    + after.repr() + ")", at, affects);
        }
        if (before.size() != null && after.size() != null && !before.size().equals(after.size())) {
            add(AbiRule.STRUCT_SIZE_CHANGED, item, "size " + before.size() + " -> " + after.size() + " bytes", at,
                    affects);
        }
        if (before.align() != null && after.align() != null && !before.align().equals(after.align())) {
            add(AbiRule.STRUCT_ALIGN_CHANGED, item, "alignment " + before.align() + " -> " + after.align()
                    + " bytes", at, affects);
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
                add(AbiRule.FIELD_TYPE_CHANGED, where, cChange(field.type().c(), current.type().c()), at, affects);
            } else if (types == CTypeNames.Comparison.CONST_ONLY) {
                constness(where, "field '" + field.name() + "'", field.type(), current.type(), at);
            }
            if (field.offset() != null && current.offset() != null && !field.offset().equals(current.offset())) {
                add(AbiRule.FIELD_OFFSET_CHANGED, where, "offset " + field.offset() + " -> " + current.offset(), at,
                        affects);
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
                add(AbiRule.FIELD_RENAMED, item + "." + gone.name(), "'" + gone.name() + "' -> '" + renamed.name()
                        + "' (same offset and type)", at, affects);
            } else {
                add(AbiRule.FIELD_REMOVED, item + "." + gone.name(), "field '" + gone.name() + "' ("
                        + oldNames.describe(gone.type().c()) + ") removed", at, affects);
            }
        }
        for (Field field : added) {
            add(AbiRule.FIELD_ADDED, item + "." + field.name(), "field '" + field.name() + "' ("
                    + newNames.describe(field.type().c()) + ") added" + (field.offset() == null ? "" : " at offset " + field.offset()), at, affects);
        }
    }

    private void compareEnum(AbiType before, AbiType after, List<String> affects) {
        String item = after.name();
        SourceLocation at = after.location();
        if (!Objects.equals(before.repr(), after.repr())) {
            add(AbiRule.ENUM_REPR_CHANGED, item, "repr(" + before.repr() + ") -> repr(" + after.repr() + ")", at,
                    affects);
        }
        Map<String, Variant> old = index(before.variants(), Variant::name);
        Map<String, Variant> now = index(after.variants(), Variant::name);
        Map<Long, Variant> newByValue = new HashMap<>();
        now.values().forEach(v -> newByValue.putIfAbsent(v.value(), v));
        Set<String> renamedTo = new HashSet<>();
        for (Variant variant : old.values()) {
            Variant current = now.get(variant.name());
            String where = item + "::" + variant.name();
            if (current == null) {
                Variant sameValue = newByValue.get(variant.value());
                if (sameValue != null && !old.containsKey(sameValue.name())) {
                    renamedTo.add(sameValue.name());
                    add(AbiRule.ENUM_VARIANT_RENAMED, where, variant.name() + " -> " + sameValue.name() + " (value "
                            + variant.value() + ")", at, affects);
                } else {
                    add(AbiRule.ENUM_VARIANT_REMOVED, where, "variant " + variant.name() + " = " + variant.value()
                            + " removed", at, affects);
                }
            } else if (current.value() != variant.value()) {
                add(AbiRule.ENUM_VALUE_CHANGED, where, "value " + variant.value() + " -> " + current.value(), at,
                        affects);
            }
        }
        for (Variant variant : now.values()) {
            if (!old.containsKey(variant.name()) && !renamedTo.contains(variant.name())) {
                add(AbiRule.ENUM_VARIANT_ADDED, item + "::" + variant.name(), "variant " + variant.name() + " = "
                        + variant.value() + " added", at, affects);
            }
        }
    }

    private void compareCallback(AbiType before, AbiType after, List<String> affects) {
        String oldSig = callbackSignature(before);
        String newSig = callbackSignature(after);
        if (compareC(oldSig, newSig) == CTypeNames.Comparison.DIFFERENT) {
            add(AbiRule.CALLBACK_SIGNATURE_CHANGED, after.name(), oldSig + " -> " + newSig, after.location(), affects);
        }
        if (!Objects.equals(before.unwind(), after.unwind())) {
            add(AbiRule.CALLBACK_UNWIND_CHANGED, after.name(), Boolean.TRUE.equals(after.unwind())
                    ? "now \"C-unwind\"" : "now \"C\"", after.location(), affects);
        }
    }

    private static String callbackSignature(AbiType callback) {
        String params = callback.params() == null ? "" : callback.params().stream().map(p -> p.type().c())
                .collect(Collectors.joining(", "));
        return (callback.returns() == null ? "void" : callback.returns().c()) + " (*)(" + params + ")";
    }

    // ---- constants, statics, symbols ---------------------------------------------------------

    private void compareConstants(AbiModel before, AbiModel after) {
        Map<String, AbiConstant> old = index(before.constants(), AbiConstant::name);
        Map<String, AbiConstant> now = index(after.constants(), AbiConstant::name);
        old.forEach((name, constant) -> {
            AbiConstant current = now.get(name);
            if (current == null) {
                gone(AbiRule.CONST_REMOVED, name, "constant " + name + " removed", constant.location(), List.of());
            } else if (compareC(constant.type().c(), current.type().c()) == CTypeNames.Comparison.DIFFERENT) {
                add(AbiRule.CONST_TYPE_CHANGED, name, cChange(constant.type().c(), current.type().c()),
                        current.location());
            } else if (!Objects.equals(constant.value(), current.value())) {
                add(AbiRule.CONST_VALUE_CHANGED, name, constant.value() + " -> " + current.value(), current.location());
            }
        });
        now.forEach((name, constant) -> {
            if (!old.containsKey(name)) {
                add(AbiRule.CONST_ADDED, name, "constant " + name + " = " + constant.value() + " added",
                        constant.location());
            }
        });
    }

    private void compareStatics(AbiModel before, AbiModel after) {
        Map<String, AbiStatic> old = index(before.statics(), AbiStatic::symbol);
        Map<String, AbiStatic> now = index(after.statics(), AbiStatic::symbol);
        old.forEach((symbol, variable) -> {
            AbiStatic current = now.get(symbol);
            if (current == null) {
                gone(AbiRule.STATIC_REMOVED, symbol, "static '" + symbol + "' is no longer exported",
                        variable.location(), List.of());
                return;
            }
            CTypeNames.Comparison types = compareC(variable.type().c(), current.type().c());
            if (types == CTypeNames.Comparison.DIFFERENT) {
                add(AbiRule.STATIC_TYPE_CHANGED, symbol, cChange(variable.type().c(), current.type().c()),
                        current.location());
            } else if (types == CTypeNames.Comparison.CONST_ONLY) {
                constness(symbol, "static '" + symbol + "'", variable.type(), current.type(), current.location());
            }
            if (variable.mutable() != current.mutable()) {
                add(AbiRule.STATIC_MUTABILITY_CHANGED, symbol, current.mutable() ? "became mutable" : "became immutable",
                        current.location());
            }
        });
        now.forEach((symbol, variable) -> {
            if (!old.containsKey(symbol)) {
                add(AbiRule.STATIC_ADDED, symbol, "static '" + symbol + "' is newly exported", variable.location());
            }
        });
    }

    private void compareHiddenExports(AbiModel before, AbiModel after) {
        Set<String> old = before.hiddenExports().stream().map(ExportedSymbol::name).collect(Collectors.toSet());
        Set<String> now = after.hiddenExports().stream().map(ExportedSymbol::name).collect(Collectors.toSet());
        for (String name : new TreeSet<>(old)) {
            if (!now.contains(name)) {
                add(AbiRule.HIDDEN_EXPORT_REMOVED, name, "'" + name + "' is no longer exported", null);
            }
        }
        for (String name : new TreeSet<>(now)) {
            if (!old.contains(name)) {
                add(AbiRule.HIDDEN_EXPORT_ADDED, name, "'" + name + "' is now exported without a declaration", null);
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

    private static <T> Map<String, T> index(List<T> items, Function<T, String> key) {
        Map<String, T> map = new LinkedHashMap<>();
        if (items != null) {
            items.forEach(item -> map.putIfAbsent(key.apply(item), item));
        }
        return map;
    }
}
