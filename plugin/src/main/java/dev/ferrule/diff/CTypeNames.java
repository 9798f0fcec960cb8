package dev.ferrule.diff;

import dev.ferrule.abi.AbiModel;
import dev.ferrule.abi.CScalars;
import dev.ferrule.abi.CType;
import dev.ferrule.abi.CTypeTable;
import java.util.stream.Collectors;

/**
 * The C type spellings of one model, seen the way the ABI sees them. {@code size_t} and
 * {@code usize}'s {@code size_t}, or {@code char} and {@code int8_t} on x86_64, are one type
 * there; {@code const} changes nothing a caller passes. Scalars are looked up in the model's own
 * table, so each side of a comparison is read on its own target.
 */
final class CTypeNames {

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
     * A type's structure with every scalar name replaced by the primitive it is, and, unless
     * {@code keepConst}, without {@code const}.
     */
    String normal(String c, boolean keepConst) {
        return normal(CType.parse(c), keepConst);
    }

    private String normal(CType c, boolean keepConst) {
        if (c instanceof CType.Named named) {
            String name = named.name();
            return CScalars.isScalarSpelling(name) || table.hasScalar(name)
                    ? table.primitive(name).orElse(name) : name;
        }
        if (c instanceof CType.Pointer pointer) {
            return normal(pointer.pointee(), keepConst) + (keepConst && pointer.constPointee() ? " const" : "") + "*";
        }
        if (c instanceof CType.Array array) {
            return normal(array.element(), keepConst) + "[" + array.length() + "]";
        }
        if (c instanceof CType.FunctionPointer fn) {
            return normal(fn.result(), keepConst) + " (*)(" + fn.params().stream().map(p -> normal(p, keepConst))
                    .collect(Collectors.joining(", ")) + (fn.variadic() ? ", ..." : "") + ")";
        }
        return c.spelling();
    }

    /** A spelling for people, with its size: {@code size_t (8 bytes)}, {@code const char* (pointer)}. */
    String describe(String c) {
        CType type = CType.parse(c);
        if (type.kind() == CType.Kind.UNKNOWN) {
            return "no C layout";
        }
        if (table.isAddress(type)) {
            return c + " (pointer, " + table.pointerSize() + " bytes)";
        }
        return table.size(type).map(s -> c + " (" + s + (s == 1 ? " byte)" : " bytes)")).orElse(c);
    }
}
