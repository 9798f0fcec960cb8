package dev.ferrule.abi;

import dev.ferrule.abi.AbiModel.AbiType;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One model's C types, read the way its target reads them: the crate's types by name, what each
 * C scalar name is there ({@code size_t} is {@code usize}, {@code long} is {@code i64} on x86_64
 * Linux) and how many bytes a type takes. The binding model maps these to FFM layouts, and
 * check-abi compares two models' types with them, each on its own target.
 */
public final class CTypeTable {

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

    /** The crate's type a tagged type or an alias name refers to, or null (a scalar, or another crate's type). */
    public AbiType type(CType c) {
        if (c instanceof CType.Tagged tagged) {
            return types.get(tagged.name());
        }
        return c instanceof CType.Named named ? types.get(named.name()) : null;
    }

    public Collection<AbiType> all() {
        return types.values();
    }

    /** The model's target triple. */
    public String target() {
        return target;
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

    /** The Rust primitive a scalar is on the model's target; empty for anything but a known scalar name. */
    public Optional<String> primitive(CType c) {
        return c instanceof CType.Named named && !isCallback(c) ? primitive(named.name()) : Optional.empty();
    }

    /** A callback alias of the crate ({@code StepCallback}), which crosses as a function pointer. */
    public boolean isCallback(CType c) {
        AbiType type = c instanceof CType.Named named ? types.get(named.name()) : null;
        return type != null && type.kind() == AbiModel.TypeKind.CALLBACK;
    }

    /** One address wide: a pointer, a function pointer or a callback alias. */
    public boolean isAddress(CType c) {
        return c.isAddress() || isCallback(c);
    }

    /** Bytes a C type occupies on the model's target; empty for a type of unknown size. */
    public Optional<Long> size(CType c) {
        if (isAddress(c)) {
            return Optional.of(pointerSize);
        }
        if (c instanceof CType.Array array) {
            return size(array.element()).map(element -> element * array.length());
        }
        if (c instanceof CType.Tagged) {
            AbiType type = type(c);
            return type == null ? Optional.empty() : Optional.ofNullable(type.size());
        }
        if (c instanceof CType.Named named) {
            AbiModel.CScalar recorded = scalars.get(named.name());
            if (recorded != null) {
                return Optional.of(recorded.size());
            }
        }
        return primitive(c).map(p -> CScalars.sizeOf(p, pointerSize));
    }

    /** The alignment of a C type on the model's target; empty when unknown. */
    public Optional<Long> align(CType c) {
        if (c instanceof CType.Array array) {
            return align(array.element());
        }
        if (c instanceof CType.Tagged) {
            AbiType type = type(c);
            return type == null ? Optional.empty() : Optional.ofNullable(type.align());
        }
        if (c instanceof CType.Named named && scalars.containsKey(named.name())) {
            return Optional.of(scalars.get(named.name()).align());
        }
        // Pointers and scalars the triple decides are aligned to their size.
        return size(c);
    }
}
