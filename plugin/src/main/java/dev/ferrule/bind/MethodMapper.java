package dev.ferrule.bind;

import dev.ferrule.abi.AbiModel.AbiFunction;
import dev.ferrule.abi.AbiModel.AbiType;
import dev.ferrule.abi.AbiModel.Param;
import dev.ferrule.abi.AbiModel.TypeKind;
import dev.ferrule.abi.CType;
import dev.ferrule.bind.BindingModel.Decision;
import dev.ferrule.bind.BindingModel.Method;
import dev.ferrule.bind.BindingModel.NativeFunction;
import dev.ferrule.bind.BindingModel.NativeParam;
import dev.ferrule.bind.BindingModel.Result;
import dev.ferrule.bind.BindingModel.Source;
import dev.ferrule.cargo.FerruleMetadata.FunctionMetadata;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Decides how one export of a ferrule-ffi crate looks in Java: each parameter's mapping and the
 * reason for it, whether the result is a status to check, and what the method returns. In
 * order, the metadata decides, then the Rust types, then the naming conventions; when none does,
 * the export is undecidable and the message says which metadata would decide it.
 */
final class MethodMapper {

    /** A case the types, the naming conventions and the metadata leave open. */
    static final class Undecidable extends Exception {
        private static final long serialVersionUID = 1L;
        private final String fix;

        Undecidable(String problem, String fix) {
            super(problem, null, false, false);
            this.fix = fix;
        }

        String fix() {
            return fix;
        }
    }

    private final Carriers carriers;
    private final ValueTypes values;

    MethodMapper(Carriers carriers, ValueTypes values) {
        this.carriers = carriers;
        this.values = values;
    }

    /**
     * @param local  the symbol without the crate's export prefix: {@code counter_add}
     */
    Method map(AbiFunction function, NativeFunction raw, String local, FunctionMetadata meta) throws Undecidable {
        Decision status = status(function, raw, meta);
        checkNamedParams(function, meta);
        List<BindingModel.Param> params = new ArrayList<>();
        Result out = null;
        int last = raw.params().size() - 1;
        for (int i = 0; i <= last; i++) {
            NativeParam param = raw.params().get(i);
            NativeParam next = i < last ? raw.params().get(i + 1) : null;
            String declared = meta.params().get(param.name());
            CType c = param.type().c();
            boolean pair = isBytePointer(c) && next != null && isUsize(next.type().c());
            if ("string".equals(declared) || "bytes".equals(declared)) {
                if (!pair) {
                    throw new Undecidable("parameter '" + param.name() + "' is declared " + declared
                            + " but is not a const u8 pointer followed by a usize length", "correct the metadata");
                }
                params.add(param(param, declared.equals("string") ? Mapping.string() : Mapping.bytes(),
                        Source.METADATA, i, i + 1));
                i++;
                continue;
            }
            boolean textPair = pair && next.name().equals(param.name() + "_len");
            if (declared == null && (textPair || pair && next.name().equals("len"))) {
                params.add(param(param, textPair ? Mapping.string() : Mapping.bytes(), Source.CONVENTION, i, i + 1));
                i++;
                continue;
            }
            boolean mutablePointer = c instanceof CType.Pointer pointer && !pointer.constPointee();
            if ("out".equals(declared) || declared == null && param.name().equals("out") && i == last
                    && mutablePointer) {
                Source source = declared == null ? Source.CONVENTION : Source.METADATA;
                if (!mutablePointer) {
                    throw new Undecidable("parameter '" + param.name() + "' is declared out but is "
                            + c.spelling() + ", not a mutable pointer", "correct the metadata");
                }
                if (out != null) {
                    throw new Undecidable("it has more than one out-parameter", metadataFix(function,
                            "raw-only = true"));
                }
                Mapping result = outMapping(((CType.Pointer) c).pointee()).orElseThrow(() -> new Undecidable(
                        "out-parameter '" + param.name() + "' (" + c.spelling() + ") has no safe Java type",
                        "return a supported type (a number, bool, repr(C) struct, fieldless enum or FfiBuffer)"));
                out = new Result(result, source, i);
                params.add(param(param, Mapping.out(), source, i));
                continue;
            }
            AbiType callback = carriers.table().isCallback(c) ? carriers.table().type(c) : null;
            if (callback != null && next != null && next.name().equals("user_data") && isUsize(next.type().c())
                    && callbackSupported(callback)) {
                params.add(param(param, Mapping.callback(callback.name()), Source.CONVENTION, i, i + 1));
                i++;
                continue;
            }
            params.add(param(param, typed(function, param), Source.RUST_TYPE, i));
        }
        Result result = status.value() ? (out == null ? Result.VOID : out) : valueResult(function, raw, out);
        return new Method(raw.symbol(), JavaNames.lowerCamel(local), Optional.empty(), List.copyOf(params), status,
                result, raw.critical(), function.docs(), BindingModel.Deprecation.of(function.deprecation()));
    }

