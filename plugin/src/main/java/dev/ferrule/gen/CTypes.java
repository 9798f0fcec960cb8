package dev.ferrule.gen;

import dev.ferrule.abi.AbiModel;
import dev.ferrule.abi.AbiModel.AbiType;
import dev.ferrule.abi.CTypeTable;
import java.util.Collection;
import java.util.Optional;
import java.util.regex.Matcher;

/**
 * The model's C types as the generators see them: {@link CTypeTable}'s reading of the model,
 * and the FFM layout each C spelling maps to.
 */
final class CTypes {

    private final CTypeTable table;

    CTypes(AbiModel model) {
        table = new CTypeTable(model);
    }

    AbiType type(String name) {
        return table.type(name);
    }

    boolean hasType(String name) {
        return table.type(name) != null;
    }

    Collection<AbiType> all() {
        return table.all();
    }

    /** Bytes in a pointer on the model's target. */
    long pointerSize() {
        return table.pointerSize();
    }

    /** The Rust primitive a C scalar name is on the model's target, as its snapshot records it. */
    Optional<String> primitive(String c) {
        return table.primitive(c);
    }

    boolean isPointer(String c) {
        return table.isPointer(c);
    }

    boolean isCallback(String c) {
        return table.isCallback(c);
    }

    /** A fixed-size array, {@code char[16]}: only ever a field, never a parameter. */
    static boolean isArray(String c) {
        return CTypeTable.array(c).isPresent();
    }

    /** The FFM form of a C type, or empty when it has none (a non-FFI-safe or unknown type). */
    Optional<FfmType> ffm(String c) {
        if (isPointer(c)) {
            return Optional.of(FfmType.address());
        }
        Optional<Matcher> array = CTypeTable.array(c);
        if (array.isPresent()) {
            long count = Long.parseLong(array.get().group(2));
            return ffm(array.get().group(1)).map(element -> FfmType.sequence(count, element));
        }
        Optional<String> primitive = primitive(c);
        if (primitive.isPresent()) {
            return FfmType.ofPrimitive(primitive.get(), pointerSize());
        }
        if (c.startsWith("enum ")) {
            AbiType type = type(c.substring("enum ".length()));
            return type == null ? Optional.empty() : FfmType.ofEnumRepr(type.repr());
        }
        if (c.startsWith("struct ") || c.startsWith("union ")) {
            String name = c.substring(c.indexOf(' ') + 1);
            AbiType type = type(name);
            if (type == null || type.size() == null || type.kind() == AbiModel.TypeKind.OPAQUE) {
                return Optional.empty();
            }
            return Optional.of(FfmType.struct(FfmType.layoutConstant(name)));
        }
        return Optional.empty();
    }

    /**
     * Bytes a C type occupies; for a scalar this is also its natural alignment. Only called for
     * types {@link #ffm} maps, so every case is known.
     */
    long byteSize(String c) {
        return table.size(c).orElseThrow();
    }

    /** The natural alignment of a C type. */
    long alignOf(String c) {
        Optional<Matcher> array = CTypeTable.array(c);
        if (array.isPresent()) {
            return alignOf(array.get().group(1));
        }
        if (c.startsWith("struct ") || c.startsWith("union ")) {
            return type(c.substring(c.indexOf(' ') + 1)).align();
        }
        return byteSize(c);
    }
}
