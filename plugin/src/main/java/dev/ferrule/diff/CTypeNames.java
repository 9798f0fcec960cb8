package dev.ferrule.diff;

import dev.ferrule.abi.AbiModel;
import dev.ferrule.abi.CScalars;
import dev.ferrule.abi.CTypeTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The C type spellings of one model, seen the way the ABI sees them. {@code size_t} and
 * {@code usize}'s {@code size_t}, or {@code char} and {@code int8_t} on x86_64, are one type
 * there; {@code const} changes nothing a caller passes. Scalars are looked up in the model's own
 * table, so each side of a comparison is read on its own target.
 */
final class CTypeNames {

    private static final Pattern TOKEN = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*|\\S");

    /** How two spellings of a type compare. */
    enum Comparison {
        /** The same C type, perhaps spelt differently: no change. */
        SAME,
        /** The same C type apart from {@code const} on a pointer. */
        CONST_ONLY,
        /** Different C types. */
        DIFFERENT
    }

    private final CTypeTable table;

    CTypeNames(AbiModel model) {
        table = new CTypeTable(model);
    }

    static Comparison compare(CTypeNames before, String was, CTypeNames after, String is) {
        String wasNormal = before.normal(was, true);
        String isNormal = after.normal(is, true);
        if (wasNormal.equals(isNormal)) {
            return Comparison.SAME;
        }
        return before.normal(was, false).equals(after.normal(is, false)) ? Comparison.CONST_ONLY
                : Comparison.DIFFERENT;
    }

    /**
     * A spelling with every scalar name replaced by the primitive it is, and, unless
     * {@code keepConst}, without {@code const}.
     */
    String normal(String c, boolean keepConst) {
        List<String> tokens = new ArrayList<>();
        Matcher matcher = TOKEN.matcher(c);
        while (matcher.find()) {
            tokens.add(matcher.group());
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            if (tokens.get(i).equals("const")) {
                if (keepConst) {
                    out.add("const");
                }
                continue;
            }
            int taken = 0;
            // C's multi-word names first: "unsigned long long" before "unsigned long".
            for (int words = 3; words >= 1 && taken == 0; words--) {
                if (i + words > tokens.size()) {
                    continue;
                }
                String name = String.join(" ", tokens.subList(i, i + words));
                Optional<String> primitive = CScalars.isScalarSpelling(name) || table.hasScalar(name)
                        ? table.primitive(name) : Optional.empty();
                if (primitive.isPresent()) {
                    out.add(primitive.get());
                    taken = words;
                }
            }
            if (taken == 0) {
                out.add(tokens.get(i));
                taken = 1;
            }
            i += taken - 1;
        }
        return String.join(" ", out);
    }

    /** A spelling for people, with its size: {@code size_t (8 bytes)}, {@code const char* (pointer)}. */
    String describe(String c) {
        if (c.startsWith("<")) {
            return "no C layout";
        }
        if (table.isPointer(c)) {
            return c + " (pointer, " + table.pointerSize() + " bytes)";
        }
        return table.size(c).map(s -> c + " (" + s + (s == 1 ? " byte)" : " bytes)")).orElse(c);
    }
}
