package dev.ferrule.abi.rustdoc;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferrule.abi.AbiException;
import dev.ferrule.abi.rustdoc.RustdocCrate.Deprecation;
import dev.ferrule.abi.rustdoc.RustdocCrate.Field;
import dev.ferrule.abi.rustdoc.RustdocCrate.Item;
import dev.ferrule.abi.rustdoc.RustdocCrate.Meta;
import dev.ferrule.abi.rustdoc.RustdocCrate.Span;
import dev.ferrule.abi.rustdoc.RustdocCrate.Variant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * rustdoc JSON format versions 54 to 57 (57 is Rust 1.95 stable and the nightlies around it).
 * Attributes are structured ({@code "no_mangle"}, {@code {"export_name": ..}},
 * {@code {"repr": {..}}}), and a {@code cfg} shows up only as an {@code other} attribute holding
 * rustc's internal rendering. Versions 55 to 57 only added things this reader does not use
 * ({@code macro_export}, attribute documentation items, extern crate paths).
 */
class RustdocV57Adapter implements RustdocAdapter {

    private static final Pattern CFG_TRACE = Pattern.compile("NameValue \\{ name: \"([^\"]+)\", value: Some\\(\"([^\"]*)\"\\)");
    private static final Pattern CFG_ATTR = Pattern.compile("^#\\[(?:cfg|<cfg>)\\((.*)\\)\\]$");

    @Override
    public int minVersion() {
        return 54;
    }

    @Override
    public int maxVersion() {
        return 57;
    }

    /** The symbol, repr and cfg that an item's attributes declare. */
    record Attributes(String exportName, boolean noMangle, String repr, String cfg) {
    }

    @Override
    public RustdocCrate read(JsonNode root, String source) throws AbiException {
        JsonNode index = root.path("index");
        String rootId = root.path("root").asText();
        JsonNode rootItem = index.path(rootId);
        if (!index.isObject() || rootItem.isMissingNode()) {
            throw new AbiException(source + " has no crate root item; it is not complete rustdoc JSON output.");
        }
        Map<String, String> publicPaths = publicPaths(index, rootId, rootItem.path("name").asText());
        Map<String, List<String>> paths = new HashMap<>();
        Map<String, RustdocCrate.External> externals = new HashMap<>();
        JsonNode externalCrates = root.path("external_crates");
        root.path("paths").properties().forEach(entry -> {
            List<String> segments = new ArrayList<>();
            entry.getValue().path("path").forEach(s -> segments.add(s.asText()));
            int crateId = entry.getValue().path("crate_id").asInt(-1);
            if (crateId == 0) {
                paths.put(entry.getKey(), segments);
            } else if (!segments.isEmpty()) {
                String crate = externalCrates.path(String.valueOf(crateId)).path("name").asText(segments.get(0));
                externals.put(entry.getKey(), new RustdocCrate.External(crate, String.join("::", segments),
                        entry.getValue().path("kind").asText("")));
            }
        });
        Map<String, Item> items = new LinkedHashMap<>();
        java.util.Set<String> errorEnums = new java.util.TreeSet<>();
        for (Map.Entry<String, JsonNode> entry : index.properties()) {
            JsonNode item = entry.getValue();
            if (item.path("crate_id").asInt(-1) != 0) {
                continue;
            }
            JsonNode impl = item.path("inner").path("impl");
            // ferrule-ffi's ErrorCode marks the enum whose variants are the crate's status codes.
            if (impl.path("trait").path("path").asText("").endsWith("ErrorCode")
                    && impl.path("for").path("resolved_path").path("id").isValueNode()) {
                errorEnums.add(impl.path("for").path("resolved_path").path("id").asText());
            }
            Item parsed = parseItem(entry.getKey(), item, index, paths, publicPaths, source);
            if (parsed != null) {
                items.put(entry.getKey(), parsed);
            }
        }
        return new RustdocCrate(root.path("format_version").asInt(), rootItem.path("name").asText(),
                root.path("crate_version").asText(null), items, Map.copyOf(externals),
                java.util.Set.copyOf(errorEnums));
    }

