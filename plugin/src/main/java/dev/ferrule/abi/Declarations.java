package dev.ferrule.abi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.ferrule.abi.AbiModel.Declared;
import dev.ferrule.abi.AbiModel.DeclaredEnum;
import dev.ferrule.abi.AbiModel.DeclaredField;
import dev.ferrule.abi.AbiModel.DeclaredFunction;
import dev.ferrule.abi.AbiModel.DeclaredObject;
import dev.ferrule.abi.AbiModel.DeclaredParam;
import dev.ferrule.abi.AbiModel.DeclaredRecord;
import dev.ferrule.abi.AbiModel.DeclaredValue;
import dev.ferrule.abi.rustdoc.RustType;
import dev.ferrule.abi.rustdoc.RustdocCrate;
import dev.ferrule.abi.rustdoc.RustdocCrate.Item;
import dev.ferrule.util.Json;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads what a crate declares through ferrule-ffi's attributes: each attribute writes a
 * {@code const} of type {@code ferrule_ffi::bridge::Declaration} whose value is JSON, and rustdoc
 * shows the literal as written. The type, not the constant's name, is what marks one.
 */
final class Declarations {

    /** The declaration schema this Ferrule reads; ferrule-macros writes the same number. */
    static final int VERSION = 1;

    private static final String DECLARATION_TYPE = "ferrule_ffi::bridge::Declaration";

    private Declarations() {
    }

    /**
     * What a crate declares.
     *
     * @param declared the declarations; empty when it has none
     * @param lines    by export symbol, the line of the author's function, where reports about the
     *                 export point: rustdoc places generated items at the attribute
     */
    record Read(Optional<Declared> declared, Map<String, Integer> lines) {
    }

    /** The crate's declarations; empty when it has none. */
    static Read read(RustdocCrate crate) throws AbiException {
        Map<String, Integer> lines = new HashMap<>();
        String prefix = null;
        List<DeclaredFunction> functions = new ArrayList<>();
        List<DeclaredObject> objects = new ArrayList<>();
        List<DeclaredRecord> records = new ArrayList<>();
        List<DeclaredEnum> enumerations = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        boolean any = false;
        for (Item item : crate.items().values()) {
            if (!(item instanceof RustdocCrate.Constant constant) || !isDeclaration(crate, constant.type())) {
                continue;
            }
            any = true;
            JsonNode json = parse(item, constant.value());
            switch (json.path("kind").asText()) {
                case "library" -> prefix = text(item, json, "prefix");
                case "function" -> {
                    DeclaredFunction function = function(item, json);
                    functions.add(function);
                    if (json.path("line").isInt()) {
                        lines.put(function.symbol(), json.path("line").asInt());
                    }
                }
                case "object" -> objects.add(new DeclaredObject(text(item, json, "name"), text(item, json, "release"),
                        text(item, json, "clone")));
                case "record" -> {
                    List<DeclaredField> fields = new ArrayList<>();
                    for (JsonNode field : json.path("fields")) {
                        fields.add(new DeclaredField(text(item, field, "name"), text(item, field, "type")));
                    }
                    records.add(new DeclaredRecord(text(item, json, "name"), fields));
                }
                case "enumeration" -> enumerations.add(new DeclaredEnum(text(item, json, "name"),
                        strings(json.path("variants"))));
                case "error" -> errors.add(text(item, json, "name"));
                default -> throw problem(item, "an unknown kind of declaration, '" + json.path("kind").asText()
                        + "'");
            }
        }
        return new Read(any ? Optional.of(new Declared(prefix, functions, objects, records, enumerations, errors))
                : Optional.empty(), Map.copyOf(lines));
    }

    private static boolean isDeclaration(RustdocCrate crate, RustType type) {
        return type instanceof RustType.Named named && crate.externalPath(named.itemId())
                .filter(DECLARATION_TYPE::equals).isPresent();
    }

    private static JsonNode parse(Item item, String literal) throws AbiException {
        String text = literal == null ? null : unquote(literal.strip());
        if (text == null) {
            throw problem(item, "its value is not a string literal as ferrule-macros writes it: " + literal);
        }
        JsonNode json;
        try {
            json = Json.mapper().readTree(text);
        } catch (JsonProcessingException e) {
            throw problem(item, "its JSON does not parse: " + e.getOriginalMessage());
        }
        int version = json.path("ferrule").asInt(-1);
        if (version != VERSION) {
            throw problem(item, "it is declaration schema " + version + ", and this Ferrule reads schema " + VERSION
                    + ". Use the ferrule-ffi that comes with this Ferrule, or a Ferrule that matches it");
        }
        return json;
    }

    /** The value of a Rust string literal: raw ({@code r#"..."#}) as ferrule-macros writes it, or plain. */
    static String unquote(String literal) {
        if (literal.startsWith("r")) {
            int hashes = 0;
            while (hashes + 1 < literal.length() && literal.charAt(hashes + 1) == '#') {
                hashes++;
            }
            String close = "\"" + "#".repeat(hashes);
            int start = hashes + 2;
            return literal.length() >= start + close.length() && literal.charAt(hashes + 1) == '"'
                    && literal.endsWith(close) ? literal.substring(start, literal.length() - close.length()) : null;
        }
        if (literal.length() < 2 || !literal.startsWith("\"") || !literal.endsWith("\"")) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        String body = literal.substring(1, literal.length() - 1);
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c != '\\' || i + 1 == body.length()) {
                out.append(c);
                continue;
            }
            char escaped = body.charAt(++i);
            switch (escaped) {
                case 'n' -> out.append('\n');
                case 't' -> out.append('\t');
                case 'r' -> out.append('\r');
                case '0' -> out.append('\0');
                case 'u' -> {
                    int close = body.indexOf('}', i);
                    out.appendCodePoint(Integer.parseInt(body.substring(i + 2, close), 16));
                    i = close;
                }
                default -> out.append(escaped);
            }
        }
        return out.toString();
    }

    private static DeclaredFunction function(Item item, JsonNode json) throws AbiException {
        List<DeclaredParam> params = new ArrayList<>();
        for (JsonNode param : json.path("params")) {
            params.add(new DeclaredParam(text(item, param, "name"), text(item, param, "type"),
                    strings(param.path("natives"))));
        }
        JsonNode returns = json.path("returns");
        return new DeclaredFunction(text(item, json, "symbol"), text(item, json, "rust"), text(item, json, "role"),
                optional(json, "owner"), params, new DeclaredValue(text(item, returns, "type"),
                        strings(returns.path("natives"))), optional(json, "error"),
                json.path("critical").asBoolean(false) ? Boolean.TRUE : null);
    }

    private static String text(Item item, JsonNode json, String key) throws AbiException {
        JsonNode value = json.path(key);
        if (!value.isTextual()) {
            throw problem(item, "it lacks '" + key + "'");
        }
        return value.asText();
    }

    private static String optional(JsonNode json, String key) {
        JsonNode value = json.path(key);
        return value.isTextual() ? value.asText() : null;
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }

    private static AbiException problem(Item item, String what) {
        RustdocCrate.Span at = item.meta().span();
        return new AbiException("The ferrule-ffi declaration " + item.meta().name() + " ("
                + (at == null ? "unknown location" : at.file() + ":" + at.line()) + ") cannot be read: " + what + ".");
    }
}
