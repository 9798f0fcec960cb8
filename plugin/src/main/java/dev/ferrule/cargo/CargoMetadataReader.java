package dev.ferrule.cargo;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferrule.util.Json;
import dev.ferrule.util.Processes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads a crate's shape from {@code cargo metadata --no-deps}, which needs no registry access. */
public final class CargoMetadataReader {

    private CargoMetadataReader() {
    }

    public static CargoPackage read(RustToolchain toolchain, Path crateDir, Map<String, String> env)
            throws CargoException {
        Path manifest = crateDir.resolve("Cargo.toml");
        if (!Files.isRegularFile(manifest)) {
            throw CargoException.invalid("No Cargo.toml in " + crateDir + ". Point <crateDir> at a Rust crate,"
                    + " or create one with `cargo new --lib " + crateDir + "`.");
        }
        List<String> command = List.of(toolchain.cargo().toString(), "metadata", "--no-deps",
                "--format-version", "1", "--manifest-path", manifest.toString());
        Processes.Result result;
        try {
            result = Processes.run(command, crateDir, env);
        } catch (IOException e) {
            throw CargoException.invalid("Could not run cargo metadata: " + e.getMessage());
        }
        if (!result.succeeded()) {
            throw CargoException.invalid("cargo could not read " + manifest + ":\n" + result.stderr().strip());
        }
        try {
            return parse(Json.parse(result.stdout()), manifest);
        } catch (IOException e) {
            throw CargoException.invalid("cargo metadata printed JSON that Ferrule cannot read: " + e.getMessage());
        }
    }

    static CargoPackage parse(JsonNode metadata, Path manifest) throws CargoException {
        Path wanted = canonical(manifest);
        JsonNode pkg = null;
        List<Path> manifests = new ArrayList<>();
        for (JsonNode candidate : metadata.path("packages")) {
            Path candidateManifest = canonical(Path.of(candidate.path("manifest_path").asText()));
            manifests.add(candidateManifest);
            if (candidateManifest.equals(wanted)) {
                pkg = candidate;
            }
        }
        if (pkg == null) {
            throw CargoException.invalid(manifest + " declares a workspace but no package."
                    + " Point <crateDir> at the member crate that builds the cdylib.");
        }
        String libName = null;
        List<String> crateTypes = List.of();
        for (JsonNode target : pkg.path("targets")) {
            List<String> types = strings(target.path("crate_types"));
            if (types.stream().anyMatch(t -> t.equals("cdylib") || t.equals("lib") || t.equals("rlib")
                    || t.equals("dylib") || t.equals("staticlib"))) {
                libName = target.path("name").asText();
                crateTypes = types;
            }
        }
        Map<String, List<String>> features = new LinkedHashMap<>();
        pkg.path("features").properties().forEach(e -> features.put(e.getKey(), strings(e.getValue())));
        Path workspaceRoot = Path.of(metadata.path("workspace_root").asText());
        Path lock = workspaceRoot.resolve("Cargo.lock");
        return new CargoPackage(
                pkg.path("name").asText(),
                pkg.path("version").asText(),
                pkg.path("id").asText(),
                wanted,
                libName == null ? pkg.path("name").asText().replace('-', '_') : libName,
                crateTypes,
                Map.copyOf(features),
                workspaceRoot,
                Files.isRegularFile(lock) ? Optional.of(lock) : Optional.empty(),
                List.copyOf(manifests),
                FerruleMetadata.parse(pkg.path("metadata").path("ferrule"), wanted.toString()));
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(node -> values.add(node.asText()));
        return values;
    }

    private static Path canonical(Path path) {
        try {
            return path.toRealPath();
        } catch (IOException e) {
            return path.toAbsolutePath().normalize();
        }
    }
}
