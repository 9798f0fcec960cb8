package dev.ferrule.cargo;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What {@code cargo metadata} says about the crate being built.
 *
 * @param libName     the library target's name, which names the built file ({@code lib<libName>.so})
 * @param crateTypes  the library target's crate types; a cdylib is required
 * @param features    the {@code [features]} table: each feature and what it enables
 * @param lockFile    the workspace's {@code Cargo.lock}, if one is committed
 */
public record CargoPackage(
        String name,
        String version,
        String id,
        Path manifestPath,
        String libName,
        List<String> crateTypes,
        Map<String, List<String>> features,
        Path workspaceRoot,
        Optional<Path> lockFile,
        List<Path> workspaceManifests,
        FerruleMetadata ferruleMetadata) {

    /** A package without {@code [package.metadata.ferrule]}. */
    public CargoPackage(String name, String version, String id, Path manifestPath, String libName,
            List<String> crateTypes, Map<String, List<String>> features, Path workspaceRoot, Optional<Path> lockFile,
            List<Path> workspaceManifests) {
        this(name, version, id, manifestPath, libName, crateTypes, features, workspaceRoot, lockFile,
                workspaceManifests, FerruleMetadata.NONE);
    }

    public boolean hasCdylib() {
        return crateTypes.contains("cdylib");
    }
}
