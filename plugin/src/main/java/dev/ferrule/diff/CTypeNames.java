package dev.ferrule.diff;

import dev.ferrule.abi.AbiModel;
import dev.ferrule.abi.AbiModel.AbiType;
import dev.ferrule.abi.CScalars;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
    private static final Pattern ARRAY = Pattern.compile("^(.+)\\[(\\d+)\\]$");

    /** How two spellings of a type compare. */
    enum Comparison {
        /** The same C type, perhaps spelt differently: no change. */
        SAME,
        /** The same C type apart from {@code const} on a pointer. */
        CONST_ONLY,
        /** Different C types. */
        DIFFERENT
    }

    private final Map<String, AbiModel.CScalar> scalars = new HashMap<>();
    private final Map<String, AbiType> types = new HashMap<>();
    private final String target;
    private final long pointerSize;

    CTypeNames(AbiModel model) {
        model.scalars().forEach(s -> scalars.put(s.c(), s));
        model.types().forEach(t -> types.put(t.name(), t));
        target = model.build() == null ? "x86_64-unknown-linux-gnu" : model.build().target();
        pointerSize = CScalars.pointerBits(target) / 8;
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

    /** The Rust primitive a scalar spelling is on this model's target, when the model or the triple says. */
    Optional<String> primitive(String spelling) {
        AbiModel.CScalar recorded = scalars.get(spelling);
        return recorded != null ? Optional.of(recorded.rust()) : CScalars.primitiveOn(spelling, target);
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
                Optional<String> primitive = CScalars.isScalarSpelling(name) || scalars.containsKey(name)
                        ? primitive(name) : Optional.empty();
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
        if (c.endsWith("*") || c.contains("(*)") || isCallback(c)) {
            return c + " (pointer, " + pointerSize + " bytes)";
        }
        Optional<Long> size = size(c);
        return size.map(s -> c + " (" + s + (s == 1 ? " byte)" : " bytes)")).orElse(c);
    }

    private boolean isCallback(String c) {
        AbiType type = types.get(c);
        return type != null && type.kind() == AbiModel.TypeKind.CALLBACK;
    }

    private Optional<Long> size(String c) {
        Matcher array = ARRAY.matcher(c);
        if (array.matches()) {
            return size(array.group(1)).map(s -> s * Long.parseLong(array.group(2)));
        }
        if (c.startsWith("struct ") || c.startsWith("union ") || c.startsWith("enum ")) {
            AbiType type = types.get(c.substring(c.indexOf(' ') + 1));
            return type == null ? Optional.empty() : Optional.ofNullable(type.size());
        }
        AbiModel.CScalar recorded = scalars.get(c);
        if (recorded != null) {
            return Optional.of(recorded.size());
        }
        return primitive(c).map(p -> CScalars.sizeOf(p, pointerSize));
    }
}
