package dev.ferrule.bind;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;

/** Java names for C and Rust names: keywords are escaped, constants are UPPER_SNAKE_CASE. */
public final class JavaNames {

    private static final Set<String> KEYWORDS = Set.of("abstract", "assert", "boolean", "break", "byte", "case",
            "catch", "char", "class", "const", "continue", "default", "do", "double", "else", "enum", "extends",
            "final", "finally", "float", "for", "goto", "if", "implements", "import", "instanceof", "int",
            "interface", "long", "native", "new", "package", "private", "protected", "public", "return", "short",
            "static", "strictfp", "super", "switch", "synchronized", "this", "throw", "throws", "transient", "try",
            "void", "volatile", "while", "true", "false", "null", "var", "yield", "record", "_");

    private JavaNames() {
    }

    /** A usable Java identifier: keywords get a trailing underscore. */
    public static String identifier(String name) {
        String cleaned = name.replaceAll("[^A-Za-z0-9_$]", "_");
        if (cleaned.isEmpty() || Character.isDigit(cleaned.charAt(0))) {
            cleaned = "_" + cleaned;
        }
        return KEYWORDS.contains(cleaned) ? cleaned + "_" : cleaned;
    }

    /** A method name: {@code counter_add} to {@code counterAdd}, keywords escaped. */
    public static String lowerCamel(String snake) {
        StringBuilder out = new StringBuilder();
        for (String part : snake.split("_")) {
            if (part.isEmpty()) {
                continue;
            }
            out.append(out.length() == 0 ? part.toLowerCase(Locale.ROOT)
                    : Character.toUpperCase(part.charAt(0)) + part.substring(1));
        }
        return identifier(out.toString());
    }

    /** A class name: {@code abi_fixture} or {@code abi-fixture} to {@code AbiFixture}. */
    public static String upperCamel(String name) {
        StringBuilder out = new StringBuilder();
        for (String part : name.split("[_-]")) {
            if (!part.isEmpty()) {
                out.append(part.substring(0, 1).toUpperCase(Locale.ROOT)).append(part.substring(1));
            }
        }
        return out.toString();
    }

    /** Whether a string is a Java package name ({@code org.acme.kv}). */
    public static boolean isPackageName(String name) {
        return name.matches("[a-zA-Z_][\\w]*(\\.[a-zA-Z_][\\w]*)*")
                && Arrays.stream(name.split("\\.")).noneMatch(KEYWORDS::contains);
    }

    /**
     * The package bindings go to when none is set: the groupId and the library's name, in lower
     * case, with anything Java does not allow in a package name made {@code _}.
     */
    public static String defaultPackage(String groupId, String libName) {
        StringBuilder name = new StringBuilder();
        for (String part : (groupId + "." + libName).toLowerCase(Locale.ROOT).split("\\.")) {
            String cleaned = part.replaceAll("[^a-z0-9_]", "_");
            if (cleaned.isEmpty() || Character.isDigit(cleaned.charAt(0)) || KEYWORDS.contains(cleaned)) {
                cleaned = "_" + cleaned;
            }
            name.append(name.length() == 0 ? "" : ".").append(cleaned);
        }
        return name.toString();
    }

    /** A raw-class layout constant: {@code CounterStats} to {@code COUNTER_STATS_LAYOUT}. */
    public static String layoutConstant(String typeName) {
        return constant(typeName) + "_LAYOUT";
    }

    /** A raw-class callback descriptor constant: {@code StepCallback} to {@code STEP_CALLBACK_DESCRIPTOR}. */
    public static String descriptorConstant(String callback) {
        return constant(callback) + "_DESCRIPTOR";
    }

    /** {@code CounterStats} or {@code fx_add} to {@code COUNTER_STATS} / {@code FX_ADD}. */
    public static String constant(String name) {
        return name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }

    /** The class of a primitive type ({@code long} is {@code Long}); other types as they are. */
    public static String boxed(String javaType) {
        return switch (javaType) {
            case "boolean" -> "Boolean";
            case "byte" -> "Byte";
            case "short" -> "Short";
            case "int" -> "Integer";
            case "long" -> "Long";
            case "float" -> "Float";
            case "double" -> "Double";
            default -> javaType;
        };
    }
}
