package dev.ferrule.abi;

import java.util.Map;

/**
 * A layout as the compiler computed it: size and alignment in bytes, the offset of each field
 * that code outside the crate can name, and the value of each enum variant.
 */
public record TypeLayout(long size, long align, Map<String, Long> offsets, Map<String, Long> discriminants) {

    public TypeLayout {
        offsets = Map.copyOf(offsets);
        discriminants = Map.copyOf(discriminants);
    }
}
