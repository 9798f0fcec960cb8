package dev.ferrule.cargo;

import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Everything one {@code ferrule:build} run needs, already translated out of Maven terms.
 *
 * @param crateDir        the crate to build (holds {@code Cargo.toml})
 * @param cargoTargetDir  cargo's {@code --target-dir}
 * @param outputDir       where {@code META-INF/native/...} is written (the classes directory)
 * @param stateDir        where incremental state lives ({@code target/ferrule})
 * @param displayRoot     paths in messages are shown relative to this (the project base directory)
 * @param targets         target triples; empty means the host
 * @param env             extra environment for cargo and rustc only
 * @param unsafePattern   glob naming risky features
 * @param allowedUnsafe   risky features allowed in a release, with their reasons
 * @param release         whether this build produces a release
 */
public record CargoBuildRequest(
        Path crateDir,
        Path cargoTargetDir,
        Path outputDir,
        Path stateDir,
        Path displayRoot,
        FeatureSelection features,
        String profile,
        List<String> targets,
        List<String> extraArgs,
        Map<String, String> env,
        String unsafePattern,
        Map<String, String> allowedUnsafe,
        boolean release) {

    public CargoBuildRequest {
        crateDir = absolute(crateDir);
        cargoTargetDir = absolute(cargoTargetDir);
        outputDir = absolute(outputDir);
        stateDir = absolute(stateDir);
        displayRoot = displayRoot == null ? null : absolute(displayRoot);
        targets = targets.stream().map(String::strip).filter(t -> !t.isEmpty()).distinct().toList();
        extraArgs = List.copyOf(extraArgs);
        env = immutableSorted(env);
        allowedUnsafe = immutableSorted(allowedUnsafe);
    }

    /** The same request with another environment for cargo. */
    public CargoBuildRequest withEnv(Map<String, String> newEnv) {
        return new CargoBuildRequest(crateDir, cargoTargetDir, outputDir, stateDir, displayRoot, features, profile,
                targets, extraArgs, newEnv, unsafePattern, allowedUnsafe, release);
    }

    private static Path absolute(Path path) {
        return path.toAbsolutePath().normalize();
    }

    private static SortedMap<String, String> immutableSorted(Map<String, String> map) {
        return Collections.unmodifiableSortedMap(new TreeMap<>(map));
    }
}