    private Item parseItem(String id, JsonNode item, JsonNode index, Map<String, List<String>> paths,
            Map<String, String> publicPaths, String source) throws AbiException {
        JsonNode inner = item.path("inner");
        if (!inner.isObject() || inner.size() != 1) {
            return null;
        }
        String kind = inner.fieldNames().next();
        JsonNode body = inner.path(kind);
        Attributes attrs = attributes(item.path("attrs"));
        String name = item.path("name").asText(null);
        Meta meta = new Meta(id, name, paths.getOrDefault(id, name == null ? List.of() : List.of(name)),
                publicPaths.get(id), item.path("docs").asText(null), deprecation(item.path("deprecation")),
                span(item.path("span")), attrs.repr(),
                attrs.exportName() != null ? attrs.exportName() : attrs.noMangle() ? name : null, attrs.cfg());
        try {
            return switch (kind) {
                case "function" -> new RustdocCrate.Function(meta, signature(body.path("sig"), body.path("header")));
                case "struct" -> new RustdocCrate.Record(meta, false, structFields(body.path("kind"), index),
                        hiddenFields(body.path("kind")));
                case "union" -> new RustdocCrate.Record(meta, true, fields(body.path("fields"), index),
                        body.path("has_stripped_fields").asBoolean(false));
                case "enum" -> new RustdocCrate.Enum(meta, variants(body.path("variants"), index));
                case "type_alias" -> new RustdocCrate.TypeAlias(meta, type(body.path("type")));
                case "constant" -> new RustdocCrate.Constant(meta, type(body.path("type")),
                        text(body.path("const").path("value"), text(body.path("const").path("expr"), null)));
                case "static" -> new RustdocCrate.Static(meta, type(body.path("type")),
                        body.path("is_mutable").asBoolean(false));
                default -> null;
            };
        } catch (IllegalStateException e) {
            throw new AbiException(source + ": cannot read item '" + name + "' ("
                    + (meta.span() == null ? "unknown location" : meta.span().file() + ":" + meta.span().line())
                    + "): " + e.getMessage(), e);
        }
    }

    /** Reads structured v57 attributes. */
    Attributes attributes(JsonNode attrs) {
        String exportName = null;
        boolean noMangle = false;
        String repr = null;
        String cfg = null;
        for (JsonNode attr : attrs) {
            if (attr.isTextual()) {
                noMangle |= attr.asText().equals("no_mangle");
            } else if (attr.has("export_name")) {
                exportName = attr.path("export_name").asText();
            } else if (attr.has("repr")) {
                repr = repr(attr.path("repr"));
            } else if (attr.has("other")) {
                String other = attr.path("other").asText();
                String parsed = cfg(other);
                cfg = parsed != null ? parsed : cfg;
            }
        }
        return new Attributes(exportName, noMangle, repr, cfg);
    }

    private static String repr(JsonNode repr) {
        List<String> parts = new ArrayList<>();
        String kind = repr.path("kind").asText("rust");
        if (!kind.equals("rust")) {
            parts.add(kind.equals("c") ? "C" : kind);
        }
        if (repr.path("int").isTextual()) {
            parts.add(repr.path("int").asText());
        }
        if (repr.path("packed").isNumber()) {
            parts.add("packed(" + repr.path("packed").asInt() + ")");
        }
        if (repr.path("align").isNumber()) {
            parts.add("align(" + repr.path("align").asInt() + ")");
        }
        return parts.isEmpty() ? null : String.join(", ", parts);
    }

    /** A cfg, either as rustc's internal {@code CfgTrace} rendering or as a plain attribute. */
    static String cfg(String attribute) {
        Matcher plain = CFG_ATTR.matcher(attribute.strip());
        if (plain.matches()) {
            return plain.group(1);
        }
        if (!attribute.contains("CfgTrace")) {
            return null;
        }
        Matcher pair = CFG_TRACE.matcher(attribute);
        List<String> parts = new ArrayList<>();
        while (pair.find()) {
            parts.add(pair.group(1) + " = \"" + pair.group(2) + "\"");
        }
        return parts.isEmpty() ? null : parts.size() == 1 ? parts.get(0) : "all(" + String.join(", ", parts) + ")";
    }

    private static Deprecation deprecation(JsonNode node) {
        return node.isObject() ? new Deprecation(text(node.path("since"), null), text(node.path("note"), null)) : null;
    }

    private static Span span(JsonNode node) {
        return node.isObject() ? new Span(node.path("filename").asText(), node.path("begin").path(0).asInt()) : null;
    }

