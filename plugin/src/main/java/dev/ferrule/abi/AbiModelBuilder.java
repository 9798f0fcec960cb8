package dev.ferrule.abi;

import dev.ferrule.abi.AbiModel.AbiConstant;
import dev.ferrule.abi.AbiModel.AbiFinding;
import dev.ferrule.abi.AbiModel.AbiFunction;
import dev.ferrule.abi.AbiModel.AbiStatic;
import dev.ferrule.abi.AbiModel.AbiType;
import dev.ferrule.abi.AbiModel.CScalar;
import dev.ferrule.abi.AbiModel.Deprecation;
import dev.ferrule.abi.AbiModel.ExportedSymbol;
import dev.ferrule.abi.AbiModel.Field;
import dev.ferrule.abi.AbiModel.Ownership;
import dev.ferrule.abi.AbiModel.Param;
import dev.ferrule.abi.AbiModel.SourceLocation;
import dev.ferrule.abi.AbiModel.TypeKind;
import dev.ferrule.abi.AbiModel.TypeRef;
import dev.ferrule.abi.AbiModel.Variant;
import dev.ferrule.abi.rustdoc.RustType;
import dev.ferrule.abi.rustdoc.RustdocCrate;
import dev.ferrule.abi.rustdoc.RustdocCrate.External;
import dev.ferrule.abi.rustdoc.RustdocCrate.Item;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Turns rustdoc's view of a crate, the library's real exports and the compiler's measurements
 * into an {@link AbiModel}. Types are followed from the exported signatures through pointers,
 * fields, aliases and callbacks, so every type that crosses the boundary is in the model and no
 * other is.
 *
 * <p>It works in two passes. {@link #layoutRequest()} walks the exports and says what the
 * compiler must measure: the crate's types, and every C scalar name ({@code libc::size_t},
 * {@code core::ffi::c_long}) whose meaning depends on the target. {@link #build} then makes the
 * model from those measurements.
 */
public final class AbiModelBuilder {

    private static final Set<String> POINTER_WRAPPERS = Set.of("Box", "NonNull");
    /** std wrappers that are {@code repr(transparent)} over their one type argument. */
    private static final Set<String> TRANSPARENT_WRAPPERS = Set.of("ManuallyDrop", "MaybeUninit", "Cell",
            "UnsafeCell", "NonZero", "Wrapping");
    /** The standard library's crates: their C names are core::ffi's, and the probe needs no --extern for them. */
    static final Set<String> STANDARD_CRATES = Set.of("core", "std", "alloc");

    private final RustdocCrate crate;
    private final Path workspaceRoot;
    private final Path crateDir;
    private final String target;
    private final Map<String, Item> exportedItems = new LinkedHashMap<>();
    private final Map<String, Item> reachable = new LinkedHashMap<>();
    private final Map<String, Boolean> opaque = new HashMap<>();
    private final List<AbiFinding> findings = new ArrayList<>();
    /** C scalar spellings in use, each with the Rust paths that name it, for the probe. */
    private final Map<String, SortedSet<String>> scalarPaths = new TreeMap<>();
    private Measurements measured = Measurements.unavailable(null);
    /** What the crate declares through ferrule-ffi's attributes, which decides their associated types. */
    private final Optional<AbiModel.Declared> declared;
    private final Map<String, Integer> declaredLines;

    /**
     * What the compiler must measure.
     *
     * @param types    the crate's types that cross by value, or whose layout Java needs
     * @param scalars  Rust paths of C scalar names to resolve, for example {@code libc::size_t}
     */
    public record LayoutRequest(List<Item> types, List<String> scalars) {
    }

    /**
     * @param workspaceRoot  where rustdoc's span file names are relative to
     * @param crateDir       where model locations are made relative to
     * @param target         the target triple the library was built for
     */
    public AbiModelBuilder(RustdocCrate crate, Path workspaceRoot, Path crateDir, String target)
            throws AbiException {
        this.crate = crate;
        this.workspaceRoot = workspaceRoot;
        this.crateDir = crateDir;
        this.target = target;
        Declarations.Read read = Declarations.read(crate);
        this.declared = read.declared();
        this.declaredLines = read.lines();
        collectExports();
    }

    /** A builder for the x86_64 Linux host, as most tests of the model want. */
    public AbiModelBuilder(RustdocCrate crate, Path workspaceRoot, Path crateDir) throws AbiException {
        this(crate, workspaceRoot, crateDir, "x86_64-unknown-linux-gnu");
    }

    private void collectExports() throws AbiException {
        Map<String, Item> bySymbol = new TreeMap<>();
        for (Item item : crate.items().values()) {
            String symbol = item.meta().exportName();
            if (symbol == null || !(item instanceof RustdocCrate.Function || item instanceof RustdocCrate.Static)) {
                continue;
            }
            Item clash = bySymbol.put(symbol, item);
            if (clash != null) {
                throw new AbiException("Symbol '" + symbol + "' is exported twice: by " + describe(clash) + " and by "
                        + describe(item) + ". Give one of them another #[export_name].");
            }
        }
        exportedItems.putAll(bySymbol);
        if (exportedItems.isEmpty()) {
            throw new AbiException("Crate " + crate.crateName() + " exports no C ABI: no function or static has"
                    + " #[no_mangle] or #[export_name]. Mark the functions Java should call, for example"
                    + " `#[no_mangle] pub extern \"C\" fn ...`.");
        }
    }

    private String describe(Item item) {
        return "'" + String.join("::", item.meta().path()) + "' (" + location(item) + ")";
    }

    /** The path a layout is recorded under: where the type is defined, {@code crate::module::Type}. */
    public static String layoutKey(Item item) {
        return String.join("::", item.meta().path());
    }

    /** What the compiler must be asked to measure: the types and the C scalar names the exports reach. */
    public LayoutRequest layoutRequest() {
        resolveReachableTypes();
        List<Item> types = reachable.entrySet().stream()
                .filter(e -> !opaque.getOrDefault(e.getKey(), false))
                .map(Map.Entry::getValue)
                .filter(i -> i instanceof RustdocCrate.Record || i instanceof RustdocCrate.Enum)
                .toList();
        List<String> scalars = scalarPaths.values().stream().flatMap(SortedSet::stream).distinct()
                .sorted().toList();
        return new LayoutRequest(types, scalars);
    }

    /** A model from layouts alone; C scalar names are resolved from the target triple. */
    public AbiModel build(AbiModel.CrateInfo crateInfo, AbiModel.BuildTarget target, List<ExportedSymbol> exports,
            Map<String, TypeLayout> layouts, String layoutUnavailableReason) {
        return build(crateInfo, target, exports, new Measurements(layouts, Map.of(), layoutUnavailableReason));
    }

    public AbiModel build(AbiModel.CrateInfo crateInfo, AbiModel.BuildTarget target, List<ExportedSymbol> exports,
            Measurements measurements) {
        resolveReachableTypes();
        this.measured = measurements;
        Map<String, ExportedSymbol> exported = new TreeMap<>();
        exports.forEach(e -> exported.put(e.name(), e));

        List<AbiFunction> functions = new ArrayList<>();
        List<AbiStatic> statics = new ArrayList<>();
        for (Map.Entry<String, Item> entry : exportedItems.entrySet()) {
            String symbol = entry.getKey();
            Item item = entry.getValue();
            if (exported.remove(symbol) == null) {
                finding(FindingCode.DECLARED_NOT_EXPORTED, item, symbol + " is declared by " + describe(item)
                        + " but the built library does not export it");
                continue;
            }
            if (item instanceof RustdocCrate.Function function) {
                functions.add(function(symbol, function));
            } else if (item instanceof RustdocCrate.Static variable) {
                statics.add(new AbiStatic(variable.meta().name(), symbol, ref(variable.type(), Context.VALUE, item),
                        variable.mutable(), variable.meta().docs(), deprecation(item), location(item)));
            }
        }
        List<ExportedSymbol> hidden = new ArrayList<>(exported.values());
        for (ExportedSymbol symbol : hidden) {
            findings.add(new AbiFinding(FindingCode.EXPORT_WITHOUT_DECLARATION.name(), symbol.name(),
                    "the library exports " + symbol.kind() + " '" + symbol.name() + "', which no item of the crate"
                            + " declares", null));
        }
        List<AbiType> types = new ArrayList<>();
        for (Map.Entry<String, Item> entry : List.copyOf(reachable.entrySet())) {
            types.add(type(entry.getValue(), opaque.getOrDefault(entry.getKey(), false)));
        }
        List<AbiConstant> constants = new ArrayList<>();
        for (Item item : crate.items().values()) {
            // Only constants Java can mirror as primitives; a `pub const NAME: &str` is Rust-side API.
            if (item instanceof RustdocCrate.Constant constant && item.meta().publicPath() != null
                    && scalar(constant.type()).isPresent()) {
                constants.add(new AbiConstant(constant.meta().name(), ref(constant.type(), Context.VALUE, item),
                        constant.value(), constant.meta().docs(), deprecation(item), location(item)));
            }
        }
        List<AbiModel.ErrorEnum> errors = new ArrayList<>();
        for (String id : crate.errorEnumIds()) {
            if (crate.items().get(id) instanceof RustdocCrate.Enum enumeration) {
                List<Variant> variants = new ArrayList<>();
                for (RustdocCrate.Variant variant : enumeration.variants()) {
                    if (variant.discriminant() != null) {
                        variants.add(new Variant(variant.name(), parseDiscriminant(variant.discriminant()),
                                variant.docs()));
                    }
                }
                errors.add(new AbiModel.ErrorEnum(enumeration.meta().name(),
                        String.join("::", enumeration.meta().path()), variants, enumeration.meta().docs()));
            }
        }
        return new AbiModel(AbiModel.SCHEMA_VERSION, crateInfo, target, functions, types, errors, constants, statics,
                hidden, dedupe(findings), scalarTable(), declared.orElse(null));
    }

    private static List<AbiFinding> dedupe(List<AbiFinding> findings) {
        return List.copyOf(new LinkedHashMap<>(findings.stream().collect(Collectors.toMap(
                f -> f.code() + "|" + f.item() + "|" + f.message(), f -> f, (a, b) -> a, LinkedHashMap::new)))
                .values());
    }

    private AbiFunction function(String symbol, RustdocCrate.Function function) {
        RustType.Signature sig = function.signature();
        if (sig.abi().equals("Rust")) {
            finding(FindingCode.RUST_ABI_EXPORT, function, symbol + " is exported with the Rust ABI");
        }
        List<Param> params = new ArrayList<>();
        for (RustType.Param param : sig.params()) {
            params.add(new Param(param.name(), ref(param.type(), Context.VALUE, function)));
        }
        TypeRef returns = sig.output() == null ? null : ref(sig.output(), Context.VALUE, function);
        return new AbiFunction(function.meta().name(), symbol, String.join("::", function.meta().path()),
                sig.abi() + (sig.unwind() ? "-unwind" : ""), params, returns, sig.variadic(), sig.unwind(),
                sig.unsafe(), function.meta().docs(), deprecation(function), function.meta().cfg(),
                atDeclaredLine(location(function), symbol));
    }

    /** An attribute's export at its author's function rather than at the attribute. */
    private SourceLocation atDeclaredLine(SourceLocation location, String symbol) {
        Integer line = declaredLines.get(symbol);
        return location == null || line == null ? location : new SourceLocation(location.file(), line);
    }

    /** Whether a type appears where its layout matters (by value) or only behind a pointer. */
    private enum Context {
        VALUE, POINTEE
    }

    private void resolveReachableTypes() {
        if (!reachable.isEmpty() || !scalarPaths.isEmpty()) {
            return;
        }
        for (Item item : exportedItems.values()) {
            if (item instanceof RustdocCrate.Function function) {
                function.signature().params().forEach(p -> ref(p.type(), Context.VALUE, item));
                if (function.signature().output() != null) {
                    ref(function.signature().output(), Context.VALUE, item);
                }
            } else if (item instanceof RustdocCrate.Static variable) {
                ref(variable.type(), Context.VALUE, item);
            }
        }
        for (Item item : crate.items().values()) {
            if (item instanceof RustdocCrate.Constant constant && item.meta().publicPath() != null) {
                scalar(constant.type()).ifPresent(s -> usesScalar(s.spelling(), s.probePath()));
            }
        }
        findings.clear();
    }

    /** Maps a Rust type to its C form, registering the crate's types and the C scalars it reaches. */
    private TypeRef ref(RustType type, Context context, Item owner) {
        Optional<ScalarName> scalar = scalar(type);
        if (scalar.isPresent()) {
            return scalarRef(scalar.get(), type, owner);
        }
        if (type instanceof RustType.Primitive primitive && primitive.name().equals("never")) {
            return new TypeRef("void", "!", null, null);
        }
        if (type instanceof RustType.Primitive primitive) {
            return unsafe(type, owner, "`" + primitive.name() + "` has no C equivalent", primitiveHint(primitive));
        }
        if (type instanceof RustType.Tuple tuple) {
            return tuple.elements().isEmpty() ? new TypeRef("void", "()", null, null)
                    : unsafe(type, owner, "tuples have no C layout",
                            "use a #[repr(C)] struct with a named field per element");
        }
        if (type instanceof RustType.Reference reference) {
            if (isUnsized(reference.target())) {
                return fatPointer(type, owner);
            }
            return pointer(reference.target(), !reference.mutable(), type,
                    reference.mutable() ? Ownership.BORROWED_MUT : Ownership.BORROWED, false, owner);
        }
        if (type instanceof RustType.RawPointer pointer) {
            if (isUnsized(pointer.target())) {
                return fatPointer(type, owner);
            }
            return pointer(pointer.target(), !pointer.mutable(), type, Ownership.RAW, null, owner);
        }
        if (type instanceof RustType.FunctionPointer fn) {
            return new TypeRef(callbackC(fn.signature(), owner), type.display(), null, false);
        }
        if (type instanceof RustType.Array array) {
            TypeRef element = ref(array.element(), Context.VALUE, owner);
            return new TypeRef(element.c() + "[" + array.length() + "]", type.display(), null, null);
        }
        if (type instanceof RustType.Named named) {
            return named(named, context, owner);
        }
        if (type instanceof RustType.Projection projection) {
            return projection(projection, owner);
        }
        return unsafe(type, owner, "`" + type.display() + "` has no C layout",
                "pass a #[repr(C)] type, an opaque handle, or a (pointer, length) pair");
    }

    private TypeRef fatPointer(RustType type, Item owner) {
        return unsafe(type, owner, "`" + type.display() + "` is a fat pointer (address and length)",
                "pass the address and the length as two parameters: `*const u8` (or `*const T`) and `usize`");
    }

    private static String primitiveHint(RustType.Primitive primitive) {
        return switch (primitive.name()) {
            case "u128", "i128" -> "128-bit integers have no C type on most targets and no FFM layout; pass two"
                    + " u64 halves, or a pointer to 16 bytes";
            case "char" -> "Rust's char is a 4-byte Unicode scalar value with invalid bit patterns; pass it as u32";
            case "str" -> "pass the address and the length of its UTF-8 bytes: `*const u8` and `usize`";
            default -> "use a fixed-width integer or float type";
        };
    }

    /**
     * {@code <T as ferrule_ffi::bridge::Argument>::Abi} and {@code ..Output>::Abi}, which the
     * attributes write for records, enumerations and objects: a record crosses as its struct, an
     * enumeration as its {@code i32} enum, an object as its {@code u64} handle. The crate's
     * declarations say which one {@code T} is.
     */
    private TypeRef projection(RustType.Projection projection, Item owner) {
        String trait = crate.externalPath(projection.traitId()).orElse(projection.traitPath());
        boolean bridge = projection.name().equals("Abi") && (trait.equals("ferrule_ffi::bridge::Argument")
                || trait.equals("ferrule_ffi::bridge::Output"));
        String name = projection.self() instanceof RustType.Named named ? named.lastSegment()
                : projection.self().display();
        Optional<String> kind = bridge ? declared.flatMap(d -> d.kindOf(name)) : Optional.empty();
        if (kind.isEmpty()) {
            return unsafe(projection, owner, "`" + projection.display() + "` is an associated type, whose C form"
                    + " rustdoc does not show", "name the C type itself");
        }
        TypeRef form = kind.get().equals("object") ? ref(new RustType.Primitive("u64"), Context.VALUE, owner)
                : ref(projection.self(), Context.VALUE, owner);
        return new TypeRef(form.c(), projection.display(), form.ownership(), form.nullable());
    }

    private TypeRef named(RustType.Named named, Context context, Item owner) {
        Item local = named.itemId() == null ? null : crate.items().get(named.itemId());
        if (local == null) {
            local = crate.externalPath(named.itemId()).flatMap(KnownExternalTypes::lookup).orElse(null);
        }
        if (local != null) {
            return local(named, local, context, owner);
        }
        String last = named.lastSegment();
        if (last.equals("Option") && named.args().size() == 1) {
            TypeRef inner = ref(named.args().get(0), context, owner);
            if (Boolean.FALSE.equals(inner.nullable())) {
                return new TypeRef(inner.c(), named.display(), inner.ownership(), true);
            }
            if (named.args().get(0).display().contains("NonZero")
                    && CType.parse(inner.c()).kind() != CType.Kind.UNKNOWN) {
                // None is the zero the NonZero type cannot hold: the same C integer.
                return new TypeRef(inner.c(), named.display(), null, null);
            }
            return unsafe(named, owner, "`" + named.display() + "` has a C layout only around a non-null pointer"
                    + " or function pointer", "pass a pointer that may be null, or a value and a separate flag");
        }
        if (POINTER_WRAPPERS.contains(last) && named.args().size() == 1) {
            RustType target = named.args().get(0);
            if (isUnsized(target)) {
                return unsafe(named, owner, "`" + named.display() + "` is a fat pointer",
                        "box a sized type (Box<Vec<T>> instead of Box<[T]>) and pass it as an opaque handle");
            }
            return pointer(target, false, named,
                    last.equals("Box") ? Ownership.OWNED : Ownership.RAW, false, owner);
        }
        Optional<External> external = crate.external(named.itemId());
        boolean standard = external.map(e -> STANDARD_CRATES.contains(e.crate())).orElse(true);
        if (standard && TRANSPARENT_WRAPPERS.contains(last) && named.args().size() == 1) {
            TypeRef inner = ref(named.args().get(0), context, owner);
            return new TypeRef(inner.c(), named.display(), inner.ownership(), inner.nullable());
        }
        if (last.equals("c_void") && standard) {
            if (context == Context.VALUE) {
                return unsafe(named, owner, "`c_void` has no size; it only describes what a pointer points at",
                        "pass `*mut c_void` (or `*const c_void`)");
            }
            return new TypeRef("void", named.display(), null, null);
        }
        if (external.isPresent() && !standard) {
            return externalItem(named, external.get(), context, owner);
        }
        return unsafe(named, owner, "`" + named.display() + "` has no C layout", standardHint(last));
    }

    private static String standardHint(String name) {
        return switch (name) {
            case "String", "CString", "OsString", "PathBuf" -> "pass the address and length of its bytes"
                    + " (`*const u8`, `usize`), or a `*const c_char` from CString::into_raw with a function that"
                    + " frees it";
            case "Vec", "VecDeque" -> "pass the address and the length of its elements (`*const T`, `usize`)";
            case "Arc", "Rc" -> "pass it as an opaque pointer (Arc::into_raw) with a function that releases it";
            default -> "pass a #[repr(C)] type, an opaque handle, or a (pointer, length) pair";
        };
    }

    /** A struct, union or enum of another crate (such as {@code libc::timespec}). */
    private TypeRef externalItem(RustType.Named named, External external, Context context, Item owner) {
        String tag = external.kind().equals("union") ? "union " : "struct ";
        if (context == Context.POINTEE) {
            return new TypeRef(tag + external.name(), named.display(), null, null);
        }
        finding(FindingCode.UNRESOLVED_TYPE, owner, "`" + named.display() + "` (crate " + external.crate()
                + ") is used by value in " + describe(owner) + ", and its fields are not visible to Ferrule:"
                + " rustdoc describes only this crate", "pass it behind a pointer, or mirror it in a #[repr(C)]"
                + " struct of this crate");
        return new TypeRef(tag + external.name(), named.display(), null, null);
    }

    /** A C scalar type and how the probe names it. */
    private record ScalarName(String spelling, String probePath) {
    }

    /**
     * The C scalar a type is, if it is one: a Rust primitive, a C type name from libc, core::ffi,
     * std::os::raw or another crate (an alias the compiler resolves), or a local alias of one.
     */
    private Optional<ScalarName> scalar(RustType type) {
        if (type instanceof RustType.Primitive primitive) {
            return CScalars.spellingOfPrimitive(primitive.name()).map(c -> new ScalarName(c, primitive.name()));
        }
        if (!(type instanceof RustType.Named named)) {
            return Optional.empty();
        }
        Item local = named.itemId() == null ? null : crate.items().get(named.itemId());
        if (local instanceof RustdocCrate.TypeAlias alias) {
            return scalar(alias.target());
        }
        if (local != null || crate.externalPath(named.itemId()).flatMap(KnownExternalTypes::lookup).isPresent()) {
            return Optional.empty();
        }
        String last = named.lastSegment();
        Optional<External> external = crate.external(named.itemId());
        Optional<String> spelling = CScalars.spellingOfName(last);
        if (external.isEmpty()) {
            // No rustdoc id (rare): only the vocabulary's names, by where they usually live.
            return spelling.map(c -> new ScalarName(c, last.startsWith("c_") ? "core::ffi::" + last
                    : last.startsWith("NonZero") ? "core::num::" + last : named.path()));
        }
        External item = external.get();
        boolean alias = item.kind().equals("type_alias");
        if (spelling.isEmpty() && !alias) {
            return Optional.empty();
        }
        if (STANDARD_CRATES.contains(item.crate())) {
            if (spelling.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new ScalarName(spelling.get(), (last.startsWith("NonZero") ? "core::num::"
                    : "core::ffi::") + last));
        }
        // Crates like libc re-export their C names at the root; where the source names the type by
        // a full path, that path is nameable too.
        String probePath = named.path().startsWith(item.crate() + "::") ? named.path() : item.crate() + "::" + last;
        return Optional.of(new ScalarName(spelling.orElse(last), probePath));
    }

    private TypeRef scalarRef(ScalarName scalar, RustType type, Item owner) {
        usesScalar(scalar.spelling(), scalar.probePath());
        if (isResolved(scalar)) {
            return new TypeRef(scalar.spelling(), type.display(), null, null);
        }
        Measurements.Scalar probed = measured.scalars().get(scalar.probePath());
        String why = probed != null
                ? "`" + type.display() + "` is " + probed.size() + " bytes but no C scalar: an alias of a struct"
                        + " or pointer that Ferrule cannot see, since rustdoc describes only this crate"
                : "what `" + type.display() + "` is on " + target + " could not be measured ("
                        + (measured.unavailableReason() == null ? "the probe could not name it"
                                : measured.unavailableReason()) + "), and the target triple does not decide it";
        finding(FindingCode.UNRESOLVED_TYPE, owner, why + " (in " + describe(owner) + ")",
                probed != null ? "name the type it stands for (for a pointer, `*mut c_void`)"
                        : "build for the host target to measure it, or use the Rust primitive it stands for");
        return new TypeRef(scalar.spelling(), type.display(), null, null);
    }

    private void usesScalar(String spelling, String probePath) {
        scalarPaths.computeIfAbsent(spelling, k -> new TreeSet<>()).add(probePath);
    }

    private boolean isResolved(ScalarName scalar) {
        Measurements.Scalar probed = measured.scalars().get(scalar.probePath());
        if (probed != null) {
            return probed.primitive() != null;
        }
        return CScalars.isScalarPrimitive(scalar.probePath())
                || CScalars.primitiveOn(scalar.spelling(), target).isPresent();
    }

    /** The C scalars the model uses, each with what it is on this target. */
    private List<CScalar> scalarTable() {
        long pointerBytes = CScalars.pointerBits(target) / 8;
        List<CScalar> table = new ArrayList<>();
        scalarPaths.forEach((spelling, paths) -> {
            for (String path : paths) {
                Measurements.Scalar probed = measured.scalars().get(path);
                if (probed != null && probed.primitive() != null) {
                    table.add(new CScalar(spelling, probed.primitive(), probed.size(), probed.align(), true));
                    return;
                }
            }
            String path = paths.first();
            Optional<String> primitive = CScalars.isScalarPrimitive(path) ? Optional.of(path)
                    : CScalars.primitiveOn(spelling, target);
            primitive.ifPresent(p -> {
                long size = CScalars.sizeOf(p, pointerBytes);
                table.add(new CScalar(spelling, p, size, size, false));
            });
        });
        return table;
    }

    private TypeRef local(RustType.Named named, Item local, Context context, Item owner) {
        if (local instanceof RustdocCrate.TypeAlias alias) {
            Optional<RustType.Signature> callback = callbackSignature(alias);
            if (callback.isPresent()) {
                register(local, false);
                callbackC(callback.get(), local);
                return new TypeRef(local.meta().name(), named.display(), null, isOption(alias.target()));
            }
            TypeRef target = ref(alias.target(), context, owner);
            return new TypeRef(target.c(), named.display(), target.ownership(), target.nullable());
        }
        if (local instanceof RustdocCrate.Record record) {
            Optional<RustdocCrate.Field> wrapped = transparentField(record);
            if (wrapped.isPresent()) {
                // repr(transparent) has the ABI of its one field, which is what a C header declares.
                register(local, false);
                TypeRef inner = ref(wrapped.get().type(), context, owner);
                return new TypeRef(inner.c(), named.display(), inner.ownership(), inner.nullable());
            }
            boolean cRepr = hasCRepr(record.meta().repr());
            if (context == Context.VALUE && !cRepr) {
                finding(FindingCode.NOT_REPR_C, owner, "`" + local.meta().name() + "` is used by value in "
                        + describe(owner) + " but has no #[repr(C)]");
            }
            register(local, context == Context.POINTEE && !cRepr);
            return new TypeRef((record.union() ? "union " : "struct ") + local.meta().name(), named.display(), null,
                    null);
        }
        if (local instanceof RustdocCrate.Enum enumeration) {
            boolean fieldless = enumeration.variants().stream().noneMatch(RustdocCrate.Variant::hasFields);
            boolean repr = enumeration.meta().repr() != null;
            if (context == Context.VALUE && !(fieldless && repr)) {
                finding(FindingCode.NOT_REPR_C, owner, "`" + local.meta().name() + "` is used by value in "
                        + describe(owner) + " but is not a fieldless enum with #[repr(C)] or #[repr(<int>)]");
            }
            register(local, context == Context.POINTEE && !(fieldless && repr));
            return new TypeRef("enum " + local.meta().name(), named.display(), null, null);
        }
        return unsafe(named, owner, "`" + named.display() + "` is not a type", "name a type here");
    }

    /** The signature of an alias of {@code extern "C" fn(..)} or {@code Option<extern "C" fn(..)>}. */
    private static Optional<RustType.Signature> callbackSignature(RustdocCrate.TypeAlias alias) {
        RustType target = alias.target();
        if (isOption(target)) {
            target = ((RustType.Named) target).args().get(0);
        }
        return target instanceof RustType.FunctionPointer fn ? Optional.of(fn.signature()) : Optional.empty();
    }

    private static boolean isOption(RustType type) {
        return type instanceof RustType.Named named && named.lastSegment().equals("Option")
                && named.args().size() == 1;
    }

    /** For {@code #[repr(transparent)]}, the one field that is not zero-sized by construction. */
    private static Optional<RustdocCrate.Field> transparentField(RustdocCrate.Record record) {
        String repr = record.meta().repr();
        if (record.union() || repr == null || !repr.startsWith("transparent")) {
            return Optional.empty();
        }
        List<RustdocCrate.Field> fields = record.fields().stream()
                .filter(f -> !(f.type() instanceof RustType.Named n && n.lastSegment().equals("PhantomData")))
                .toList();
        return fields.size() == 1 ? Optional.of(fields.get(0)) : Optional.empty();
    }

    private TypeRef pointer(RustType target, boolean constant, RustType whole, Ownership ownership, Boolean nullable,
            Item owner) {
        CType pointee = CType.parse(ref(target, Context.POINTEE, owner).c());
        return new TypeRef(new CType.Pointer(pointee, constant).spelling(), whole.display(), ownership, nullable);
    }

    private String callbackC(RustType.Signature sig, Item owner) {
        if (sig.abi().equals("Rust")) {
            finding(FindingCode.FFI_UNSAFE_TYPE, owner, "a function pointer in " + describe(owner)
                    + " uses the Rust ABI", "declare the function pointer type extern \"C\"");
        }
        String ret = sig.output() == null ? "void" : ref(sig.output(), Context.VALUE, owner).c();
        String args = sig.params().isEmpty() ? "void" : sig.params().stream()
                .map(p -> ref(p.type(), Context.VALUE, owner).c()).collect(Collectors.joining(", "));
        return ret + " (*)(" + args + (sig.variadic() ? ", ..." : "") + ")";
    }

    private void register(Item item, boolean onlyBehindPointer) {
        String id = item.meta().id();
        Boolean previous = opaque.get(id);
        boolean nowOpaque = previous == null ? onlyBehindPointer : previous && onlyBehindPointer;
        opaque.put(id, nowOpaque);
        if (reachable.containsKey(id) && previous != null && previous == nowOpaque) {
            return;
        }
        reachable.put(id, item);
        if (!nowOpaque && item instanceof RustdocCrate.Record record) {
            for (RustdocCrate.Field field : record.fields()) {
                ref(field.type(), Context.VALUE, item);
            }
        }
    }

    private AbiType type(Item item, boolean isOpaque) {
        String path = String.join("::", item.meta().path());
        TypeLayout layout = measured.types().get(layoutKey(item));
        if (!isOpaque && layout == null && (item instanceof RustdocCrate.Record || item instanceof RustdocCrate.Enum)) {
            layoutFinding(item, path);
        }
        Long size = layout == null ? null : layout.size();
        Long align = layout == null ? null : layout.align();
        if (isOpaque) {
            return new AbiType(item.meta().name(), path, TypeKind.OPAQUE, reprOf(item), null, null, null, null, null,
                    null, null, item.meta().docs(), deprecation(item), item.meta().cfg(), location(item));
        }
        if (item instanceof RustdocCrate.Record record) {
            List<Field> fields = new ArrayList<>();
            for (RustdocCrate.Field field : record.fields()) {
                Long offset = layout == null ? null : layout.offsets().get(field.name());
                fields.add(new Field(field.name(), ref(field.type(), Context.VALUE, item), offset, field.docs()));
            }
            return new AbiType(item.meta().name(), path, record.union() ? TypeKind.UNION : TypeKind.STRUCT,
                    reprOf(item), size, align, fields, null, null, null, null, item.meta().docs(), deprecation(item),
                    item.meta().cfg(), location(item));
        }
        if (item instanceof RustdocCrate.Enum enumeration) {
            List<Variant> variants = new ArrayList<>();
            long implicit = 0;
            for (RustdocCrate.Variant variant : enumeration.variants()) {
                Long measuredValue = layout == null ? null : layout.discriminants().get(variant.name());
                long value = measuredValue != null ? measuredValue
                        : variant.discriminant() != null ? parseDiscriminant(variant.discriminant()) : implicit;
                variants.add(new Variant(variant.name(), value, variant.docs()));
                implicit = value + 1;
            }
            return new AbiType(item.meta().name(), path, TypeKind.ENUM, reprOf(item), size, align, null, variants,
                    null, null, null, item.meta().docs(), deprecation(item), item.meta().cfg(), location(item));
        }
        RustdocCrate.TypeAlias alias = (RustdocCrate.TypeAlias) item;
        RustType.Signature sig = callbackSignature(alias).orElseThrow();
        List<Param> params = sig.params().stream().map(p -> new Param(p.name(), ref(p.type(), Context.VALUE, item)))
                .toList();
        TypeRef returns = sig.output() == null ? null : ref(sig.output(), Context.VALUE, item);
        return new AbiType(item.meta().name(), path, TypeKind.CALLBACK, null, null, null, null, null, params, returns,
                sig.unwind(), item.meta().docs(), deprecation(item), item.meta().cfg(), location(item));
    }

    private void layoutFinding(Item item, String path) {
        if (measured.unavailableReason() != null) {
            finding(FindingCode.LAYOUT_UNAVAILABLE, item, "no compiler layout for `" + path + "`: "
                    + measured.unavailableReason(), "build for the host target to measure it");
        } else if (item.meta().publicPath() == null) {
            finding(FindingCode.LAYOUT_UNAVAILABLE, item, "no compiler layout for `" + path + "`: no program"
                    + " outside the crate can name it (it is not `pub` on a public path, nor re-exported with"
                    + " `pub use`), and the compiler's own type-size report did not list it, because no code of"
                    + " the crate uses it by value", "make it `pub` and reachable (for example `pub use " + path
                    + ";` in lib.rs)");
        } else {
            finding(FindingCode.LAYOUT_UNAVAILABLE, item, "no compiler layout for `" + path + "`: the layout"
                    + " probe did not report it", "run the build again; if it persists, report it with the crate");
        }
    }

    private static long parseDiscriminant(String value) {
        return Long.parseLong(value.replaceAll("[^0-9-]", ""));
    }

    private static String reprOf(Item item) {
        return item.meta().repr() == null ? "Rust" : item.meta().repr();
    }

    private static boolean hasCRepr(String repr) {
        return repr != null && (repr.startsWith("C") || repr.startsWith("transparent"));
    }

    private static boolean isUnsized(RustType type) {
        return type instanceof RustType.Slice
                || (type instanceof RustType.Primitive p && p.name().equals("str"))
                || (type instanceof RustType.Other o && o.description().startsWith("dyn "));
    }

    private TypeRef unsafe(RustType type, Item owner, String why, String fix) {
        finding(FindingCode.FFI_UNSAFE_TYPE, owner, why + " (in " + describe(owner) + ")", fix);
        return new TypeRef("<not FFI-safe>", type.display(), null, null);
    }

    private void finding(FindingCode code, Item item, String message) {
        finding(code, item, message, null);
    }

    private void finding(FindingCode code, Item item, String message, String fix) {
        findings.add(new AbiFinding(code.name(), String.join("::", item.meta().path()), message, fix,
                location(item)));
    }

    private static Deprecation deprecation(Item item) {
        RustdocCrate.Deprecation d = item.meta().deprecation();
        return d == null ? null : new Deprecation(d.since(), d.note());
    }

    private SourceLocation location(Item item) {
        RustdocCrate.Span span = item.meta().span();
        if (span == null) {
            return null;
        }
        Path file = workspaceRoot.resolve(span.file()).normalize();
        String shown = file.startsWith(crateDir) ? crateDir.relativize(file).toString() : span.file();
        return new SourceLocation(shown.replace('\\', '/'), span.line());
    }
}
