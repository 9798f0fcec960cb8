package dev.ferrule.abi;

import java.util.Map;

/**
 * What the compiler measured for one extraction.
 *
 * @param types              layouts of the crate's types, by definition path ({@code crate::module::Type})
 * @param scalars            what each C scalar name is, by the Rust path the probe named it with
 *                           ({@code libc::size_t}, {@code usize})
 * @param unavailableReason  why nothing could be measured (another target), or null
 */
public record Measurements(Map<String, TypeLayout> types, Map<String, Scalar> scalars, String unavailableReason) {

    public Measurements {
        types = Map.copyOf(types);
        scalars = Map.copyOf(scalars);
    }

    /** Nothing measured, for the given reason. */
    public static Measurements unavailable(String reason) {
        return new Measurements(Map.of(), Map.of(), reason);
    }

    /**
     * A scalar type as the compiler sees it.
     *
     * @param primitive  the Rust primitive it is, or null when it is none (an alias of a struct or pointer)
     */
    public record Scalar(String primitive, long size, long align) {
    }
}
