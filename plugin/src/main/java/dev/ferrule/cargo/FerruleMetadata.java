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
 *
 * # A C ABI that Ferrule did not write: how it reports errors, and what its types leave open.
 * [package.metadata.ferrule]
 * safe-layer = true           # implied by errors or objects below
 *
 * [package.metadata.ferrule.errors]
 * codes = "DEMO_ERR_"         # the pub consts that are its error codes, one exception class each
 * success = 0                 # the status of success (default 0)
 * last-error = "demo_last_error_message"   # () -> *const c_char, the thread's last error, borrowed
 *
 * error-type = "demo_error"   # or: failed calls write an error object through *mut *mut demo_error,
 * error-message = "demo_error_message"    # read with (*const demo_error) -> *const c_char
 *
 * [package.metadata.ferrule.objects.demo_db]
 * release = "demo_db_close"   # its release function, when the name does not end in _free, _destroy or _release
 * shareable = true            # the library allows calls on one object from several threads
 *
 * [package.metadata.ferrule.objects.demo_cursor]
 * next = "demo_cursor_next"   # a java.util.Iterator over what this writes, until it returns false
 *
 * [package.metadata.ferrule.functions.demo_db_path]
 * returns = "borrowed"        # a returned C string the library keeps; "owned" with free = "demo_string_free"
 * </pre>
 *
 * @param functions by exported symbol
 * @param errors    how a C ABI reports failure; null when it declares none
 * @param objects   by the Rust name of the opaque type
 * @param safeLayer  whether a C ABI that Ferrule did not write gets a safe layer: {@code safe-layer},
 *                   true by default once {@code errors} or {@code objects} is declared. Off otherwise,
 *                   since the exports nothing decides would stop a build that wanted only the raw class
 */
