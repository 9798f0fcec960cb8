package dev.ferrule.abi.rustdoc;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The parts of a crate's rustdoc JSON that the ABI model needs, in a form that does not change
 * when rustdoc's format does.
 *
 * @param formatVersion  the rustdoc JSON {@code format_version} this was read from
 * @param items          every item of the crate itself, by rustdoc id
 * @param externals      items from other crates that the crate's items name, by rustdoc id
 * @param errorEnumIds   the crate's enums that implement ferrule-ffi's {@code ErrorCode}: its status codes
 */
public record RustdocCrate(int formatVersion, String crateName, String crateVersion, Map<String, Item> items,
        Map<String, External> externals, java.util.Set<String> errorEnumIds) {

    public RustdocCrate(int formatVersion, String crateName, String crateVersion, Map<String, Item> items) {
        this(formatVersion, crateName, crateVersion, items, Map.of(), java.util.Set.of());
    }

    public Optional<Item> item(String id) {
        return Optional.ofNullable(items.get(id));
    }

    /** The full path of an item from another crate, for example {@code ferrule_ffi::memory::FfiBuffer}. */
    public Optional<String> externalPath(String id) {
        return external(id).map(External::path);
    }

    public Optional<External> external(String id) {
        return Optional.ofNullable(id == null ? null : externals.get(id));
    }

    /**
     * An item of another crate, as far as rustdoc JSON describes it: only where it is defined and
     * what kind of item it is, never its contents.
     *
     * @param crate  the defining crate's name, for example {@code libc} or {@code core}
     * @param path   where it is defined, for example {@code libc::unix::size_t}; the modules on
     *               the way may be private
     * @param kind   rustdoc's item kind: {@code type_alias}, {@code struct}, {@code enum}, ...
     */
    public record External(String crate, String path, String kind) {

        public String name() {
            return path.substring(path.lastIndexOf(':') + 1);
        }
    }

    /** Where an item is declared: a path relative to the workspace root, and a line. */
    public record Span(String file, int line) {
    }

    /** {@code #[deprecated]}. */
    public record Deprecation(String since, String note) {
    }

    /**
     * Attributes and metadata shared by all items.
     *
     * @param publicPath  the path under which code outside the crate can name the item, or null
     *                    when it is not reachable (for example, it sits in a private module)
     * @param repr        {@code C}, {@code u8}, {@code transparent}, ... or null
     * @param exportName  the symbol from {@code #[no_mangle]} or {@code #[export_name]}, or null
     * @param cfg         the cfg that gates the item, when rustdoc shows one
     */
    public record Meta(String id, String name, List<String> path, String publicPath, String docs,
            Deprecation deprecation, Span span, String repr, String exportName, String cfg) {
    }

    /** One item of the crate. */
    public sealed interface Item {
        Meta meta();
    }

    public record Function(Meta meta, RustType.Signature signature) implements Item {
    }

    /** A named or tuple field; {@code visible} when code outside the crate can name it. */
    public record Field(String name, RustType type, String docs, boolean visible) {
    }

    /** A struct or union. */
    public record Record(Meta meta, boolean union, List<Field> fields, boolean hasHiddenFields) implements Item {
    }

    /**
     * An enum variant; {@code discriminant} is rustdoc's evaluated value when one is written,
     * {@code hasFields} when the variant carries data.
     */
    public record Variant(String name, String discriminant, String docs, boolean hasFields) {
    }

    public record Enum(Meta meta, List<Variant> variants) implements Item {
    }

    public record TypeAlias(Meta meta, RustType target) implements Item {
    }

    public record Constant(Meta meta, RustType type, String value) implements Item {
    }

    public record Static(Meta meta, RustType type, boolean mutable) implements Item {
    }
}
