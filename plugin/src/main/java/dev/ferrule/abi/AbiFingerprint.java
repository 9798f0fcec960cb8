package dev.ferrule.abi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferrule.util.Hashing;
import dev.ferrule.util.Json;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A hash of what a caller depends on in a crate's C ABI: symbols, signatures, ownership,
 * layouts, enum values, constants and statics. Docs, source locations, Rust module paths and
 * deprecations are left out, because changing them cannot break a caller; the crate version and
 * the build are left out, because the same ABI may ship in many versions.
 *
 * <p>The generated bindings carry the fingerprint of the model they were generated from, and the
 * library carries the fingerprint it was built with, so a mismatch is caught when the library loads.
 */
public final class AbiFingerprint {

    /** Bumped when the hashed content changes shape, so old fingerprints never match by accident. */
    static final String VERSION = "ferrule-abi-fingerprint-1";

    private static final List<String> IRRELEVANT = List.of("docs", "location", "path", "deprecation");

    private AbiFingerprint() {
    }

    /** {@code sha256:} and 64 hex digits. */
    public static String of(AbiModel model) {
        ObjectNode surface = Json.mapper().createObjectNode();
        surface.set("functions", Json.mapper().valueToTree(model.functions()));
        surface.set("types", Json.mapper().valueToTree(model.types()));
        surface.set("errors", Json.mapper().valueToTree(model.errors()));
        surface.set("constants", Json.mapper().valueToTree(model.constants()));
        surface.set("statics", Json.mapper().valueToTree(model.statics()));
        strip(surface);
        String canonical = VERSION + "\n" + surface;
        return "sha256:" + Hashing.sha256Hex(canonical.getBytes(StandardCharsets.UTF_8));
    }

    private static void strip(JsonNode node) {
        if (node instanceof ObjectNode object) {
            object.remove(IRRELEVANT);
        }
        node.forEach(AbiFingerprint::strip);
    }
}