    RustType.Signature signature(JsonNode sig, JsonNode header) {
        List<RustType.Param> params = new ArrayList<>();
        for (JsonNode input : sig.path("inputs")) {
            params.add(new RustType.Param(input.path(0).asText(), type(input.path(1))));
        }
        JsonNode output = sig.path("output");
        JsonNode abi = header.path("abi");
        String abiName;
        boolean unwind = false;
        if (abi.isTextual()) {
            abiName = abi.asText();
        } else if (abi.isObject() && abi.size() == 1) {
            abiName = abi.fieldNames().next();
            JsonNode details = abi.path(abiName);
            unwind = details.path("unwind").asBoolean(false);
            if (abiName.equals("Other")) {
                abiName = details.asText();
            }
        } else {
            abiName = "Rust";
        }
        return new RustType.Signature(abiName, unwind, header.path("is_unsafe").asBoolean(false),
                sig.path("is_c_variadic").asBoolean(false), List.copyOf(params),
                output.isNull() || output.isMissingNode() ? null : type(output));
    }

    RustType type(JsonNode node) {
        if (node.has("primitive")) {
            return new RustType.Primitive(node.path("primitive").asText());
        }
        if (node.has("resolved_path")) {
            JsonNode path = node.path("resolved_path");
            List<RustType> args = new ArrayList<>();
            for (JsonNode arg : path.path("args").path("angle_bracketed").path("args")) {
                if (arg.has("type")) {
                    args.add(type(arg.path("type")));
                }
            }
            return new RustType.Named(path.path("path").asText(), path.path("id").asText(null), false,
                    List.copyOf(args));
        }
        if (node.has("borrowed_ref")) {
            JsonNode ref = node.path("borrowed_ref");
            return new RustType.Reference(ref.path("is_mutable").asBoolean(false), type(ref.path("type")));
        }
        if (node.has("raw_pointer")) {
            JsonNode ptr = node.path("raw_pointer");
            return new RustType.RawPointer(ptr.path("is_mutable").asBoolean(false), type(ptr.path("type")));
        }
        if (node.has("function_pointer")) {
            JsonNode fn = node.path("function_pointer");
            return new RustType.FunctionPointer(signature(fn.path("sig"), fn.path("header")));
        }
        if (node.has("tuple")) {
            List<RustType> elements = new ArrayList<>();
            node.path("tuple").forEach(e -> elements.add(type(e)));
            return new RustType.Tuple(List.copyOf(elements));
        }
        if (node.has("slice")) {
            return new RustType.Slice(type(node.path("slice")));
        }
        if (node.has("array")) {
            return new RustType.Array(type(node.path("array").path("type")), node.path("array").path("len").asText());
        }
        if (node.has("qualified_path")) {
            JsonNode projection = node.path("qualified_path");
            JsonNode trait = projection.path("trait");
            return new RustType.Projection(type(projection.path("self_type")), trait.path("path").asText(""),
                    trait.path("id").asText(null), projection.path("name").asText());
        }
        if (node.has("dyn_trait")) {
            List<String> traits = new ArrayList<>();
            node.path("dyn_trait").path("traits").forEach(t -> traits.add(t.path("trait").path("path").asText()));
            return new RustType.Other("dyn " + String.join(" + ", traits));
        }
        if (node.has("generic")) {
            return new RustType.Other(node.path("generic").asText());
        }
        if (node.isObject() && node.size() == 1) {
            return new RustType.Other(node.fieldNames().next());
        }
        throw new IllegalStateException("unrecognised type " + node);
    }

    private List<Field> structFields(JsonNode kind, JsonNode index) {
        if (kind.has("plain")) {
            return fields(kind.path("plain").path("fields"), index);
        }
        if (kind.has("tuple")) {
            List<Field> fields = new ArrayList<>();
            int position = 0;
            for (JsonNode id : kind.path("tuple")) {
                // A null id is a field hidden from the documentation (private, not documented).
                if (!id.isNull()) {
                    JsonNode field = index.path(id.asText());
                    fields.add(new Field(String.valueOf(position), type(field.path("inner").path("struct_field")),
                            text(field.path("docs"), null), isPublic(field)));
                }
                position++;
            }
            return List.copyOf(fields);
        }
        return List.of();
    }

    private static boolean hiddenFields(JsonNode kind) {
        if (kind.has("plain")) {
            return kind.path("plain").path("has_stripped_fields").asBoolean(false);
        }
        for (JsonNode id : kind.path("tuple")) {
            if (id.isNull()) {
                return true;
            }
        }
        return false;
    }

