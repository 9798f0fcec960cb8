package dev.ferrule.cargo;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.ferrule.util.AtomicFiles;
import dev.ferrule.util.Hashing;
import dev.ferrule.util.Json;
import dev.ferrule.util.MayBeAbsent;
import dev.ferrule.util.RecordCheck;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What the last successful build saw, kept in {@code target/ferrule/build-state.json}.
 *
 * <p>A build is fresh when the configuration fingerprint (parameters, features, profile,
 * targets, environment, rustc version) is unchanged, every input file still has the content hash
 * it had, and every built library is still on disk with the hash it had. The input files are the
 * ones cargo's dep-info lists for the cdylib, plus the manifests, {@code Cargo.lock}, build
 * scripts and toolchain and cargo config files, so an edit anywhere rustc looked triggers a
 * rebuild while a no-op rebuild never starts cargo.
 *
 * @param configFingerprint SHA-256 over the build configuration and toolchain
 * @param inputs            absolute input path to its SHA-256
 * @param artifacts         target triple to the library cargo built for it
 */
@JsonPropertyOrder({"formatVersion", "configFingerprint", "inputs", "artifacts"})
public record IncrementalState(int formatVersion, String configFingerprint, SortedMap<String, String> inputs,
        SortedMap<String, BuiltArtifact> artifacts) {

    static final int FORMAT_VERSION = 2;
    static final String FILE_NAME = "build-state.json";

    /**
     * A library cargo built, with the features cargo reported for it, and the rlib built beside
     * it when the crate-type includes one (null otherwise).
     */
    @JsonPropertyOrder({"path", "sha256", "features", "rlib"})
    public record BuiltArtifact(String path, String sha256, List<String> features, @MayBeAbsent String rlib) {
    }

    /**
     * What was found in the state directory: a usable state, or why there is none (nothing
     * recorded yet, or a file that is damaged or incomplete and is therefore ignored).
     */
    public record Loaded(Optional<IncrementalState> state, String why) {
    }

    public static Loaded load(Path stateDir) {
        Path file = stateDir.resolve(FILE_NAME);
        if (!Files.isRegularFile(file)) {
            return new Loaded(Optional.empty(), "no previous build recorded");
        }
        IncrementalState state;
        try {
            state = Json.read(Files.readAllBytes(file), IncrementalState.class);
        } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
            // A damaged state file only costs a rebuild.
            return new Loaded(Optional.empty(), "the recorded build state " + file + " is not valid JSON;"
                    + " ignoring it");
        }
        if (state != null && state.formatVersion() != FORMAT_VERSION) {
            return new Loaded(Optional.empty(), "the recorded build state " + file + " has format "
                    + state.formatVersion() + ", not " + FORMAT_VERSION + "; ignoring it");
        }
        Optional<String> missing = RecordCheck.firstMissing(state);
        if (missing.isPresent()) {
            return new Loaded(Optional.empty(), "the recorded build state " + file + " is incomplete (no "
                    + missing.get() + "); ignoring it");
        }
        return new Loaded(Optional.of(state), null);
    }

    /**
     * Every file the recorded build depends on: its inputs, the libraries and rlibs cargo built,
     * and the record itself; empty when no usable build is recorded.
     */
    public static List<Path> recordedFiles(Path stateDir) {
        return load(stateDir).state().map(state -> {
            List<Path> files = new java.util.ArrayList<>();
            files.add(stateDir.resolve(FILE_NAME));
            state.inputs().keySet().forEach(input -> files.add(Path.of(input)));
            for (BuiltArtifact artifact : state.artifacts().values()) {
                files.add(Path.of(artifact.path()));
                if (artifact.rlib() != null) {
                    files.add(Path.of(artifact.rlib()));
                }
            }
            return List.copyOf(files);
        }).orElse(List.of());
    }

    void save(Path stateDir) throws IOException {
        AtomicFiles.write(stateDir.resolve(FILE_NAME), Json.prettyBytes(this), stateDir);
    }

    /** Why a rebuild is needed, or empty when the recorded build still matches everything. */
    Optional<String> staleReason(String currentFingerprint) {
        if (!configFingerprint.equals(currentFingerprint)) {
            return Optional.of("build configuration or toolchain changed");
        }
        for (Map.Entry<String, String> input : inputs.entrySet()) {
            if (!hashMatches(Path.of(input.getKey()), input.getValue())) {
                return Optional.of("input changed: " + input.getKey());
            }
        }
        for (Map.Entry<String, BuiltArtifact> artifact : artifacts.entrySet()) {
            if (!hashMatches(Path.of(artifact.getValue().path()), artifact.getValue().sha256())) {
                return Optional.of("built library missing or changed: " + artifact.getValue().path());
            }
        }
        return Optional.empty();
    }

    static SortedMap<String, String> hashInputs(List<Path> files) throws IOException {
        SortedMap<String, String> hashes = new TreeMap<>();
        for (Path file : files) {
            if (Files.isRegularFile(file)) {
                hashes.put(file.toAbsolutePath().normalize().toString(), Hashing.sha256Hex(file));
            }
        }
        return hashes;
    }

    private static boolean hashMatches(Path file, String expected) {
        try {
            return Files.isRegularFile(file) && Hashing.sha256Hex(file).equals(expected);
        } catch (IOException e) {
            return false;
        }
    }
}
