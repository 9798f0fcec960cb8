package dev.ferrule.gen;

import java.util.Locale;
import java.util.Set;

/** Java names for C and Rust names: keywords are escaped, constants are UPPER_SNAKE_CASE. */
final class Names {

    private static final Set<String> KEYWORDS = Set.of("abstract", "assert", "boolean", "break", "byte", "case",
            "catch", "char", "class", "const", "continue", "default", "do", "double", "else", "enum", "extends",
            "final", "finally", "float", "for", "goto", "if", "implements", "import", "instanceof", "int",
            "interface", "long", "native", "new", "package", "private", "protected", "public", "return", "short",
            "static", "strictfp", "super", "switch", "synchronized", "this", "throw", "throws", "transient", "try",
            "void", "volatile", "while", "true", "false", "null", "var", "yield", "record", "_");

    private Names() {
    }

    /** A usable Java identifier: keywords get a trailing underscore. */
    static String identifier(String name) {
        String cleaned = name.replaceAll("[^A-Za-z0-9_$]", "_");
        if (cleaned.isEmpty() || Character.isDigit(cleaned.charAt(0))) {
            cleaned = "_" + cleaned;
        }
        return KEYWORDS.contains(cleaned) ? cleaned + "_" : cleaned;
    }

    /** {@code CounterStats} or {@code fx_add} to {@code COUNTER_STATS} / {@code FX_ADD}. */
    static String constant(String name) {
        return name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }
}
