package dev.ferrule.diff;

import dev.ferrule.abi.AbiModel;
import dev.ferrule.abi.AbiModel.AbiFunction;
import dev.ferrule.abi.AbiModel.SourceLocation;
import dev.ferrule.bind.BindingSnapshot;
import dev.ferrule.bind.BindingSnapshot.DeclaredFunction;
import dev.ferrule.bind.BindingSnapshot.MethodRecord;
import dev.ferrule.bind.BindingSnapshot.ObjectRecord;
import dev.ferrule.bind.BindingSnapshot.ParamRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Compares the Java API two snapshots record, beside their C ABI: safe methods that appear,
 * disappear, move, or take and return other Java types, object classes, and the metadata that
 * decided them. A change of the C ABI itself (an export removed or added) is the ABI differ's to
 * report, so a method whose export is gone or new is left to it.
 */
public final class BindingDiffer {

    /** A function with no [package.metadata.ferrule] entry: every key unset. */
    private static final DeclaredFunction UNDECLARED = new DeclaredFunction(false, false, Map.of(), null);

    private final List<AbiChange> changes = new ArrayList<>();
    private final Map<String, AbiFunction> exportsBefore;
    private final Map<String, AbiFunction> exportsAfter;

    private BindingDiffer(AbiModel before, AbiModel after) {
        exportsBefore = AbiDiffer.index(before.functions(), AbiFunction::symbol);
        exportsAfter = AbiDiffer.index(after.functions(), AbiFunction::symbol);
    }

    /**
     * @param before  the snapshot's C ABI, whose exports say which methods the ABI differ reports
     * @param after   the current C ABI, whose functions locate each change in the source
     */
    public static List<AbiChange> diff(AbiModel before, BindingSnapshot was, AbiModel after, BindingSnapshot is) {
        BindingDiffer differ = new BindingDiffer(before, after);
        differ.compareMetadata(was.metadata(), is.metadata());
        differ.compareObjects(was, is);
        differ.compareMethods(was, is);
        return AbiDiffer.sorted(differ.changes);
    }

    private void add(AbiRule rule, String item, String symbol, Object... values) {
        AbiFunction function = exportsAfter.get(symbol);
        SourceLocation at = function == null ? null : function.location();
        changes.add(new AbiChange(rule, item, rule.message(values), at, List.of(), false));
    }

    private void compareMethods(BindingSnapshot was, BindingSnapshot is) {
        Map<String, MethodRecord> old = AbiDiffer.index(was.methods(), MethodRecord::symbol);
        Map<String, MethodRecord> now = AbiDiffer.index(is.methods(), MethodRecord::symbol);
        for (MethodRecord method : old.values()) {
            MethodRecord current = now.get(method.symbol());
            if (current != null) {
                compareMethod(method, current);
            } else if (exportsAfter.containsKey(method.symbol())) {
                add(AbiRule.JAVA_METHOD_REMOVED, method.symbol(), method.symbol(), "symbol", method.symbol(), "java",
                        signature(method), "why", is.rawOnly().contains(method.symbol())
                                ? "it is raw-only by [package.metadata.ferrule]"
                                : is.methods().isEmpty() ? "the crate no longer has a safe layer"
                                : "it is no longer bound (see ferrule:generate's summary)");
            }
        }
        for (MethodRecord method : now.values()) {
            if (!old.containsKey(method.symbol()) && exportsBefore.containsKey(method.symbol())) {
                add(AbiRule.JAVA_METHOD_ADDED, method.symbol(), method.symbol(), "symbol", method.symbol(), "java",
                        signature(method));
            }
        }
    }

    private void compareMethod(MethodRecord was, MethodRecord is) {
        String symbol = is.symbol();
        if (!Objects.equals(was.owner(), is.owner())) {
            add(AbiRule.JAVA_METHOD_MOVED, symbol, symbol, "symbol", symbol, "was", place(was), "now", place(is));
        }
        if (was.checked() != is.checked()) {
            add(AbiRule.JAVA_STATUS_CHANGED, symbol, symbol, "java", is.java(), "change", is.checked()
                    ? "its i32 result is now a status, checked and thrown (" + is.status() + ")"
                    : "its status is now returned as a value (" + is.status() + ")");
        }
        // Java parameter names are not API; their types are.
        if (!javaTypes(was).equals(javaTypes(is))) {
            add(AbiRule.JAVA_PARAMETERS_CHANGED, symbol, symbol, "java", is.java(), "was", javaParams(was), "now",
                    javaParams(is), "why", why(was.params(), is.params()));
        }
        String wasResult = result(was);
        String isResult = result(is);
        if (!wasResult.equals(isResult)) {
            add(AbiRule.JAVA_RESULT_CHANGED, symbol, symbol, "java", is.java(), "was", wasResult, "now", isResult,
                    "why", why(was.returns() == null ? List.of() : List.of(was.returns()),
                            is.returns() == null ? List.of() : List.of(is.returns())));
        }
    }

