package dev.ferrule.abi;

import dev.ferrule.abi.AbiModel.AbiConstant;
import dev.ferrule.abi.AbiModel.AbiFinding;
import dev.ferrule.abi.AbiModel.AbiFunction;
import dev.ferrule.abi.AbiModel.AbiStatic;
import dev.ferrule.abi.AbiModel.AbiType;
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
import dev.ferrule.abi.rustdoc.RustdocCrate.Item;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Turns rustdoc's view of a crate, the library's real exports and the compiler's layouts into an
 * {@link AbiModel}. Types are followed from the exported signatures through pointers, fields and
 * callbacks, so every type that crosses the boundary is in the model and no other is.
 */
public final class AbiModelBuilder {

    private static final Map<String, String> PRIMITIVES = Map.ofEntries(
            Map.entry("i8", "int8_t"), Map.entry("u8", "uint8_t"), Map.entry("i16", "int16_t"),
            Map.entry("u16", "uint16_t"), Map.entry("i32", "int32_t"), Map.entry("u32", "uint32_t"),
            Map.entry("i64", "int64_t"), Map.entry("u64", "uint64_t"), Map.entry("isize", "intptr_t"),
            Map.entry("usize", "size_t"), Map.entry("f32", "float"), Map.entry("f64", "double"),
            Map.entry("bool", "bool"), Map.entry("never", "void"));

    private static final Map<String, String> C_ALIASES = Map.ofEntries(
            Map.entry("c_void", "void"), Map.entry("c_char", "char"), Map.entry("c_schar", "signed char"),
            Map.entry("c_uchar", "unsigned char"), Map.entry("c_short", "short"),
            Map.entry("c_ushort", "unsigned short"), Map.entry("c_int", "int"), Map.entry("c_uint", "unsigned int"),
            Map.entry("c_long", "long"), Map.entry("c_ulong", "unsigned long"), Map.entry("c_longlong", "long long"),
            Map.entry("c_ulonglong", "unsigned long long"), Map.entry("c_float", "float"),
            Map.entry("c_double", "double"), Map.entry("NonZeroU8", "uint8_t"), Map.entry("NonZeroU16", "uint16_t"),
            Map.entry("NonZeroU32", "uint32_t"), Map.entry("NonZeroU64", "uint64_t"),
            Map.entry("NonZeroI32", "int32_t"), Map.entry("NonZeroI64", "int64_t"),
            Map.entry("NonZeroUsize", "size_t"));

    private static final Set<String> POINTER_WRAPPERS = Set.of("Box", "NonNull");

    private final RustdocCrate crate;
    private final Path workspaceRoot;
    private final Path crateDir;
    private final Map<String, Item> exportedItems = new LinkedHashMap<>();
    private final Map<String, Item> reachable = new LinkedHashMap<>();
    private final Map<String, Boolean> opaque = new HashMap<>();
    private final List<AbiFinding> findings = new ArrayList<>();

    /**
     * @param workspaceRoot  where rustdoc's span file names are relative to
     * @param crateDir       where model locations are made relative to
     */
    public AbiModelBuilder(RustdocCrate crate, Path workspaceRoot, Path crateDir) throws AbiException {
        this.crate = crate;
        this.workspaceRoot = workspaceRoot;
        this.crateDir = crateDir;
        collectExports();
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

    /** The types whose layout the compiler must be asked for, with the path to name them by. */
    public List<Item> typesNeedingLayout() {
        resolveReachableTypes();
        return reachable.entrySet().stream()
                .filter(e -> !opaque.getOrDefault(e.getKey(), false))
                .map(Map.Entry::getValue)
                .filter(i -> i instanceof RustdocCrate.Record || i instanceof RustdocCrate.Enum)
                .toList();
    }

    public AbiModel build(AbiModel.CrateInfo crateInfo, AbiModel.BuildTarget target, List<ExportedSymbol> exports,
            Map<String, TypeLayout> layouts, String layoutUnavailableReason) {
        resolveReachableTypes();
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
            types.add(type(entry.getValue(), opaque.getOrDefault(entry.getKey(), false), layouts,
                    layoutUnavailableReason));
        }
        List<AbiConstant> constants = new ArrayList<>();
        for (Item item : crate.items().values()) {
            // Only constants Java can mirror as primitives; a `pub const NAME: &str` is Rust-side API.
            if (item instanceof RustdocCrate.Constant constant && item.meta().publicPath() != null
                    && constant.type() instanceof RustType.Primitive primitive
                    && PRIMITIVES.containsKey(primitive.name())) {
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
                hidden, dedupe(findings));
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
                sig.unsafe(), function.meta().docs(), deprecation(function), function.meta().cfg(), location(function));
    }

    /** Whether a type appears where its layout matters (by value) or only behind a pointer. */
    private enum Context {
        VALUE, POINTEE
    }

