package dev.ferrule.bind;

import dev.ferrule.abi.AbiFingerprint;
import dev.ferrule.abi.AbiModel;
import dev.ferrule.abi.AbiModel.AbiFunction;
import dev.ferrule.abi.CType;
import dev.ferrule.abi.CTypeTable;
import dev.ferrule.bind.BindingModel.Library;
import dev.ferrule.bind.BindingModel.NativeLayer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Builds the {@link BindingModel} from an {@link AbiModel} and the crate's
 * {@code [package.metadata.ferrule]}: the one place where the Java form of each export, type and
 * error is decided.
 */
public final class BindingModelBuilder {

    private BindingModelBuilder() {
    }

    /**
     * @throws BindingException when the metadata does not match the crate, or when nothing
     *                          decides how to bind an export
     */
    public static BindingModel build(AbiModel model, BindingConfig config) throws BindingException {
        CTypeTable table = new CTypeTable(model);
        checkMetadata(model, config, table);
        Carriers carriers = new Carriers(table);
        Optional<String> prefix = SafeLayerBuilder.prefix(model);
        // The safe layer calls the runtime exports whatever the filters select.
        Set<String> runtime = prefix.map(SafeLayerBuilder::runtimeExports).orElse(Set.of());
        NativeLayer natives = new NativeLayerBuilder(model, carriers,
                symbol -> config.selects(symbol) || runtime.contains(symbol),
                criticalExports(model, config)::contains).build();
        Optional<BindingModel.SafeLayer> safe = prefix.isPresent()
                ? Optional.of(SafeLayerBuilder.build(model, config, carriers, natives, prefix.get()))
                : Optional.empty();
        // A C ABI that Ferrule did not write asks for its safe layer in [package.metadata.ferrule]: otherwise
        // its undecidable exports would stop builds that only wanted the raw class.
        Optional<BindingModel.CAbiLayer> cabi = prefix.isEmpty() && config.metadata().safeLayer()
                ? Optional.of(CAbiLayerBuilder.build(model, config, carriers, natives))
                : Optional.empty();
        Library library = new Library(model.crate().name(), model.crate().version(), model.crate().libName(),
                table.target(), model.build().features(), table.pointerSize(), AbiFingerprint.of(model),
                identityPrefix(model, prefix));
        return new BindingModel(library, config.packageName(), config.rawClass(), natives, safe, cabi);
    }

    /** A callback alias or a function pointer written inline. */
    /**
     * Exports declared critical, by metadata or by {@code #[expose(critical)]}: gathered once, since
     * the native layer asks for every export and a crate may have ten thousand.
     */
    private static Set<String> criticalExports(AbiModel model, BindingConfig config) {
        Set<String> critical = new HashSet<>();
        config.metadata().functions().forEach((symbol, meta) -> {
            if (meta.critical()) {
                critical.add(symbol);
            }
        });
        if (model.declared() != null) {
            model.declared().functions().stream().filter(AbiModel.DeclaredFunction::isCritical)
                    .forEach(f -> critical.add(f.symbol()));
        }
        return critical;
    }

    private static boolean isCallback(CTypeTable table, CType c) {
        return table.isCallback(c) || c.kind() == CType.Kind.FUNCTION_POINTER;
    }

    /** The export prefix of a crate whose library reports its build (ferrule-ffi's {@code export_runtime!}). */
    private static Optional<String> identityPrefix(AbiModel model, Optional<String> prefix) {
        Set<String> symbols = new HashSet<>();
        model.functions().forEach(f -> symbols.add(f.symbol()));
        return prefix.filter(p -> symbols.contains(p + "_build_info") && symbols.contains(p + "_buffer_free"));
    }

    /**
     * Metadata about a function the crate does not export is stale or misspelt, and a critical
     * function that calls back into Java would deadlock the GC; both stop generation.
     */
    private static void checkMetadata(AbiModel model, BindingConfig config, CTypeTable table)
            throws BindingException {
        Map<String, AbiFunction> functions = new TreeMap<>();
        model.functions().forEach(f -> functions.put(f.symbol(), f));
        List<String> problems = new ArrayList<>();
        config.metadata().functions().forEach((symbol, meta) -> {
            AbiFunction function = functions.get(symbol);
            if (function == null) {
                problems.add("[package.metadata.ferrule.functions." + symbol + "] names no exported function;"
                        + " exports are " + functions.keySet());
                return;
            }
            if (meta.critical()) {
                function.params().stream().filter(p -> isCallback(table, CType.parse(p.type().c()))).findFirst()
                        .ifPresent(p -> problems.add(symbol + " is marked critical but takes the callback '"
                                + p.name() + "': a critical downcall must not call back into Java. Remove"
                                + " critical = true."));
            }
        });
        if (!problems.isEmpty()) {
            throw new BindingException("[package.metadata.ferrule] of " + model.crate().name()
                    + " does not match the crate:", problems);
        }
    }
}
