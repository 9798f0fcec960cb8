package dev.ferrule.cargo;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What a crate's {@code [package.metadata.ferrule]} table says about its exports, for the cases
 * that types and naming conventions leave open. Read strictly: an unknown key or value is an
 * error, because a misspelt key would otherwise be ignored and the generator would fall back to
 * what the author meant to override.
 *
 * <pre>
 * [package.metadata.ferrule.functions.demo_sum]
 * critical = true             # short and callback-free: a critical downcall, heap arrays passed in place
 * params = { values = "bytes" } # a (pointer, length) pair whose names follow no convention
 * returns = "value"           # an i32 result that is a value, not a status
 *
 * [package.metadata.ferrule.functions.demo_raw_peek]
 * raw-only = true             # no safe wrapper; callers use the raw class
 * </pre>
 *
 * @param functions by exported symbol
 */
public record FerruleMetadata(Map<String, FunctionMetadata> functions) {

    public static final FerruleMetadata NONE = new FerruleMetadata(Map.of());

    private static final Set<String> TOP_KEYS = Set.of("functions");
    private static final Set<String> FUNCTION_KEYS = Set.of("critical", "raw-only", "params", "returns");
    private static final Set<String> PARAM_KINDS = Set.of("string", "bytes", "out");
    private static final Set<String> RETURN_KINDS = Set.of("status", "value");

    public FerruleMetadata {
        functions = Map.copyOf(functions);
    }

    /**
     * How one export crosses the boundary.
     *
     * @param critical true for a short, callback-free function: {@code Linker.Option.critical}
     * @param rawOnly  true when the safe layer should leave the function to the raw class
     * @param params   parameter name to {@code string}, {@code bytes} (the pointer of a pointer and
     *                 length pair) or {@code out} (the out-parameter)
     * @param returns  {@code status} or {@code value}; null when types and conventions decide
     */
    public record FunctionMetadata(boolean critical, boolean rawOnly, Map<String, String> params, String returns) {
        public FunctionMetadata {
            params = Map.copyOf(params);
        }
    }

    /** The metadata of a function, or the empty default. */
    public FunctionMetadata function(String symbol) {
        return functions.getOrDefault(symbol, new FunctionMetadata(false, false, Map.of(), null));
    }

    /**
     * Parses {@code package.metadata.ferrule} from {@code cargo metadata} output.
     *
     * @param node the {@code ferrule} object, or a missing node
     * @param manifest for messages
     */
    public static FerruleMetadata parse(JsonNode node, String manifest) throws CargoException {
        if (node == null || node.isMissingNode() || node.isNull()) {
            return NONE;
        }
        String where = "[package.metadata.ferrule] in " + manifest;
        requireObject(node, where);
        unknownKeys(node, TOP_KEYS, where);
        Map<String, FunctionMetadata> functions = new TreeMap<>();
        JsonNode table = node.path("functions");
        if (!table.isMissingNode()) {
            requireObject(table, where + " .functions");
            for (Map.Entry<String, JsonNode> entry : table.properties()) {
                String at = "[package.metadata.ferrule.functions." + entry.getKey() + "] in " + manifest;
                JsonNode function = entry.getValue();
                requireObject(function, at);
                unknownKeys(function, FUNCTION_KEYS, at);
                Map<String, String> params = new TreeMap<>();
                JsonNode paramTable = function.path("params");
                if (!paramTable.isMissingNode()) {
                    requireObject(paramTable, at + " params");
                    for (Map.Entry<String, JsonNode> param : paramTable.properties()) {
                        params.put(param.getKey(), choice(param.getValue(), PARAM_KINDS, at + " params."
                                + param.getKey()));
                    }
                }
                String returns = function.has("returns") ? choice(function.get("returns"), RETURN_KINDS,
                        at + " returns") : null;
                functions.put(entry.getKey(), new FunctionMetadata(bool(function, "critical", at),
                        bool(function, "raw-only", at), params, returns));
            }
        }
        return new FerruleMetadata(functions);
    }

    private static boolean bool(JsonNode function, String key, String at) throws CargoException {
        JsonNode value = function.path(key);
        if (value.isMissingNode()) {
            return false;
        }
        if (!value.isBoolean()) {
            throw CargoException.invalid(at + ": " + key + " must be true or false, not " + value);
        }
        return value.booleanValue();
    }

    private static String choice(JsonNode value, Set<String> allowed, String at) throws CargoException {
        if (!value.isTextual() || !allowed.contains(value.textValue())) {
            throw CargoException.invalid(at + " is " + value + "; allowed: " + new java.util.TreeSet<>(allowed));
        }
        return value.textValue();
    }

    private static void requireObject(JsonNode node, String at) throws CargoException {
        if (!node.isObject()) {
            throw CargoException.invalid(at + " must be a table, not " + node);
        }
    }

    private static void unknownKeys(JsonNode node, Set<String> known, String at) throws CargoException {
        List<String> unknown = new ArrayList<>();
        node.fieldNames().forEachRemaining(key -> {
            if (!known.contains(key)) {
                unknown.add(key);
            }
        });
        if (!unknown.isEmpty()) {
            throw CargoException.invalid(at + " has unknown key(s) " + unknown + "; known: "
                    + new java.util.TreeSet<>(known));
        }
    }
}
