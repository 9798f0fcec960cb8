package dev.ferrule.abi;

import dev.ferrule.abi.AbiModel.AbiType;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One model's C types, read the way its target reads them: the crate's types by name, what each
 * C scalar name is there ({@code size_t} is {@code usize}, {@code long} is {@code i64} on x86_64
 * Linux) and how many bytes a C spelling takes. The generators map these to FFM layouts, and
 * check-abi compares two models' spellings with them, each on its own target.
 */
public final class CTypeTable {

    private static final Pattern ARRAY = Pattern.compile("^(.+)\\[(\\d+)\\]$");
    /** Models without a recorded build predate multi-target snapshots, which were all of this target. */
    private static final String DEFAULT_TARGET = "x86_64-unknown-linux-gnu";

    private final Map<String, AbiType> types = new TreeMap<>();
    private final Map<String, AbiModel.CScalar> scalars = new TreeMap<>();
    private final String target;
    private final long pointerSize;

    public CTypeTable(AbiModel model) {
        model.types().forEach(t -> types.put(t.name(), t));
        model.scalars().forEach(s -> scalars.put(s.c(), s));
        target = model.build() == null ? DEFAULT_TARGET : model.build().target();
        pointerSize = CScalars.pointerBits(target) / 8;
    }

    /** The crate's type of that name, or null. */
    public AbiType type(String name) {
        return types.get(name);
    }

    public Collection<AbiType> all() {
        return types.values();
    }

    /** Bytes in a pointer on the model's target. */
    public long pointerSize() {
        return pointerSize;
    }

    /** Whether the model's own scalar table records this C name. */
    public boolean hasScalar(String c) {
        return scalars.containsKey(c);
    }

    /** The Rust primitive a C scalar name is on the model's target, when the model or the triple says. */
    public Optional<String> primitive(String c) {
        AbiModel.CScalar recorded = scalars.get(c);
        // Snapshots written before scalars were recorded still name C types the triple decides.
        return recorded != null ? Optional.of(recorded.rust()) : CScalars.primitiveOn(c, target);
    }

    public boolean isCallback(String c) {
        AbiType type = types.get(c);
        return type != null && type.kind() == AbiModel.TypeKind.CALLBACK;
    }

    public boolean isPointer(String c) {
        return c.endsWith("*") || c.contains("(*)") || isCallback(c);
    }

    /** {@code T[N]} as its element spelling (group 1) and count (group 2), when {@code c} is one. */
    public static Optional<Matcher> array(String c) {
        Matcher array = ARRAY.matcher(c);
        return array.matches() ? Optional.of(array) : Optional.empty();
    }

    /** Bytes a C spelling occupies on the model's target; empty for a type of unknown size. */
    public Optional<Long> size(String c) {
        if (isPointer(c)) {
            return Optional.of(pointerSize);
        }
        Optional<Matcher> array = array(c);
        if (array.isPresent()) {
            long count = Long.parseLong(array.get().group(2));
            return size(array.get().group(1)).map(element -> element * count);
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
