package dev.ferrule.abi;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A C type of the model, parsed once from the spelling {@link AbiModel.TypeRef#c()} records, so
 * that nobody matches prefixes and suffixes of that string. What the structure does not say (what
 * {@code size_t} is, how big {@code struct Point} is) the model's {@link CTypeTable} answers for
 * its own target.
 *
 * <p>The spellings are the ones the model writes: {@code int32_t}, {@code const struct Counter*},
 * {@code uint8_t**}, {@code const uint8_t* const*}, {@code char[16]}, {@code StepCallback} (a
 * callback alias), {@code int32_t (*)(int64_t, size_t)} and {@code <not FFI-safe>}. Printing a
 * parsed type gives its spelling back.
 */
public sealed interface CType {

    /** What sort of C type it is. */
    enum Kind {
        VOID,
        /** A scalar name ({@code int32_t}, {@code size_t}, {@code unsigned long}) or a type alias name. */
        NAMED,
        STRUCT, UNION, ENUM, POINTER, ARRAY, FUNCTION_POINTER,
        /** A Rust type with no C form: the model recorded a finding for it. */
        UNKNOWN
    }

    Kind kind();

    /** The spelling the model uses, the inverse of {@link #parse}. */
    String spelling();

    /** A pointer or a function pointer: one address wide, whatever it points at. */
    default boolean isAddress() {
        return kind() == Kind.POINTER || kind() == Kind.FUNCTION_POINTER;
    }

    /**
     * The names this type is built from, through pointers, arrays and function pointers: tags
     * ({@code struct Point} gives {@code Point}) and names (scalars and aliases alike).
     */
    default List<String> referencedNames() {
        List<String> names = new ArrayList<>();
        collectNames(this, names);
        return names;
    }

    private static void collectNames(CType c, List<String> names) {
        if (c instanceof Named named) {
            names.add(named.name());
        } else if (c instanceof Tagged tagged) {
            names.add(tagged.name());
        } else if (c instanceof Pointer pointer) {
            collectNames(pointer.pointee(), names);
        } else if (c instanceof Array array) {
            collectNames(array.element(), names);
        } else if (c instanceof FunctionPointer fn) {
            collectNames(fn.result(), names);
            fn.params().forEach(p -> collectNames(p, names));
        }
    }

    /** {@code void}. */
    record Void() implements CType {
        @Override
        public Kind kind() {
            return Kind.VOID;
        }

        @Override
        public String spelling() {
            return "void";
        }
    }

    /** A scalar or alias name, resolved by the model's {@link CTypeTable}. */
    record Named(String name) implements CType {
        @Override
        public Kind kind() {
            return Kind.NAMED;
        }

        @Override
        public String spelling() {
            return name;
        }
    }

    /** {@code struct X}, {@code union X} or {@code enum X}: a type of the model's type table (or of another crate). */
    record Tagged(Kind kind, String name) implements CType {
        public Tagged {
            if (kind != Kind.STRUCT && kind != Kind.UNION && kind != Kind.ENUM) {
                throw new IllegalArgumentException("not a tag: " + kind);
            }
        }

        @Override
        public String spelling() {
            return kind.name().toLowerCase(java.util.Locale.ROOT) + " " + name;
        }
    }

    /**
     * A data pointer.
     *
     * @param constPointee  whether the pointee is {@code const}: the callee promises only to read it
     */
    record Pointer(CType pointee, boolean constPointee) implements CType {
        @Override
        public Kind kind() {
            return Kind.POINTER;
        }

        @Override
        public String spelling() {
            String inner = pointee.spelling();
            if (pointee instanceof Pointer) {
                return inner + (constPointee ? " const*" : "*");
            }
            return (constPointee ? "const " : "") + inner + "*";
        }
    }

    /** {@code T[N]}: only ever a field, which C passes by value only inside a struct. */
    record Array(CType element, long length) implements CType {
        @Override
        public Kind kind() {
            return Kind.ARRAY;
        }

        @Override
        public String spelling() {
            return element.spelling() + "[" + length + "]";
        }
    }

    /** A function pointer written inline, as {@code ret (*)(params)}. */
    record FunctionPointer(CType result, List<CType> params, boolean variadic) implements CType {
        public FunctionPointer {
            params = List.copyOf(params);
        }

        @Override
        public Kind kind() {
            return Kind.FUNCTION_POINTER;
        }

        @Override
        public String spelling() {
            List<String> parts = new ArrayList<>(params.stream().map(CType::spelling).toList());
            if (parts.isEmpty()) {
                parts.add("void");
            }
            if (variadic) {
                parts.add("...");
            }
            return result.spelling() + " (*)(" + String.join(", ", parts) + ")";
        }
    }

    /** A type with no C form, spelt as the model recorded it ({@code <not FFI-safe>}). */
    record Unknown(String spelling) implements CType {
        @Override
        public Kind kind() {
            return Kind.UNKNOWN;
        }
    }

    /**
     * Parses a spelling the model wrote.
     *
     * @throws IllegalArgumentException for text that is not such a spelling
     */
    static CType parse(String spelling) {
        return Parser.PARSED.computeIfAbsent(spelling, s -> Parser.parse(s.strip(), s));
    }

    /** The recursive descent behind {@link CType#parse}. */
    final class Parser {

        /** Parsing is pure, and a model spells the same few types over and over. */
        private static final Map<String, CType> PARSED = new ConcurrentHashMap<>();

        private Parser() {
        }

        static CType parse(String c, String whole) {
            if (c.isEmpty()) {
                throw new IllegalArgumentException("an empty C type in `" + whole + "`");
            }
            if (c.startsWith("<")) {
                return new Unknown(c);
            }
            int functionPointer = c.indexOf(" (*)(");
            if (functionPointer > 0 && c.endsWith(")")) {
                return functionPointer(c, functionPointer, whole);
            }
            if (c.endsWith("]")) {
                int open = c.lastIndexOf('[');
                if (open <= 0) {
                    throw new IllegalArgumentException("an unmatched ] in `" + whole + "`");
                }
                return new Array(parse(c.substring(0, open).strip(), whole),
                        Long.parseLong(c.substring(open + 1, c.length() - 1).strip()));
            }
            if (c.endsWith(" const*")) {
                return new Pointer(parse(c.substring(0, c.length() - " const*".length()), whole), true);
            }
            if (c.endsWith("*")) {
                String inner = c.substring(0, c.length() - 1).strip();
                if (inner.startsWith("const ") && !inner.endsWith("*")) {
                    return new Pointer(parse(inner.substring("const ".length()).strip(), whole), true);
                }
                return new Pointer(parse(inner, whole), false);
            }
            for (Kind tag : List.of(Kind.STRUCT, Kind.UNION, Kind.ENUM)) {
                String prefix = tag.name().toLowerCase(java.util.Locale.ROOT) + " ";
                if (c.startsWith(prefix)) {
                    return new Tagged(tag, c.substring(prefix.length()).strip());
                }
            }
            if (c.equals("void")) {
                return new Void();
            }
            if (!c.matches("[A-Za-z_][A-Za-z0-9_]*( [A-Za-z_][A-Za-z0-9_]*)*")
                    || List.of("struct", "union", "enum", "const").contains(c)) {
                throw new IllegalArgumentException("`" + c + "` in `" + whole + "` is not a C type spelling");
            }
            return new Named(c);
        }

        private static CType functionPointer(String c, int at, String whole) {
            CType result = parse(c.substring(0, at).strip(), whole);
            String inside = c.substring(at + " (*)(".length(), c.length() - 1);
            List<CType> params = new ArrayList<>();
            boolean variadic = false;
            for (String part : inside.isBlank() ? List.<String>of() : topLevelParts(inside)) {
                String param = part.strip();
                if (param.equals("...")) {
                    variadic = true;
                } else if (!(param.equals("void") && params.isEmpty() && inside.strip().equals("void"))) {
                    params.add(parse(param, whole));
                }
            }
            return new FunctionPointer(result, params, variadic);
        }

        /** Splits at commas outside parentheses: a parameter may itself be a function pointer. */
        private static List<String> topLevelParts(String text) {
            List<String> parts = new ArrayList<>();
            int depth = 0;
            int start = 0;
            for (int i = 0; i < text.length(); i++) {
                char ch = text.charAt(i);
                if (ch == '(') {
                    depth++;
                } else if (ch == ')') {
                    depth--;
                } else if (ch == ',' && depth == 0) {
                    parts.add(text.substring(start, i));
                    start = i + 1;
                }
            }
            parts.add(text.substring(start));
            return parts;
        }
    }
}
