package dev.ferrule.bind;

import dev.ferrule.abi.AbiModel;
import dev.ferrule.abi.AbiModel.AbiFunction;
import dev.ferrule.abi.AbiModel.AbiType;
import dev.ferrule.abi.CType;
import dev.ferrule.bind.BindingModel;
import dev.ferrule.bind.BindingModel.CAbiMethod;
import dev.ferrule.bind.BindingModel.CAbiObject;
import dev.ferrule.bind.BindingModel.ErrorConvention;
import dev.ferrule.bind.BindingModel.Failure;
import dev.ferrule.bind.BindingModel.NativeFunction;
import dev.ferrule.bind.BindingModel.NativeParam;
import dev.ferrule.bind.BindingModel.Owner;
import dev.ferrule.bind.BindingModel.RecordType;
import dev.ferrule.bind.BindingModel.Result;
import dev.ferrule.bind.BindingModel.Role;
import dev.ferrule.bind.BindingModel.Source;
import dev.ferrule.bind.MethodMapper.Undecidable;
import dev.ferrule.cargo.FerruleMetadata.FunctionMetadata;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Decides how one export of a C ABI looks in Java. Each parameter's mapping, in order: the
 * metadata, then the Rust types (an object's pointer, a C string, a {@code #[repr(C)]} struct, a
 * number), then the naming conventions (a {@code (data, data_len)} pair, an out-parameter named
 * {@code out}). How the call fails: the metadata, then the declared error convention, then the
 * types (a constructor's null). What nothing decides is undecidable, with the lines that would.
 */
final class CAbiMethodMapper {

    private static final Set<String> LENGTH_SUFFIXES = Set.of("_len", "_length", "_size");

    private final Carriers carriers;
    private final String prefix;
    private final Map<String, CAbiObject> objects;
    private final Map<String, RecordType> records;
    private final ErrorConvention errors;
    private final Map<String, BindingModel.CallbackType> callbacks = new java.util.TreeMap<>();

    CAbiMethodMapper(Carriers carriers, String prefix, Map<String, CAbiObject> objects,
            Map<String, RecordType> records, ErrorConvention errors) {
        this.carriers = carriers;
        this.prefix = prefix;
        this.objects = objects;
        this.records = records;
        this.errors = errors;
    }

    CAbiMethod map(AbiFunction function, NativeFunction raw, FunctionMetadata meta) throws Undecidable {
        MethodMapper.checkNamedParams(function, meta);
        List<BindingModel.Param> params = new ArrayList<>();
        Result out = null;
        int errorOut = -1;
        boolean buffer = false;
        String instanceOf = null;
        int last = raw.params().size() - 1;
        for (int i = 0; i <= last; i++) {
            NativeParam param = raw.params().get(i);
            NativeParam next = i < last ? raw.params().get(i + 1) : null;
            String declared = meta.params().get(param.name());
            CType c = param.type().c();
            Optional<CAbiObject> object = objectBehind(c, 1);
            if (object.isPresent() && declared == null) {
                if (i == 0) {
                    instanceOf = object.get().name();
                }
                params.add(param(param, objectMapping(object.get()), Source.RUST_TYPE, i));
                continue;
            }
            if (errors != null && errors.errorObject() != null
                    && CAbiLayerBuilder.pointsTo(c, errors.errorObject().type(), 2)) {
                if (errorOut >= 0) {
                    throw new Undecidable("it has more than one error out-parameter", MethodMapper.metadataFix(
                            function, "raw-only = true"));
                }
                errorOut = i;
                params.add(param(param, Mapping.errorOut(errors.errorObject().type()), Source.METADATA, i));
                continue;
            }
            Optional<CAbiObject> made = objectBehind(c, 2);
            if (made.isPresent()) {
                if (out != null) {
                    throw new Undecidable("it has more than one out-parameter", MethodMapper.metadataFix(function,
                            "raw-only = true"));
                }
                out = new Result(objectMapping(made.get()), Source.RUST_TYPE, i);
                params.add(param(param, Mapping.out(), Source.RUST_TYPE, i));
                continue;
            }
            boolean pair = next != null && isLength(next) && c instanceof CType.Pointer pointer
                    && pointer.constPointee();
            if ("callback".equals(declared)) {
                params.add(param(param, callback(function, param, next), Source.METADATA, i, i + 1));
                i++;
                continue;
            }
            if ("buffer".equals(declared)) {
                boolean fillable = c instanceof CType.Pointer pointer && !pointer.constPointee()
                        && isByte(pointer.pointee()) && next != null && isLength(next);
                if (!fillable) {
                    throw new Undecidable("parameter '" + param.name() + "' is declared buffer but is not a mutable"
                            + " byte pointer followed by its capacity", "correct the metadata");
                }
                if (buffer) {
                    throw new Undecidable("it has more than one buffer", MethodMapper.metadataFix(function,
                            "raw-only = true"));
                }
                buffer = true;
                params.add(param(param, Mapping.buffer(), Source.METADATA, i, i + 1));
                i++;
                continue;
            }
            if ("string".equals(declared) || "bytes".equals(declared)) {
                if (!pair || !isByte(((CType.Pointer) c).pointee())) {
                    throw new Undecidable("parameter '" + param.name() + "' is declared " + declared + " but is not"
                            + " a const byte pointer followed by its length", "correct the metadata");
                }
                params.add(param(param, declared.equals("string") ? Mapping.string() : Mapping.bytes(),
                        Source.METADATA, i, i + 1));
                i++;
                continue;
            }
            if (pair && isByte(((CType.Pointer) c).pointee()) && namesLengthOf(next.name(), param.name())) {
                boolean text = CAbiLayerBuilder.isCString(c);
                params.add(param(param, text ? Mapping.string() : Mapping.bytes(), Source.CONVENTION, i, i + 1));
                i++;
                continue;
            }
            Optional<RecordType> listed = c instanceof CType.Pointer pointer && pointer.constPointee()
                    && pointer.pointee() instanceof CType.Tagged tagged ? Optional.ofNullable(records.get(tagged.name()))
                    : Optional.empty();
            if (listed.isPresent() && declared == null && next != null && isLength(next)
                    && namesCountOf(next.name(), param.name())) {
                params.add(param(param, Mapping.list(listed.get().name(), listed.get().className()),
                        Source.CONVENTION, i, i + 1));
                i++;
                continue;
            }
            if (CAbiLayerBuilder.isCString(c) && ((CType.Pointer) c).constPointee() && declared == null) {
                params.add(param(param, Mapping.cString(), Source.RUST_TYPE, i));
                continue;
            }
            boolean mutablePointer = c instanceof CType.Pointer pointer && !pointer.constPointee();
            boolean namedOut = param.name().equals("out") || param.name().startsWith("out_");
            if ("out".equals(declared) || declared == null && namedOut && mutablePointer) {
                if (!mutablePointer) {
                    throw new Undecidable("parameter '" + param.name() + "' is declared out but is "
                            + c.spelling() + ", not a mutable pointer", "correct the metadata");
                }
                if (out != null) {
                    throw new Undecidable("it has more than one out-parameter", MethodMapper.metadataFix(function,
                            "raw-only = true"));
                }
                Source source = declared == null ? Source.CONVENTION : Source.METADATA;
                CType pointee = ((CType.Pointer) c).pointee();
                Mapping result = recordMapping(pointee, false).or(() -> valueMapping(carriers, pointee))
                        .orElseThrow(() -> new Undecidable("out-parameter '" + param.name() + "' (" + c.spelling()
                                + ", Rust " + param.type().rust() + ") has no safe Java type",
                                MethodMapper.metadataFix(function, "raw-only = true")));
                out = new Result(result, source, i);
                params.add(param(param, Mapping.out(), source, i));
                continue;
            }
            if (declared != null) {
                throw new Undecidable("parameter '" + param.name() + "' is declared " + declared + " but is "
                        + c.spelling(), "correct the metadata");
            }
            params.add(param(param, typed(function, param, next), Source.RUST_TYPE, i));
        }
        Outcome outcome = errorOut >= 0 ? errorObjectOutcome(function, raw, out) : outcome(function, raw, meta, out);
        if (buffer) {
            // The result is the length the buffer needs; the bytes it holds are what Java gets.
            boolean length = outcome.failure() == Failure.NEGATIVE || outcome.failure() == Failure.NONE
                    && !outcome.result().isVoid() && outcome.result().mapping().kind() == Mapping.Kind.VALUE;
            if (!length || out != null) {
                throw new Undecidable("its buffer needs a result that is the length it filled or needs",
                        MethodMapper.metadataFix(function, "returns = \"negative-status\"   # or \"value\""));
            }
            outcome = new Outcome(outcome.failure(), outcome.source(), new Result(Mapping.bytes(), Source.METADATA,
                    -1));
        }
        Optional<Owner> owner = owner(function, instanceOf, outcome.result());
        String local = local(function.symbol());
        return new CAbiMethod(raw.symbol(), JavaNames.identifier(JavaNames.lowerCamel(local)), owner,
                List.copyOf(params), outcome.failure(), outcome.source(), outcome.result(), function.docs(),
                BindingModel.Deprecation.of(function.deprecation()));
    }

    private record Outcome(Failure failure, Source source, Result result) {
    }

    /** The callback types the mapped methods take, by Rust name. */
    Map<String, BindingModel.CallbackType> callbacks() {
        return callbacks;
    }

    /**
     * A callback declared to be called only during the call, and the {@code void*} user data
     * after it, by which the library names the call back to Java.
     */
    private Mapping callback(AbiFunction function, NativeParam param, NativeParam next) throws Undecidable {
        CType c = param.type().c();
        AbiType type = carriers.table().isCallback(c) ? carriers.table().type(c) : null;
        boolean userData = next != null && next.type().c() instanceof CType.Pointer pointer
                && pointer.pointee() instanceof CType.Void;
        if (type == null || !userData) {
            throw new Undecidable("parameter '" + param.name() + "' is declared callback but is not a callback type"
                    + " followed by its void* user data", "correct the metadata");
        }
        List<AbiModel.Param> callbackParams = type.params();
        if (callbackParams.isEmpty() || !(CType.parse(callbackParams.get(callbackParams.size() - 1).type().c())
                instanceof CType.Pointer trailing && trailing.pointee() instanceof CType.Void)) {
            throw new Undecidable("callback " + type.name() + " does not end with a void* user data parameter, so"
                    + " the library cannot name the Java call it belongs to", MethodMapper.metadataFix(function,
                    "raw-only = true"));
        }
        List<BindingModel.CallbackParam> javaParams = new ArrayList<>();
        for (int i = 0; i < callbackParams.size() - 1; i++) {
            AbiModel.Param p = callbackParams.get(i);
            CType pc = CType.parse(p.type().c());
            AbiModel.Param after = i + 2 < callbackParams.size() ? callbackParams.get(i + 1) : null;
            String javaName = JavaNames.identifier(JavaNames.lowerCamel(p.name()));
            boolean pair = after != null && pc instanceof CType.Pointer pointer && pointer.constPointee()
                    && isByte(pointer.pointee()) && carriers.table().primitive(CType.parse(after.type().c()))
                            .filter("usize"::equals).isPresent() && namesLengthOf(after.name(), p.name());
            if (pair) {
                javaParams.add(new BindingModel.CallbackParam(p.name(), javaName, Carrier.of(Carrier.Kind.ADDRESS),
                        CAbiLayerBuilder.isCString(pc) ? Mapping.string() : Mapping.bytes()));
                javaParams.add(new BindingModel.CallbackParam(after.name(), JavaNames.identifier(JavaNames
                        .lowerCamel(after.name())), Carrier.of(Carrier.Kind.LONG), null));
                i++;
                continue;
            }
            if (CAbiLayerBuilder.isCString(pc)) {
                javaParams.add(new BindingModel.CallbackParam(p.name(), javaName, Carrier.of(Carrier.Kind.ADDRESS),
                        Mapping.cString()));
                continue;
            }
            Optional<Mapping> value = valueMapping(carriers, pc);
            if (value.isEmpty()) {
                throw new Undecidable("callback " + type.name() + " passes '" + p.name() + "' (" + pc.spelling()
                        + "), which has no safe Java type", MethodMapper.metadataFix(function, "raw-only = true"));
            }
            javaParams.add(new BindingModel.CallbackParam(p.name(), javaName, value.get().carrier(), value.get()));
        }
        AbiModel.Param last = callbackParams.get(callbackParams.size() - 1);
        BindingModel.CallbackParam userDataParam = new BindingModel.CallbackParam(last.name(), JavaNames.identifier(
                JavaNames.lowerCamel(last.name())), Carrier.of(Carrier.Kind.ADDRESS));
        Optional<Mapping> result = type.returns() == null ? Optional.empty()
                : valueMapping(carriers, CType.parse(type.returns().c()));
        if (type.returns() != null && result.isEmpty()) {
            throw new Undecidable("callback " + type.name() + " returns " + type.returns().c() + ", which has no"
                    + " safe Java type", MethodMapper.metadataFix(function, "raw-only = true"));
        }
        String word = type.name().startsWith(prefix) ? type.name().substring(prefix.length()) : type.name();
        String className = JavaNames.upperCamel(JavaNames.lowerCamel(word));
        callbacks.put(type.name(), new BindingModel.CallbackType(type.name(), type.path(), List.copyOf(javaParams),
                userDataParam, result.map(Mapping::carrier).orElse(null), type.docs(), result.orElse(null),
                className));
        return new Mapping(Mapping.Kind.CALLBACK, className, type.name(), null);
    }

    /**
     * A call with an error out-parameter fails when it writes an error there; a {@code bool}
     * result is then only its echo, and a null object result fails too.
     */
    private Outcome errorObjectOutcome(AbiFunction function, NativeFunction raw, Result out) throws Undecidable {
        CType result = raw.result() == null ? null : raw.result().c();
        boolean flag = result != null && carriers.value(result).filter(c -> c.kind() == Carrier.Kind.BOOLEAN)
                .isPresent();
        if (result == null || flag) {
            return new Outcome(Failure.ERROR_OBJECT, Source.METADATA, out == null ? Result.VOID : out);
        }
        Optional<CAbiObject> made = objectBehind(result, 1);
        if (made.isPresent() && out == null) {
            return new Outcome(Failure.ERROR_OBJECT, Source.METADATA, new Result(objectMapping(made.get()),
                    Source.RUST_TYPE, -1));
        }
        return new Outcome(Failure.ERROR_OBJECT, Source.METADATA, valueResult(function, raw, out));
    }

    /** How the call fails and what it returns. */
    private Outcome outcome(AbiFunction function, NativeFunction raw, FunctionMetadata meta, Result out)
            throws Undecidable {
        CType result = raw.result() == null ? null : raw.result().c();
        String returns = meta.returns();
        if (returns != null) {
            switch (returns) {
                case "borrowed", "owned" -> {
                    if (result == null || !CAbiLayerBuilder.isCString(result)) {
                        throw new Undecidable("[package.metadata.ferrule] says it returns a C string, but it returns "
                                + spelling(result), "correct the metadata");
                    }
                    return new Outcome(Failure.NULL, Source.METADATA, new Result(returns.equals("owned")
                            ? Mapping.ownedCString(meta.free()) : Mapping.cString(), Source.METADATA, -1));
                }
                case "status", "negative-status" -> {
                    Optional<Carrier> integer = result == null ? Optional.empty() : carriers.value(result)
                            .filter(carrier -> carrier.kind() == Carrier.Kind.INT || carrier.kind() == Carrier.Kind.LONG);
                    if (integer.isEmpty()) {
                        throw new Undecidable("[package.metadata.ferrule] says it returns " + returns
                                + ", but it returns " + spelling(result), "correct the metadata");
                    }
                    if (returns.equals("status")) {
                        return new Outcome(Failure.STATUS, Source.METADATA, out == null ? Result.VOID : out);
                    }
                    if (out != null) {
                        throw new Undecidable("it returns a value and also has an out-parameter",
                                MethodMapper.metadataFix(function, "raw-only = true"));
                    }
                    return new Outcome(Failure.NEGATIVE, Source.METADATA, new Result(Mapping.value(integer.get()),
                            Source.METADATA, -1));
                }
                default -> {
                    // "value": a number that is no status, whatever its type.
                    return new Outcome(Failure.NONE, Source.METADATA, valueResult(function, raw, out));
                }
            }
        }
        if (result == null) {
            return new Outcome(Failure.NONE, Source.RUST_TYPE, out == null ? Result.VOID : out);
        }
        Optional<CAbiObject> made = objectBehind(result, 1);
        if (made.isPresent()) {
            // A constructor has no object to return but null, so null can only be its failure.
            return new Outcome(Failure.NULL, Source.RUST_TYPE, new Result(objectMapping(made.get()),
                    Source.RUST_TYPE, -1));
        }
        if (CAbiLayerBuilder.isCString(result)) {
            throw new Undecidable("it returns a C string (" + raw.result().rust() + "), and the types do not say"
                    + " whether the library keeps it or the caller must free it", MethodMapper.metadataFix(function,
                    "returns = \"borrowed\"   # or: returns = \"owned\" and free = \"<the function that frees it>\""));
        }
        if (errors != null && result.spelling().equals(errors.statusType())) {
            return new Outcome(Failure.STATUS, Source.METADATA, out == null ? Result.VOID : out);
        }
        return new Outcome(Failure.NONE, Source.RUST_TYPE, valueResult(function, raw, out));
    }

    private Result valueResult(AbiFunction function, NativeFunction raw, Result out) throws Undecidable {
        if (raw.result() == null) {
            return out == null ? Result.VOID : out;
        }
        CType c = raw.result().c();
        if (out != null) {
            boolean integer = carriers.value(c).filter(carrier -> carrier.kind() == Carrier.Kind.INT).isPresent();
            throw new Undecidable("it returns " + c.spelling() + " and also has an out-parameter; "
                    + (integer ? "its result is a value unless it is declared a status" : "Java has one result"),
                    integer ? MethodMapper.metadataFix(function, "returns = \"status\"   # or declare the crate's"
                            + " error codes in [package.metadata.ferrule.errors]")
                            : MethodMapper.metadataFix(function, "raw-only = true"));
        }
        Optional<Mapping> mapping = recordMapping(c, false).or(() -> valueMapping(carriers, c));
        if (mapping.isEmpty()) {
            throw new Undecidable("it returns " + c.spelling() + " (Rust " + raw.result().rust() + "), whose owner"
                    + " and lifetime the types do not say", MethodMapper.metadataFix(function, "raw-only = true"));
        }
        return new Result(mapping.get(), Source.RUST_TYPE, -1);
    }

    /** A constructor makes an object and takes none; a method's first parameter is its object. */
    private Optional<Owner> owner(AbiFunction function, String instanceOf, Result result) {
        if (instanceOf != null) {
            return Optional.of(new Owner(instanceOf, Role.METHOD, verb(function.symbol(), instanceOf)));
        }
        if (!result.isVoid() && result.mapping().kind() == Mapping.Kind.OBJECT) {
            String made = result.mapping().target();
            return Optional.of(new Owner(made, Role.CONSTRUCTOR, verb(function.symbol(), made)));
        }
        return Optional.empty();
    }

    /**
     * {@code put} of {@code tinykv_store_put} on {@code tinykv_store}; the local name otherwise. A
     * constructor's {@code new} is {@code create}, as for ferrule-ffi's objects.
     */
    private String verb(String symbol, String object) {
        String local = symbol.startsWith(object + "_") ? symbol.substring(object.length() + 1) : local(symbol);
        return local.equals("new") ? "create" : JavaNames.identifier(JavaNames.lowerCamel(local));
    }

    private String local(String symbol) {
        return symbol.startsWith(prefix) ? symbol.substring(prefix.length()) : symbol;
    }

    /** A parameter the Rust type decides: a record (perhaps behind a pointer) or a value. */
    private Mapping typed(AbiFunction function, NativeParam param, NativeParam next) throws Undecidable {
        CType c = param.type().c();
        boolean readOnly = c instanceof CType.Pointer pointer && pointer.constPointee();
        Optional<Mapping> record = recordMapping(readOnly ? ((CType.Pointer) c).pointee() : c, readOnly
                && Boolean.TRUE.equals(param.type().nullable()));
        if (record.isPresent()) {
            return record.get();
        }
        Optional<Mapping> value = valueMapping(carriers, c);
        if (value.isPresent()) {
            return value.get();
        }
        if (carriers.table().isCallback(c) || c.kind() == CType.Kind.FUNCTION_POINTER) {
            throw new Undecidable("parameter '" + param.name() + "' is a callback (" + param.type().rust() + "); a"
                    + " C ABI's types do not say whether the library calls it only during the call or keeps it,"
                    + " and the safe layer takes neither yet", MethodMapper.metadataFix(function, "raw-only = true"));
        }
        Optional<String> object = objectName(c);
        if (object.isPresent()) {
            throw new Undecidable("parameter '" + param.name() + "' points to " + object.get() + ", which is no"
                    + " object: it needs a constructor and one release function (ending in "
                    + CAbiLayerBuilder.RELEASE_ENDINGS + ")", "add to Cargo.toml\n    [package.metadata.ferrule.objects."
                    + object.get() + "]\n    release = \"<the function that frees it>\"");
        }
        String pairHint = next != null && isLength(next) ? "params = { " + param.name() + " = \"bytes\" }   # or"
                + " \"string\": a pointer and its length " + next.name() : "params = { " + param.name()
                + " = \"out\" }   # when the library writes the result there";
        throw new Undecidable("parameter '" + param.name() + "' (" + c.spelling() + ", Rust " + param.type().rust()
                + ") has no safe Java type: types and naming conventions do not say what it points to or who owns it",
                MethodMapper.metadataFix(function, pairHint));
    }

    private Optional<Mapping> recordMapping(CType c, boolean nullable) {
        if (c.kind() != CType.Kind.STRUCT) {
            return Optional.empty();
        }
        RecordType record = records.get(((CType.Tagged) c).name());
        return record == null ? Optional.empty() : Optional.of(Mapping.record(record.name(), record.className(),
                nullable));
    }

    /** A number: an unsigned one narrower than 64 bits widens to the next Java type, checked on the way in. */
    static Optional<Mapping> valueMapping(Carriers carriers, CType c) {
        Optional<Carrier> carrier = carriers.value(c);
        if (carrier.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> primitive = carriers.table().primitive(c);
        return Optional.of(primitive.isPresent() && Mapping.widens(primitive.get())
                ? Mapping.unsigned(carrier.get()) : Mapping.value(carrier.get()));
    }

    private static Mapping objectMapping(CAbiObject object) {
        return Mapping.object(object.name(), object.className(), Carrier.of(Carrier.Kind.ADDRESS));
    }

    private Optional<CAbiObject> objectBehind(CType c, int depth) {
        return objects.values().stream().filter(o -> CAbiLayerBuilder.pointsTo(c, o.name(), depth)).findFirst();
    }

    private static Optional<String> objectName(CType c) {
        return c instanceof CType.Pointer pointer && pointer.pointee() instanceof CType.Tagged tagged
                && tagged.kind() == CType.Kind.STRUCT ? Optional.of(tagged.name()) : Optional.empty();
    }

    private boolean isLength(NativeParam param) {
        return carriers.table().primitive(param.type().c()).filter("usize"::equals).isPresent();
    }

    private boolean isByte(CType c) {
        return carriers.table().primitive(c).filter(p -> p.equals("u8") || p.equals("i8")).isPresent();
    }

    /** {@code count}, {@code len}, {@code n_items}, {@code items_count} or {@code items_len} after {@code items}. */
    private static boolean namesCountOf(String count, String pointer) {
        return count.equals("count") || count.equals("n_" + pointer) || count.equals(pointer + "_count")
                || namesLengthOf(count, pointer);
    }

    /** {@code len} after any pointer, or {@code key_len}, {@code key_length}, {@code key_size} after {@code key}. */
    private static boolean namesLengthOf(String length, String pointer) {
        return length.equals("len") || LENGTH_SUFFIXES.stream().anyMatch(s -> length.equals(pointer + s));
    }

    private static String spelling(CType c) {
        return c == null ? "void" : c.spelling();
    }

    private static BindingModel.Param param(NativeParam first, Mapping mapping, Source source, Integer... natives) {
        return new BindingModel.Param(first.name(), first.javaName(), mapping, source, List.of(natives));
    }
}
