package dev.ferrule.abi.rustdoc;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferrule.abi.AbiException;

/**
 * Maps one range of rustdoc JSON {@code format_version}s into a {@link RustdocCrate}. rustdoc's
 * format changes often; each change that matters gets its own adapter, and nothing outside this
 * package reads rustdoc JSON.
 */
public interface RustdocAdapter {

    /** The lowest format version this adapter reads. */
    int minVersion();

    /** The highest format version this adapter reads. */
    int maxVersion();

    RustdocCrate read(JsonNode root, String source) throws AbiException;
}