    /** The Java parameters as the facade declares them: {@code String name, long amount}. */
    private static String javaParams(MethodRecord method) {
        return method.params().stream().filter(p -> p.java() != null).map(p -> p.java() + " " + p.name())
                .collect(Collectors.joining(", "));
    }

    private static List<String> javaTypes(MethodRecord method) {
        return method.params().stream().filter(p -> p.java() != null).map(ParamRecord::java).toList();
    }

    private static String result(MethodRecord method) {
        return method.returns() == null ? "void" : method.returns().java();
    }

    private static String signature(MethodRecord method) {
        return method.java() + "(" + javaParams(method) + ")";
    }

    private static String place(MethodRecord method) {
        return method.owner() == null ? "a free method only" : method.owner() + "()";
    }

    /**
     * What decided each parameter that differs, before and after: {@code ; text: string by
     * convention -> bytes by convention}. Parameters are matched by their Rust name.
     */
    private static String why(List<ParamRecord> was, List<ParamRecord> is) {
        Map<String, ParamRecord> old = AbiDiffer.index(was, p -> String.valueOf(p.name()));
        StringBuilder out = new StringBuilder();
        for (ParamRecord now : is) {
            ParamRecord before = old.get(String.valueOf(now.name()));
            if (before == null || before.mapping().equals(now.mapping()) && before.source().equals(now.source())) {
                continue;
            }
            out.append("; ").append(now.name() == null ? "result" : now.name()).append(": ")
                    .append(before.mapping()).append(" by ").append(before.source()).append(" -> ")
                    .append(now.mapping()).append(" by ").append(now.source());
        }
        return out.toString();
    }

    private void compareObjects(BindingSnapshot was, BindingSnapshot is) {
        Map<String, ObjectRecord> old = AbiDiffer.index(was.objects(), ObjectRecord::name);
        Map<String, ObjectRecord> now = AbiDiffer.index(is.objects(), ObjectRecord::name);
        old.forEach((name, object) -> {
            if (!now.containsKey(name)) {
                add(AbiRule.JAVA_OBJECT_REMOVED, name, object.constructor(), "class", object.java(), "name", name,
                        "why", exportsAfter.containsKey(object.constructor())
                                && exportsAfter.containsKey(object.release())
                                ? object.constructor() + " no longer returns a handle, or " + object.release()
                                        + " no longer takes one alone"
                                : object.constructor() + " or " + object.release() + " is gone");
            }
        });
        now.forEach((name, object) -> {
            if (!old.containsKey(name)) {
                add(AbiRule.JAVA_OBJECT_ADDED, name, object.constructor(), "class", object.java(), "name", name);
            }
        });
    }

    private void compareMetadata(Map<String, DeclaredFunction> was, Map<String, DeclaredFunction> is) {
        Set<String> symbols = new TreeSet<>(was.keySet());
        symbols.addAll(is.keySet());
        for (String symbol : symbols) {
            DeclaredFunction before = was.getOrDefault(symbol, UNDECLARED);
            DeclaredFunction after = is.getOrDefault(symbol, UNDECLARED);
            metadataKey(symbol, "critical", before.critical(), after.critical());
            metadataKey(symbol, "raw-only", before.rawOnly(), after.rawOnly());
            metadataKey(symbol, "returns", before.returns(), after.returns());
            Set<String> params = new TreeSet<>(before.params().keySet());
            params.addAll(after.params().keySet());
            for (String param : params) {
                metadataKey(symbol, "params." + param, before.params().get(param), after.params().get(param));
            }
        }
    }

    /** A key that changed; false and absent are the same for a flag. */
    private void metadataKey(String symbol, String key, Object was, Object is) {
        Object wasValue = Boolean.FALSE.equals(was) ? null : was;
        Object isValue = Boolean.FALSE.equals(is) ? null : is;
        if (!Objects.equals(wasValue, isValue)) {
            add(AbiRule.BINDING_METADATA_CHANGED, symbol + "." + key, symbol, "symbol", symbol, "key", key, "was",
                    wasValue == null ? "(not set)" : wasValue, "now", isValue == null ? "(not set)" : isValue);
        }
    }
}