    private List<Field> fields(JsonNode ids, JsonNode index) {
        List<Field> fields = new ArrayList<>();
        for (JsonNode id : ids) {
            JsonNode field = index.path(id.asText());
            fields.add(new Field(field.path("name").asText(), type(field.path("inner").path("struct_field")),
                    text(field.path("docs"), null), isPublic(field)));
        }
        return List.copyOf(fields);
    }

    private static List<Variant> variants(JsonNode ids, JsonNode index) {
        List<Variant> variants = new ArrayList<>();
        for (JsonNode id : ids) {
            JsonNode variant = index.path(id.asText());
            JsonNode body = variant.path("inner").path("variant");
            JsonNode kind = body.path("kind");
            boolean hasFields = !(kind.isTextual() && kind.asText().equals("plain"));
            variants.add(new Variant(variant.path("name").asText(), text(body.path("discriminant").path("value"), null),
                    text(variant.path("docs"), null), hasFields));
        }
        return List.copyOf(variants);
    }

    private static boolean isPublic(JsonNode item) {
        return item.path("visibility").isTextual() && item.path("visibility").asText().equals("public");
    }

    /**
     * Paths under which each item can be named from outside the crate: every module on the way
     * must be public, and so must the item. {@code pub use} re-exports count, named or glob, of
     * items and of whole modules, the way a user of the crate would write the path. Where an item
     * has several paths the shortest wins (then the first in name order), so the choice does not
     * depend on rustdoc's item order.
     */
    static Map<String, String> publicPaths(JsonNode index, String rootId, String crateName) {
        Map<String, String> result = new HashMap<>();
        // Breadth first: a module is visited at its shortest path, and each item keeps the first
        // (shortest) path found for it.
        java.util.ArrayDeque<Map.Entry<String, String>> modules = new java.util.ArrayDeque<>();
        java.util.Set<String> visited = new java.util.HashSet<>();
        modules.add(Map.entry(rootId, crateName));
        visited.add(rootId);
        while (!modules.isEmpty()) {
            Map.Entry<String, String> module = modules.removeFirst();
            java.util.TreeMap<String, String> named = new java.util.TreeMap<>();
            collectNames(index, index.path(module.getKey()), named, new java.util.HashSet<>());
            named.forEach((key, id) -> {
                String path = module.getValue() + "::" + key.substring(0, key.indexOf('#'));
                result.putIfAbsent(id, path);
                if (index.path(id).path("inner").has("module") && visited.add(id)) {
                    modules.addLast(Map.entry(id, path));
                }
            });
        }
        return result;
    }

    /**
     * The public names a module gives, by name and namespace ({@code name#type}, {@code name#value}):
     * its own public items and what its public {@code use} items bring in. A function and a struct
     * may share a name, as C APIs often do (a {@code tinykv_version} struct filled in by a
     * {@code tinykv_version} function), because they live in different namespaces. Glob imports add
     * the public names of the module they import, below the module's own; {@code globs} stops
     * cycles of glob imports.
     */
    private static void collectNames(JsonNode index, JsonNode module, Map<String, String> named,
            java.util.Set<String> globs) {
        for (JsonNode childId : module.path("inner").path("module").path("items")) {
            JsonNode child = index.path(childId.asText());
            if (!isPublic(child)) {
                continue;
            }
            JsonNode use = child.path("inner").path("use");
            if (use.isObject()) {
                String target = use.path("id").asText(null);
                // A re-export of another crate's item has an id outside this crate's index.
                if (target == null || index.path(target).isMissingNode()) {
                    continue;
                }
                if (use.path("is_glob").asBoolean(false)) {
                    if (globs.add(target)) {
                        java.util.Map<String, String> imported = new java.util.TreeMap<>();
                        collectNames(index, index.path(target), imported, globs);
                        imported.forEach(named::putIfAbsent);
                    }
                } else if (use.path("name").isTextual()) {
                    named.put(use.path("name").asText() + namespace(index.path(target)), target);
                }
            } else if (child.path("name").isTextual()) {
                named.put(child.path("name").asText() + namespace(child), childId.asText());
            }
        }
    }

    private static String namespace(JsonNode item) {
        JsonNode inner = item.path("inner");
        if (inner.has("function") || inner.has("constant") || inner.has("static")) {
            return "#value";
        }
        return inner.has("macro") || inner.has("proc_macro") ? "#macro" : "#type";
    }

    static String text(JsonNode node, String fallback) {
        return node.isTextual() ? node.asText() : fallback;
    }
}
