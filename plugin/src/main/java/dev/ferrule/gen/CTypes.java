package dev.ferrule.gen;

import dev.ferrule.abi.AbiModel;
import dev.ferrule.abi.AbiModel.AbiType;
import dev.ferrule.abi.CScalars;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The model's C types as the generators see them: the crate's types by name, and what each C
 * scalar name is on the model's target ({@code size_t} is {@code usize}, {@code long} is
 * {@code i64} on x86_64 Linux), so that every C spelling maps to one FFM layout.
 */
final class CTypes {

    private static final Pattern ARRAY = Pattern.compile("^(.+)\\[(\\d+)\\]$");

    private final Map<String, AbiType> types = new TreeMap<>();
    private final Map<String, String> scalars = new TreeMap<>();
    private final String target;
    private final long pointerSize;

    CTypes(AbiModel model) {
        model.types().forEach(t -> types.put(t.name(), t));
        model.scalars().forEach(s -> scalars.put(s.c(), s.rust()));
        target = model.build().target();
        pointerSize = CScalars.pointerBits(target) / 8;
    }

    AbiType type(String name) {
        return types.get(name);
    }

    boolean hasType(String name) {
        return types.containsKey(name);
    }

    Collection<AbiType> all() {
        return types.values();
    }

    /** Bytes in a pointer on the model's target. */
    long pointerSize() {
        return pointerSize;
    }

    /** The Rust primitive a C scalar name is on the model's target, as its snapshot records it. */
    Optional<String> primitive(String c) {
        String recorded = scalars.get(c);
        // Snapshots written before scalars were recorded still name C types the triple decides.
        return recorded != null ? Optional.of(recorded) : CScalars.primitiveOn(c, target);
    }

    boolean isPointer(String c) {
        return c.endsWith("*") || c.contains("(*)") || isCallback(c);
    }

    boolean isCallback(String c) {
        AbiType type = types.get(c);
        return type != null && type.kind() == AbiModel.TypeKind.CALLBACK;
    }

    /** A fixed-size array, {@code char[16]}: only ever a field, never a parameter. */
    static boolean isArray(String c) {
        return ARRAY.matcher(c).matches();
    }

    /** The FFM form of a C type, or empty when it has none (a non-FFI-safe or unknown type). */
    Optional<FfmType> ffm(String c) {
        if (isPointer(c)) {
            return Optional.of(FfmType.address());
        }
        Matcher array = ARRAY.matcher(c);
        if (array.matches()) {
            return ffm(array.group(1)).map(element -> FfmType.sequence(Long.parseLong(array.group(2)), element));
        }
        Optional<String> primitive = primitive(c);
        if (primitive.isPresent()) {
            return FfmType.ofPrimitive(primitive.get(), pointerSize);
        }
        if (c.startsWith("enum ")) {
            AbiType type = types.get(c.substring("enum ".length()));
            return type == null ? Optional.empty() : FfmType.ofEnumRepr(type.repr());
        }
        if (c.startsWith("struct ") || c.startsWith("union ")) {
            String name = c.substring(c.indexOf(' ') + 1);
            AbiType type = types.get(name);
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
        if (isPointer(c)) {
            return pointerSize;
        }
        Matcher array = ARRAY.matcher(c);
        if (array.matches()) {
            return Long.parseLong(array.group(2)) * byteSize(array.group(1));
        }
        if (c.startsWith("struct ") || c.startsWith("union ") || c.startsWith("enum ")) {
            return types.get(c.substring(c.indexOf(' ') + 1)).size();
        }
        return CScalars.sizeOf(primitive(c).orElseThrow(), pointerSize);
    }

    /** The natural alignment of a C type. */
    long alignOf(String c) {
        Matcher array = ARRAY.matcher(c);
        if (array.matches()) {
            return alignOf(array.group(1));
        }
        if (c.startsWith("struct ") || c.startsWith("union ")) {
            return types.get(c.substring(c.indexOf(' ') + 1)).align();
        }
        return byteSize(c);
    }
}
