package dev.ferrule.abi.rustdoc;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.ferrule.abi.AbiException;
import dev.ferrule.util.Json;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/** Reads a rustdoc JSON file with the adapter for its {@code format_version}. */
public final class RustdocReader {

    /** Adapters, newest first. */
    static final List<RustdocAdapter> ADAPTERS = List.of(new RustdocV57Adapter(), new RustdocV53Adapter());

    private RustdocReader() {
    }

    public static RustdocCrate read(Path file) throws AbiException {
        JsonNode root;
        try {
            root = Json.mapper().readTree(file.toFile());
        } catch (JsonEOFException e) {
            throw new AbiException("rustdoc JSON " + file + " is truncated (it ends at line "
                    + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")."
                    + " Delete it and run the build again; rustdoc was probably interrupted.", e);
        } catch (JsonParseException e) {
            throw new AbiException("rustdoc JSON " + file + " is malformed at line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage()
                    + ". Delete it and run the build again.", e);
        } catch (IOException e) {
            throw new AbiException("Could not read rustdoc JSON " + file + ": " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new AbiException("rustdoc JSON " + file + " is empty or not a JSON object.");
        }
        return read(root, file.toString());
    }

    public static RustdocCrate read(JsonNode root, String source) throws AbiException {
        JsonNode version = root.path("format_version");
        if (!version.isInt()) {
            throw new AbiException(source + " has no format_version; it is not rustdoc JSON output.");
        }
        int formatVersion = version.asInt();
        for (RustdocAdapter adapter : ADAPTERS) {
            if (formatVersion >= adapter.minVersion() && formatVersion <= adapter.maxVersion()) {
                return adapter.read(root, source);
            }
        }
        throw new AbiException(source + " uses rustdoc JSON format_version " + formatVersion + ", which this"
                + " Ferrule does not support. Supported: " + supportedRange() + ". Use a Rust toolchain whose"
                + " rustdoc writes a supported version, or a Ferrule release that supports " + formatVersion + ".");
    }

    public static String supportedRange() {
        return ADAPTERS.stream().map(a -> a.minVersion() == a.maxVersion() ? String.valueOf(a.minVersion())
                : a.minVersion() + "-" + a.maxVersion()).sorted().collect(Collectors.joining(", "));
    }
}