    private void resolveReachableTypes() {
        if (!reachable.isEmpty()) {
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
        findings.clear();
    }

    /** Maps a Rust type to its C form, registering the crate's types it reaches. */
    private TypeRef ref(RustType type, Context context, Item owner) {
        if (type instanceof RustType.Primitive primitive) {
            String c = PRIMITIVES.get(primitive.name());
            if (c == null) {
                return unsafe(type, owner, "`" + primitive.name() + "` has no C equivalent");
            }
            return new TypeRef(c, type.display(), null, null);
        }
        if (type instanceof RustType.Tuple tuple) {
            return tuple.elements().isEmpty() ? new TypeRef("void", "()", null, null)
                    : unsafe(type, owner, "tuples have no C layout");
        }
        if (type instanceof RustType.Reference reference) {
            if (isUnsized(reference.target())) {
                return unsafe(type, owner, "`" + type.display() + "` is a fat pointer (address and length)");
            }
            return pointer(reference.target(), !reference.mutable(), type,
                    reference.mutable() ? Ownership.BORROWED_MUT : Ownership.BORROWED, false, owner);
        }
        if (type instanceof RustType.RawPointer pointer) {
            if (isUnsized(pointer.target())) {
                return unsafe(type, owner, "`" + type.display() + "` is a fat pointer (address and length)");
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
        return unsafe(type, owner, "`" + type.display() + "` has no C layout");
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
            return unsafe(named, owner, "`" + named.display() + "` has a C layout only around a non-null pointer"
                    + " or function pointer");
        }
        if (POINTER_WRAPPERS.contains(last) && named.args().size() == 1) {
            RustType target = named.args().get(0);
            if (isUnsized(target)) {
                return unsafe(named, owner, "`" + named.display() + "` is a fat pointer");
            }
            return pointer(target, false, named,
                    last.equals("Box") ? Ownership.OWNED : Ownership.RAW, false, owner);
        }
        String c = C_ALIASES.get(last);
        if (c != null) {
            return new TypeRef(c, named.display(), null, null);
        }
        return unsafe(named, owner, "`" + named.display() + "` is not known to have a C layout");
    }

    private TypeRef local(RustType.Named named, Item local, Context context, Item owner) {
        if (local instanceof RustdocCrate.TypeAlias alias) {
            if (alias.target() instanceof RustType.FunctionPointer fn) {
                register(local, false);
                callbackC(fn.signature(), local);
                return new TypeRef(local.meta().name(), named.display(), null, false);
            }
            TypeRef target = ref(alias.target(), context, owner);
            return new TypeRef(target.c(), named.display(), target.ownership(), target.nullable());
        }
        if (local instanceof RustdocCrate.Record record) {
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
        return unsafe(named, owner, "`" + named.display() + "` is not a type");
    }

    private TypeRef pointer(RustType target, boolean constant, RustType whole, Ownership ownership, Boolean nullable,
            Item owner) {
        String pointee = ref(target, Context.POINTEE, owner).c();
        String c = pointee.endsWith("*") ? pointee + (constant ? " const*" : "*")
                : (constant ? "const " : "") + pointee + "*";
        return new TypeRef(c, whole.display(), ownership, nullable);
    }

    private String callbackC(RustType.Signature sig, Item owner) {
        if (sig.abi().equals("Rust")) {
            finding(FindingCode.FFI_UNSAFE_TYPE, owner, "a function pointer in " + describe(owner)
                    + " uses the Rust ABI");
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
        Deque<RustType> nested = new ArrayDeque<>();
        if (!nowOpaque && item instanceof RustdocCrate.Record record) {
            record.fields().forEach(f -> nested.add(f.type()));
        }
        for (RustType type : nested) {
            ref(type, Context.VALUE, item);
        }
    }

    private AbiType type(Item item, boolean isOpaque, Map<String, TypeLayout> layouts, String layoutUnavailable) {
        String path = String.join("::", item.meta().path());
        TypeLayout layout = item.meta().publicPath() == null ? null : layouts.get(item.meta().publicPath());
        if (!isOpaque && layout == null && (item instanceof RustdocCrate.Record || item instanceof RustdocCrate.Enum)) {
            finding(FindingCode.LAYOUT_UNAVAILABLE, item, "no compiler layout for `" + path + "`: "
                    + (item.meta().publicPath() == null ? "it is not reachable through public modules"
                            : layoutUnavailable));
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
                Long measured = layout == null ? null : layout.discriminants().get(variant.name());
                long value = measured != null ? measured
                        : variant.discriminant() != null ? parseDiscriminant(variant.discriminant()) : implicit;
                variants.add(new Variant(variant.name(), value, variant.docs()));
                implicit = value + 1;
            }
            return new AbiType(item.meta().name(), path, TypeKind.ENUM, reprOf(item), size, align, null, variants,
                    null, null, null, item.meta().docs(), deprecation(item), item.meta().cfg(), location(item));
        }
        RustdocCrate.TypeAlias alias = (RustdocCrate.TypeAlias) item;
        RustType.Signature sig = ((RustType.FunctionPointer) alias.target()).signature();
        List<Param> params = sig.params().stream().map(p -> new Param(p.name(), ref(p.type(), Context.VALUE, item)))
                .toList();
        TypeRef returns = sig.output() == null ? null : ref(sig.output(), Context.VALUE, item);
        return new AbiType(item.meta().name(), path, TypeKind.CALLBACK, null, null, null, null, null, params, returns,
                sig.unwind(), item.meta().docs(), deprecation(item), item.meta().cfg(), location(item));
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

    private TypeRef unsafe(RustType type, Item owner, String why) {
        finding(FindingCode.FFI_UNSAFE_TYPE, owner, why + " (in " + describe(owner) + ")");
        return new TypeRef("<not FFI-safe>", type.display(), null, null);
    }

    private void finding(FindingCode code, Item item, String message) {
        findings.add(new AbiFinding(code.name(), String.join("::", item.meta().path()), message, location(item)));
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
