package dev.ferrule.abi;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.ferrule.util.MayBeAbsent;
import java.util.Comparator;
import java.util.List;

/**
 * A crate's exported C ABI: the one description that the generator, the ABI diff, the audit and
 * the contract tests read. Immutable, and always in a canonical order (functions by symbol, types
 * by name), so two extractions of the same crate are equal and serialise to the same bytes.
 *
 * @param schemaVersion  the snapshot schema this model is written in
 * @param errors         the crate's own status-code enums (ferrule-ffi {@code ErrorCode}); omitted when none
 * @param hiddenExports  symbols the library exports that no Rust item declares; kept so that
 *                       nothing exported is lost from the snapshot
 * @param scalars        every C scalar type name the model uses, with what it is on this target;
 *                       {@code size_t}, {@code long} or {@code char} mean different things on
 *                       different targets, so each snapshot records them for its own
 */
@JsonPropertyOrder({"schemaVersion", "crate", "build", "functions", "types", "errors", "constants", "statics",
        "scalars", "hiddenExports", "findings", "declared"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AbiModel(
        int schemaVersion,
        CrateInfo crate,
        BuildTarget build,
        List<AbiFunction> functions,
        List<AbiType> types,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<ErrorEnum> errors,
        List<AbiConstant> constants,
        List<AbiStatic> statics,
        List<ExportedSymbol> hiddenExports,
        List<AbiFinding> findings,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<CScalar> scalars,
        @MayBeAbsent Declared declared) {

    public static final int SCHEMA_VERSION = 2;

    /** A model of a crate that declares nothing through ferrule-ffi's attributes. */
    public AbiModel(int schemaVersion, CrateInfo crate, BuildTarget build, List<AbiFunction> functions,
            List<AbiType> types, List<ErrorEnum> errors, List<AbiConstant> constants, List<AbiStatic> statics,
            List<ExportedSymbol> hiddenExports, List<AbiFinding> findings, List<CScalar> scalars) {
        this(schemaVersion, crate, build, functions, types, errors, constants, statics, hiddenExports, findings,
                scalars, null);
    }

    /** A model of a crate without its own error enum. */
    public AbiModel(int schemaVersion, CrateInfo crate, BuildTarget build, List<AbiFunction> functions,
            List<AbiType> types, List<AbiConstant> constants, List<AbiStatic> statics,
            List<ExportedSymbol> hiddenExports, List<AbiFinding> findings) {
        this(schemaVersion, crate, build, functions, types, List.of(), constants, statics, hiddenExports, findings,
                List.of(), null);
    }

    /** A model whose C scalars are not recorded (snapshots written before they were). */
    public AbiModel(int schemaVersion, CrateInfo crate, BuildTarget build, List<AbiFunction> functions,
            List<AbiType> types, List<ErrorEnum> errors, List<AbiConstant> constants, List<AbiStatic> statics,
            List<ExportedSymbol> hiddenExports, List<AbiFinding> findings) {
        this(schemaVersion, crate, build, functions, types, errors, constants, statics, hiddenExports, findings,
                List.of(), null);
    }

    public AbiModel {
        functions = sorted(functions, by(AbiFunction::symbol));
        types = sorted(types, by(AbiType::name));
        errors = sorted(errors, by(ErrorEnum::name));
        constants = sorted(constants, by(AbiConstant::name));
        statics = sorted(statics, by(AbiStatic::symbol));
        hiddenExports = sorted(hiddenExports, by(ExportedSymbol::name));
        findings = sorted(findings, by(AbiFinding::item).thenComparing(by(AbiFinding::code))
                .thenComparing(by(AbiFinding::message)));
        scalars = sorted(scalars, by(CScalar::c));
    }

    /**
     * Sorted, with null elements and null keys first: a model read from an incomplete file must
     * still be constructed, so that the reader can say what the file lacks.
     */
    private static <T> List<T> sorted(List<T> items, Comparator<T> order) {
        return items == null ? List.of() : items.stream().sorted(Comparator.nullsFirst(order)).toList();
    }

    private static <T> Comparator<T> by(java.util.function.Function<T, String> key) {
        return Comparator.comparing(key, Comparator.nullsFirst(Comparator.naturalOrder()));
    }

    /** The crate the ABI belongs to. */
    @JsonPropertyOrder({"name", "version", "libName"})
    public record CrateInfo(String name, String version, String libName) {
    }

    /** What the library was built for and with. */
    @JsonPropertyOrder({"target", "features", "profile"})
    public record BuildTarget(String target, List<String> features, String profile) {
        public BuildTarget {
            features = features == null ? null : features.stream().sorted().toList();
        }
    }

    /** Where an item is declared, relative to the crate directory. */
    @JsonPropertyOrder({"file", "line"})
    public record SourceLocation(String file, int line) {
        @Override
        public String toString() {
            return file + ":" + line;
        }
    }

    /** A {@code #[deprecated]} note. */
    @JsonPropertyOrder({"since", "note"})
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Deprecation(@MayBeAbsent String since, @MayBeAbsent String note) {
    }

    /**
     * A type as it crosses the boundary.
     *
     * @param c          the C-level type, for example {@code const struct Counter*}
     * @param rust       the Rust type as written, for example {@code Option<&Counter>}
     * @param ownership  for pointers: who owns the pointee ({@link Ownership})
     * @param nullable   for pointers: whether null is allowed; absent when unknown
     */
    @JsonPropertyOrder({"c", "rust", "ownership", "nullable"})
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record TypeRef(String c, String rust, @MayBeAbsent Ownership ownership, @MayBeAbsent Boolean nullable) {
    }

    /** Who owns what a pointer points at, as far as the Rust type says. */
    public enum Ownership {
        /** {@code Box<T>}: the receiver owns it and must release it. */
        OWNED,
        /** {@code &T}: borrowed for the call. */
        BORROWED,
        /** {@code &mut T}: borrowed mutably for the call. */
        BORROWED_MUT,
        /** A raw pointer: the Rust type says nothing; metadata or conventions must. */
        RAW
    }

    /** A parameter of a function or callback. */
    @JsonPropertyOrder({"name", "type"})
    public record Param(@MayBeAbsent String name, TypeRef type) {
    }

    /**
     * An exported function.
     *
     * @param name    the Rust name
     * @param symbol  the exported symbol ({@code export_name} or the name)
     * @param abi     the extern ABI, for example {@code C} or {@code C-unwind}
     * @param cfg     the cfg that gates it, for example {@code feature = "extra"}, when rustdoc shows one
     */
    @JsonPropertyOrder({"name", "symbol", "path", "abi", "params", "returns", "variadic", "unwind", "unsafe", "docs",
            "deprecation", "cfg", "location"})
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record AbiFunction(String name, String symbol, String path, String abi, List<Param> params,
            @MayBeAbsent TypeRef returns, boolean variadic, boolean unwind, boolean unsafe, @MayBeAbsent String docs,
            @MayBeAbsent Deprecation deprecation, @MayBeAbsent String cfg, @MayBeAbsent SourceLocation location) {
    }

    /** A field of a struct or union, at the offset the compiler gave it. */
    @JsonPropertyOrder({"name", "type", "offset", "docs"})
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Field(String name, TypeRef type, @MayBeAbsent Long offset, @MayBeAbsent String docs) {
    }

    /** A variant of a fieldless enum and its discriminant value. */
    @JsonPropertyOrder({"name", "value", "docs"})
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Variant(String name, long value, @MayBeAbsent String docs) {
    }

    /** What sort of type an {@link AbiType} is. */
    public enum TypeKind {
        STRUCT, UNION, ENUM, OPAQUE, CALLBACK
    }

    /**
     * A type that crosses the boundary, directly or through pointers, fields or callbacks.
     *
     * @param repr    {@code C}, {@code u8}, {@code transparent}, ... or {@code Rust} when none is declared
     * @param size    bytes, as computed by the compiler; absent for opaque types and when unavailable
     * @param params  for callbacks: the parameters
     */
    @JsonPropertyOrder({"name", "path", "kind", "repr", "size", "align", "fields", "variants", "params", "returns",
            "unwind", "docs", "deprecation", "cfg", "location"})
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record AbiType(String name, String path, TypeKind kind, @MayBeAbsent String repr, @MayBeAbsent Long size,
            @MayBeAbsent Long align, @MayBeAbsent List<Field> fields, @MayBeAbsent List<Variant> variants,
            @MayBeAbsent List<Param> params, @MayBeAbsent TypeRef returns, @MayBeAbsent Boolean unwind,
            @MayBeAbsent String docs, @MayBeAbsent Deprecation deprecation, @MayBeAbsent String cfg,
            @MayBeAbsent SourceLocation location) {
    }

    /** A crate error enum: its variants are the positive status codes the exports return. */
    @JsonPropertyOrder({"name", "path", "variants", "docs"})
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ErrorEnum(String name, String path, List<Variant> variants, @MayBeAbsent String docs) {
    }

    /** A {@code pub const}. */
    @JsonPropertyOrder({"name", "type", "value", "docs", "deprecation", "location"})
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record AbiConstant(String name, TypeRef type, @MayBeAbsent String value, @MayBeAbsent String docs,
            @MayBeAbsent Deprecation deprecation, @MayBeAbsent SourceLocation location) {
    }

    /** An exported static. */
    @JsonPropertyOrder({"name", "symbol", "type", "mutable", "docs", "deprecation", "location"})
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record AbiStatic(String name, String symbol, TypeRef type, boolean mutable, @MayBeAbsent String docs,
            @MayBeAbsent Deprecation deprecation, @MayBeAbsent SourceLocation location) {
    }

    /**
     * A C scalar type name as it is on the model's target: {@code size_t} is {@code usize}, 8 bytes,
     * on x86_64 Linux; {@code char} is {@code i8} there and {@code u8} on aarch64 Linux.
     *
     * @param c         the C spelling the model's type references use
     * @param rust      the Rust primitive it is on this target ({@code i8} ... {@code u64},
     *                  {@code isize}, {@code usize}, {@code f32}, {@code f64}, {@code bool})
     * @param size      bytes
     * @param align     bytes
     * @param measured  whether the compiler said so (the layout probe), or the target triple did
     */
    @JsonPropertyOrder({"c", "rust", "size", "align", "measured"})
    public record CScalar(String c, String rust, long size, long align, boolean measured) {
    }

    /** A dynamic symbol of the built library. */
    @JsonPropertyOrder({"name", "kind", "size"})
    public record ExportedSymbol(String name, String kind, long size) {
    }

    /**
     * Something the extractor noticed that users must look at, such as a type with no C layout
     * in a signature.
     *
     * @param fix  what to do about this one, where that is more specific than its code's general
     *             fix ({@code &str}: pass a pointer and a length); absent otherwise
     */
    @JsonPropertyOrder({"code", "item", "message", "fix", "location"})
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record AbiFinding(String code, String item, String message, @MayBeAbsent String fix,
            @MayBeAbsent SourceLocation location) {

        /** A finding whose fix is its code's general one. */
        public AbiFinding(String code, String item, String message, SourceLocation location) {
            this(code, item, message, null, location);
        }
    }

    /**
     * What the crate declares through ferrule-ffi's attributes ({@code #[ferrule_ffi::expose]},
     * {@code record}, {@code enumeration}, {@code error}, {@code library!}): what each exported
     * parameter and result means to Java, read from the declarations the attributes write beside
     * each item. Absent for crates that declare nothing.
     *
     * @param prefix  the export prefix {@code library!()} named the runtime exports with
     */
    @JsonPropertyOrder({"prefix", "functions", "objects", "records", "enumerations", "errors"})
    public record Declared(@MayBeAbsent String prefix, List<DeclaredFunction> functions,
            List<DeclaredObject> objects, List<DeclaredRecord> records, List<DeclaredEnum> enumerations,
            List<String> errors) {

        public Declared {
            functions = sorted(functions, by(DeclaredFunction::symbol));
            objects = sorted(objects, by(DeclaredObject::name));
            records = sorted(records, by(DeclaredRecord::name));
            enumerations = sorted(enumerations, by(DeclaredEnum::name));
            errors = sorted(errors, Comparator.nullsFirst(Comparator.naturalOrder()));
        }

        public java.util.Optional<DeclaredFunction> function(String symbol) {
            return functions.stream().filter(f -> symbol.equals(f.symbol())).findFirst();
        }

        /** What a declared type name is: {@code record}, {@code enumeration} or {@code object}; empty otherwise. */
        public java.util.Optional<String> kindOf(String name) {
            if (records.stream().anyMatch(r -> name.equals(r.name()))) {
                return java.util.Optional.of("record");
            }
            if (enumerations.stream().anyMatch(e -> name.equals(e.name()))) {
                return java.util.Optional.of("enumeration");
            }
            if (objects.stream().anyMatch(o -> name.equals(o.name()))) {
                return java.util.Optional.of("object");
            }
            return java.util.Optional.empty();
        }
    }

    /**
     * An exported function as declared.
     *
     * @param rust   the Rust item it exports: {@code greet}, {@code Counter::add}
     * @param role   {@code function}, {@code constructor}, {@code method}, {@code static},
     *               {@code release} or {@code clone}
     * @param owner  the object type a constructor, method, static, release or clone belongs to
     * @param error  the error enum of its {@code Result}, if it returns one
     * @param critical true when declared {@code #[expose(critical)]}: a leaf call, bound with
     *               {@code Linker.Option.critical}; absent otherwise
     */
    @JsonPropertyOrder({"symbol", "rust", "role", "owner", "params", "returns", "error", "critical"})
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record DeclaredFunction(String symbol, String rust, String role, @MayBeAbsent String owner,
            List<DeclaredParam> params, DeclaredValue returns, @MayBeAbsent String error,
            @MayBeAbsent Boolean critical) {

        public DeclaredFunction {
            params = params == null ? List.of() : List.copyOf(params);
        }

        public boolean isCritical() {
            return Boolean.TRUE.equals(critical);
        }
    }

    /**
     * A parameter as declared.
     *
     * @param type     its shape: {@code i64}, {@code &str}, {@code Option<value:Settings>},
     *                 {@code object:Counter}, {@code closure:(i64)->bool}
     * @param natives  the C parameters that carry it, in order
     */
    @JsonPropertyOrder({"name", "type", "natives"})
    public record DeclaredParam(String name, String type, List<String> natives) {

        public DeclaredParam {
            natives = natives == null ? List.of() : List.copyOf(natives);
        }
    }

    /** A result as declared: its shape and the out-parameters that carry it ({@code unit}: none). */
    @JsonPropertyOrder({"type", "natives"})
    public record DeclaredValue(String type, List<String> natives) {

        public DeclaredValue {
            natives = natives == null ? List.of() : List.copyOf(natives);
        }
    }

    /** A type behind handles, with the exports that release and duplicate one. */
    @JsonPropertyOrder({"name", "release", "clone"})
    public record DeclaredObject(String name, String release, @JsonProperty("clone") String cloner) {
    }

    /** A struct that crosses by value, its fields with their shapes. */
    @JsonPropertyOrder({"name", "fields"})
    public record DeclaredRecord(String name, List<DeclaredField> fields) {

        public DeclaredRecord {
            fields = fields == null ? List.of() : List.copyOf(fields);
        }
    }

    @JsonPropertyOrder({"name", "type"})
    public record DeclaredField(String name, String type) {
    }

    /** A fieldless enum that crosses as an {@code i32}. */
    @JsonPropertyOrder({"name", "variants"})
    public record DeclaredEnum(String name, List<String> variants) {

        public DeclaredEnum {
            variants = variants == null ? List.of() : List.copyOf(variants);
        }
    }
}
