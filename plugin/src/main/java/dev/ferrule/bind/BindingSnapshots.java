package dev.ferrule.bind;

import dev.ferrule.abi.AbiException;
import dev.ferrule.abi.AbiModel;
import dev.ferrule.abi.AbiSnapshots;
import dev.ferrule.bind.BindingModel.Method;
import dev.ferrule.bind.BindingModel.Owner;
import dev.ferrule.bind.BindingModel.Param;
import dev.ferrule.bind.BindingModel.SafeLayer;
import dev.ferrule.bind.BindingSnapshot.DeclaredFunction;
import dev.ferrule.bind.BindingSnapshot.MethodRecord;
import dev.ferrule.bind.BindingSnapshot.ObjectRecord;
import dev.ferrule.bind.BindingSnapshot.ParamRecord;
import dev.ferrule.cargo.FerruleMetadata;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The binding section of ABI snapshots: made from the binding model of the whole crate, written
 * beside the C ABI, and read back for check-abi.
 */
public final class BindingSnapshots {

    /** The snapshot section that holds the binding. */
    public static final String SECTION = "binding";

    private BindingSnapshots() {
    }

    /**
     * The binding of the whole crate, as its metadata and the conventions decide it.
     *
     * @throws BindingException when an export is undecidable: generating would fail the same way
     */
    public static BindingSnapshot of(AbiModel model, FerruleMetadata metadata) throws BindingException {
        return of(BindingModelBuilder.build(model, BindingConfig.wholeCrate(metadata)), metadata);
    }

    static BindingSnapshot of(BindingModel model, FerruleMetadata metadata) {
        Map<String, DeclaredFunction> declared = new TreeMap<>();
        metadata.functions().forEach((symbol, meta) -> declared.put(symbol, new DeclaredFunction(meta.critical(),
                meta.rawOnly(), meta.params(), meta.returns(), meta.free())));
        // #[expose(critical)] declares it in the code instead: the same fact, compared the same way.
        model.natives().functions().stream().filter(BindingModel.NativeFunction::critical)
                .forEach(f -> declared.putIfAbsent(f.symbol(), new DeclaredFunction(true, false, Map.of(), null,
                        null)));
        List<MethodRecord> methods = new ArrayList<>();
        List<ObjectRecord> objects = new ArrayList<>();
        List<String> rawOnly = new ArrayList<>();
        if (model.safe().isPresent()) {
            SafeLayer safe = model.safe().get();
            safe.methods().forEach(method -> methods.add(record(safe, method)));
            safe.objects().forEach(o -> objects.add(new ObjectRecord(o.name(), o.className(), o.constructor(),
                    o.release(), o.cloner().orElse(null))));
        }
        model.cabi().ifPresent(cabi -> {
            cabi.methods().forEach(method -> methods.add(record(cabi, method)));
            cabi.objects().forEach(o -> objects.add(new ObjectRecord(o.name(), o.className(), cabi.methods().stream()
                    .filter(m -> !m.result().isVoid() && m.result().mapping().kind() == Mapping.Kind.OBJECT
                            && m.result().mapping().target().equals(o.name()))
                    .map(BindingModel.CAbiMethod::symbol).findFirst().orElse(null), o.release(), null)));
        });
        if (model.safe().isPresent() || model.cabi().isPresent()) {
            metadata.functions().forEach((symbol, meta) -> {
                if (meta.rawOnly()) {
                    rawOnly.add(symbol);
                }
            });
        }
        return new BindingSnapshot(declared, methods, objects, rawOnly);
    }

    /** A method of a C ABI's safe layer: checked when any failure convention applies to it. */
    private static MethodRecord record(BindingModel.CAbiLayer cabi, BindingModel.CAbiMethod method) {
        List<ParamRecord> params = method.params().stream().map(BindingSnapshots::param).toList();
        ParamRecord returns = method.result().isVoid() ? null : new ParamRecord(null,
                method.result().mapping().describe(), method.result().mapping().javaType(),
                source(method.result().source()));
        String owner = method.owner().map(o -> cabi.object(o.object()).orElseThrow().className() + "." + o.verb())
                .orElse(null);
        return new MethodRecord(method.symbol(), method.name(), owner, method.failure() != BindingModel.Failure.NONE,
                source(method.failureSource()), params, returns);
    }

    private static MethodRecord record(SafeLayer safe, Method method) {
        List<ParamRecord> params = method.params().stream().map(BindingSnapshots::param).toList();
        ParamRecord returns = method.result().isVoid() ? null : new ParamRecord(null,
                method.result().mapping().describe(), method.result().mapping().javaType(),
                source(method.result().source()));
        return new MethodRecord(method.symbol(), method.name(), method.owner().map(o -> owner(safe, o)).orElse(null),
                method.status().value(), source(method.status().source()), params, returns);
    }

    private static ParamRecord param(Param param) {
        boolean out = param.mapping().javaType() == null;
        return new ParamRecord(param.name(), param.mapping().describe(), out ? null : param.mapping().javaType(),
                source(param.source()));
    }

    /** How an object's class presents a method: {@code Counter.add}, {@code Counter.create}, {@code Counter.close}. */
    private static String owner(SafeLayer safe, Owner owner) {
        String className = safe.object(owner.object()).orElseThrow().className();
        return className + "." + switch (owner.role()) {
            case CONSTRUCTOR -> owner.verb() == null ? "create" : owner.verb();
            case CLONE -> "duplicate";
            case RELEASE -> "close";
            case METHOD, STATIC -> owner.verb();
        };
    }

    private static String source(BindingModel.Source source) {
        return source.name().toLowerCase(Locale.ROOT);
    }

    /**
     * Writes a snapshot: the C ABI and, beside it, the Java API.
     *
     * @return true when the file was created or changed
     */
    public static boolean write(Path file, AbiModel model, FerruleMetadata metadata, boolean overwriteNewer,
            Path stateDir) throws AbiException, BindingException {
        return AbiSnapshots.write(file, model, Map.of(SECTION, of(model, metadata)), overwriteNewer, stateDir);
    }

    /** The binding a snapshot records; empty for a snapshot written before bindings were. */
    public static Optional<BindingSnapshot> read(Path file) throws AbiException {
        return AbiSnapshots.readSection(file, SECTION, BindingSnapshot.class);
    }
}