    private Decision status(AbiFunction function, NativeFunction raw, FunctionMetadata meta) throws Undecidable {
        boolean i32 = raw.result() != null && carriers.table().primitive(raw.result().c()).filter("i32"::equals)
                .isPresent();
        if (meta.returns() == null) {
            return new Decision(i32, Source.CONVENTION);
        }
        if (meta.returns().equals("status") && !i32) {
            throw new Undecidable("[package.metadata.ferrule] says it returns a status, but it returns "
                    + (raw.result() == null ? "void" : raw.result().c().spelling()),
                    metadataFix(function, "returns = \"value\""));
        }
        return new Decision(meta.returns().equals("status"), Source.METADATA);
    }

    /** A parameter the Rust type decides: an enum, a record (perhaps behind a pointer), or a value. */
    private Mapping typed(AbiFunction function, NativeParam param) throws Undecidable {
        CType c = param.type().c();
        Optional<AbiType> javaEnum = values.enumOf(c);
        if (javaEnum.isPresent()) {
            return values.enumMapping(javaEnum.get());
        }
        // A struct by value, or behind a pointer the library only reads, is a record copied into the call.
        boolean readOnly = c instanceof CType.Pointer pointer && pointer.constPointee();
        Optional<AbiType> record = values.recordOf(readOnly ? ((CType.Pointer) c).pointee() : c);
        if (record.isPresent()) {
            return Mapping.record(record.get().name(), readOnly && Boolean.TRUE.equals(param.type().nullable()));
        }
        Optional<Carrier> value = carriers.value(c);
        if (value.isPresent()) {
            return Mapping.value(value.get());
        }
        throw new Undecidable("parameter '" + param.name() + "' (" + c.spelling() + ", Rust " + param.type().rust()
                + ") has no safe Java type: types and naming conventions do not say what it points to or who owns"
                + " it", metadataFix(function, "params = { " + param.name() + " = \"bytes\" }   # or \"string\","
                + " \"out\""));
    }

    /** A function whose result is a value, not a status ({@code returns = "value"}): nothing to check. */
    private Result valueResult(AbiFunction function, NativeFunction raw, Result out) throws Undecidable {
        if (out != null) {
            throw new Undecidable("it returns a value and also has an out-parameter", metadataFix(function,
                    "raw-only = true"));
        }
        if (raw.result() == null) {
            return Result.VOID;
        }
        Optional<Carrier> value = carriers.value(raw.result().c());
        if (value.isEmpty()) {
            throw new Undecidable("it returns " + raw.result().c().spelling() + " (Rust " + raw.result().rust()
                    + "), whose owner and lifetime the types do not say", metadataFix(function, "raw-only = true"));
        }
        return new Result(Mapping.value(value.get()), Source.RUST_TYPE, -1);
    }

    /** What an out-parameter's pointee becomes as a result. */
    private Optional<Mapping> outMapping(CType pointee) {
        if (pointee instanceof CType.Tagged tagged && tagged.kind() == CType.Kind.STRUCT
                && tagged.name().equals("FfiBuffer")) {
            return Optional.of(Mapping.string());
        }
        Optional<AbiType> record = values.recordOf(pointee);
        if (record.isPresent()) {
            return Optional.of(Mapping.record(record.get().name(), false));
        }
        Optional<AbiType> javaEnum = values.enumOf(pointee);
        if (javaEnum.isPresent()) {
            return Optional.of(values.enumMapping(javaEnum.get()));
        }
        if (pointee.kind() == CType.Kind.STRUCT) {
            AbiType type = carriers.table().type(pointee);
            return type == null || type.size() == null ? Optional.empty() : Optional.of(Mapping.segment(type.name()));
        }
        return carriers.value(pointee).map(Mapping::value);
    }

    /** Callbacks whose parameters (before {@code user_data}) and result are values. */
    private boolean callbackSupported(AbiType callback) {
        List<Param> params = callback.params();
        if (callback.kind() != TypeKind.CALLBACK || params == null || params.isEmpty()) {
            return false;
        }
        boolean values = params.subList(0, params.size() - 1).stream()
                .allMatch(p -> carriers.value(CType.parse(p.type().c())).isPresent());
        boolean result = callback.returns() == null || carriers.value(CType.parse(callback.returns().c())).isPresent();
        return values && result && isUsize(CType.parse(params.get(params.size() - 1).type().c()));
    }

    private boolean isBytePointer(CType c) {
        return c instanceof CType.Pointer pointer && pointer.constPointee()
                && carriers.table().primitive(pointer.pointee()).filter("u8"::equals).isPresent();
    }

    private boolean isUsize(CType c) {
        return carriers.table().primitive(c).filter("usize"::equals).isPresent();
    }

    private static BindingModel.Param param(NativeParam first, Mapping mapping, Source source, Integer... natives) {
        return new BindingModel.Param(first.name(), first.javaName(), mapping, source, List.of(natives));
    }

    /** Metadata about a parameter the function does not have is misspelt or stale. */
    static void checkNamedParams(AbiFunction function, FunctionMetadata meta) throws Undecidable {
        for (String named : meta.params().keySet()) {
            if (function.params().stream().noneMatch(p -> p.name().equals(named))) {
                throw new Undecidable("[package.metadata.ferrule] names a parameter '" + named + "' it does not have",
                        "use one of " + function.params().stream().map(Param::name).toList());
            }
        }
    }

    static String metadataFix(AbiFunction function, String entry) {
        return "add to Cargo.toml\n    [package.metadata.ferrule.functions." + function.symbol() + "]\n    " + entry;
    }
}