public record FerruleMetadata(Map<String, FunctionMetadata> functions, Errors errors,
        Map<String, ObjectMetadata> objects, boolean safeLayer) {

    public static final FerruleMetadata NONE = new FerruleMetadata(Map.of());

    private static final Set<String> TOP_KEYS = Set.of("functions", "errors", "objects", "safe-layer");
    private static final Set<String> FUNCTION_KEYS = Set.of("critical", "raw-only", "params", "returns", "free");
    private static final Set<String> ERROR_KEYS = Set.of("codes", "success", "last-error", "code-message",
            "error-type", "error-message", "error-code");
    private static final Set<String> OBJECT_KEYS = Set.of("release", "shareable", "next");
    private static final Set<String> PARAM_KINDS = Set.of("string", "bytes", "out", "buffer", "callback");
    private static final Set<String> RETURN_KINDS = Set.of("status", "value", "negative-status", "borrowed",
            "owned");

    public FerruleMetadata {
        functions = Map.copyOf(functions);
        objects = Map.copyOf(objects);
    }

    public FerruleMetadata(Map<String, FunctionMetadata> functions) {
        this(functions, null, Map.of(), false);
    }

    /**
     * How a C ABI reports failure.
     *
     * @param codes        the prefix of the {@code pub const} error codes ({@code DEMO_ERR_})
     * @param success      the status that means success
     * @param lastError    {@code () -> *const c_char}: the calling thread's last error; may be null
     * @param codeMessage  {@code (code) -> *const c_char}: the message of a code; may be null
     * @param errorType     an opaque error type that failed calls write through a
     *                      {@code *mut *mut E} out-parameter; may be null
     * @param errorMessage  {@code (*const E) -> *const c_char}: an error object's message
     * @param errorCode     {@code (*const E) -> int}: an error object's code; may be null
     */
    public record Errors(String codes, long success, String lastError, String codeMessage, String errorType,
            String errorMessage, String errorCode) {

        public Errors(String codes, long success, String lastError, String codeMessage) {
            this(codes, success, lastError, codeMessage, null, null, null);
        }
    }

    /**
     * @param release    the release function, when no naming convention finds it; may be null
     * @param shareable  true when calls on one object may come from several threads
     * @param next       the function that makes the object a Java {@code Iterator}: it takes the
     *                   object, writes the next item through out-parameters and returns true, or
     *                   returns false at the end; may be null
     */
    public record ObjectMetadata(String release, boolean shareable, String next) {

        public ObjectMetadata(String release, boolean shareable) {
            this(release, shareable, null);
        }
    }

    /** The metadata of an opaque type, or the empty default. */
    public ObjectMetadata object(String type) {
        return objects.getOrDefault(type, new ObjectMetadata(null, false, null));
    }

    /**
     * How one export crosses the boundary.
     *
     * @param critical true for a short, callback-free function: {@code Linker.Option.critical}
     * @param rawOnly  true when the safe layer should leave the function to the raw class
     * @param params   parameter name to {@code string}, {@code bytes} (the pointer of a pointer and
     *                 length pair) or {@code out} (the out-parameter)
     * @param returns  {@code status} or {@code value}; for a C ABI also {@code negative-status} (a
     *                 value, or minus an error code), {@code borrowed} (a C string the library keeps)
     *                 or {@code owned} (a C string the caller releases with {@code free}); null when
     *                 types and conventions decide
     * @param free     the function that releases an {@code owned} result; may be null
     */
    public record FunctionMetadata(boolean critical, boolean rawOnly, Map<String, String> params, String returns,
            String free) {
        public FunctionMetadata {
            params = Map.copyOf(params);
        }

        public FunctionMetadata(boolean critical, boolean rawOnly, Map<String, String> params, String returns) {
            this(critical, rawOnly, params, returns, null);
        }
    }

    /** The metadata of a function, or the empty default. */
    public FunctionMetadata function(String symbol) {
        return functions.getOrDefault(symbol, new FunctionMetadata(false, false, Map.of(), null, null));
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
                String free = function.has("free") ? text(function.get("free"), at + " free") : null;
                if ("owned".equals(returns) != (free != null)) {
                    throw CargoException.invalid(at + ": returns = \"owned\" and free = \"<function>\" go together,"
                            + " since an owned result must be released by the library's own free function");
                }
                functions.put(entry.getKey(), new FunctionMetadata(bool(function, "critical", at),
                        bool(function, "raw-only", at), params, returns, free));
            }
        }
        Errors errors = errors(node.path("errors"), manifest);
        Map<String, ObjectMetadata> objects = objects(node.path("objects"), manifest);
        boolean safeLayer = node.has("safe-layer") ? bool(node, "safe-layer", where)
                : errors != null || !objects.isEmpty();
        return new FerruleMetadata(functions, errors, objects, safeLayer);
    }

    private static Errors errors(JsonNode table, String manifest) throws CargoException {
        if (table.isMissingNode()) {
            return null;
        }
        String at = "[package.metadata.ferrule.errors] in " + manifest;
        requireObject(table, at);
        unknownKeys(table, ERROR_KEYS, at);
        JsonNode success = table.path("success");
        if (!success.isMissingNode() && !success.canConvertToLong()) {
            throw CargoException.invalid(at + ": success must be an integer, not " + success);
        }
        String lastError = table.has("last-error") ? text(table.get("last-error"), at + " last-error") : null;
        String codeMessage = table.has("code-message") ? text(table.get("code-message"), at + " code-message")
                : null;
        String errorType = table.has("error-type") ? text(table.get("error-type"), at + " error-type") : null;
        String errorMessage = table.has("error-message") ? text(table.get("error-message"), at + " error-message")
                : null;
        String errorCode = table.has("error-code") ? text(table.get("error-code"), at + " error-code") : null;
        if ((errorType == null) != (errorMessage == null) || errorCode != null && errorType == null) {
            throw CargoException.invalid(at + ": error-type and error-message go together (error-code with them),"
                    + " since an error object is read through its message function");
        }
        return new Errors(table.has("codes") ? text(table.get("codes"), at + " codes") : null,
                success.isMissingNode() ? 0 : success.longValue(), lastError, codeMessage, errorType, errorMessage,
                errorCode);
    }

    private static Map<String, ObjectMetadata> objects(JsonNode table, String manifest) throws CargoException {
        Map<String, ObjectMetadata> objects = new TreeMap<>();
        if (table.isMissingNode()) {
            return objects;
        }
        requireObject(table, "[package.metadata.ferrule.objects] in " + manifest);
        for (Map.Entry<String, JsonNode> entry : table.properties()) {
            String at = "[package.metadata.ferrule.objects." + entry.getKey() + "] in " + manifest;
            requireObject(entry.getValue(), at);
            unknownKeys(entry.getValue(), OBJECT_KEYS, at);
            String release = entry.getValue().has("release") ? text(entry.getValue().get("release"), at + " release")
                    : null;
            String next = entry.getValue().has("next") ? text(entry.getValue().get("next"), at + " next") : null;
            objects.put(entry.getKey(), new ObjectMetadata(release, bool(entry.getValue(), "shareable", at), next));
        }
        return objects;
    }

    private static String text(JsonNode value, String at) throws CargoException {
        if (!value.isTextual() || value.textValue().isBlank()) {
            throw CargoException.invalid(at + " must be a function or prefix name in quotes, not " + value);
        }
        return value.textValue();
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
