package dev.ferrule.cargo;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.ferrule.util.AtomicFiles;
import dev.ferrule.util.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The libraries that this module's generated bindings were generated with, by platform, as
 * ferrule:generate compiled their SHA-256s into the raw class. assemble and platform-jars read
 * it to pack no library the bindings would refuse at run time, so a release jar cannot carry
 * a platform that fails only on the machines that run it.
 *
 * @param bindings          the raw class, for messages
 * @param abiFingerprint    the ABI the bindings describe
 * @param sha256ByPlatform  each library's SHA-256, by platform
 */
@JsonPropertyOrder({"schemaVersion", "bindings", "abiFingerprint", "sha256ByPlatform"})
public record BoundLibraries(int schemaVersion, String bindings, String abiFingerprint,
        SortedMap<String, String> sha256ByPlatform) {

    /** Its name in Ferrule's state directory. */
    public static final String FILE_NAME = "bound-libraries.json";
    static final int SCHEMA_VERSION = 1;

    public BoundLibraries {
        sha256ByPlatform = sha256ByPlatform == null ? null : new TreeMap<>(sha256ByPlatform);
    }

    /** What bindings generated for {@code builds} expect. */
    public static BoundLibraries of(String bindings, List<NativeAssembler.PlatformBuild> builds) {
        SortedMap<String, String> sha256 = new TreeMap<>();
        builds.forEach(build -> sha256.put(build.platform(), build.sha256()));
        return new BoundLibraries(SCHEMA_VERSION, bindings, builds.get(0).abiFingerprint(), sha256);
    }

    public void write(Path stateDir) throws IOException {
        AtomicFiles.write(stateDir.resolve(FILE_NAME), Json.prettyBytes(this), stateDir);
    }

    /** What this module's bindings expect, or empty when it generates none. */
    public static Optional<BoundLibraries> read(Path stateDir) throws CargoException {
        Path file = stateDir.resolve(FILE_NAME);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Json.readResults(file, BoundLibraries.class, BoundLibraries::schemaVersion,
                    SCHEMA_VERSION, "ferrule:generate"));
        } catch (IOException e) {
            throw CargoException.invalid("Cannot read what the bindings expect from " + file + ": " + Json.problem(e));
        }
    }

    /**
     * Refuses, naming each, the builds whose library is not one the bindings were generated with:
     * the loader would refuse them on the platforms they are for.
     */
    public void checkPacked(List<NativeAssembler.PlatformBuild> builds) throws CargoException {
        List<NativeAssembler.PlatformBuild> unexpected = builds.stream()
                .filter(build -> !build.sha256().equals(sha256ByPlatform.get(build.platform()))).toList();
        if (unexpected.isEmpty()) {
            return;
        }
        throw CargoException.invalid("The bindings " + bindings + " were generated with other libraries than these,"
                + " so their loader would refuse them:" + unexpected.stream().map(build -> "\n  " + build.describe()
                        + ": SHA-256 " + build.sha256() + (sha256ByPlatform.containsKey(build.platform())
                                ? ", the bindings expect " + sha256ByPlatform.get(build.platform())
                                : ", the bindings have no library for " + build.platform()))
                        .collect(Collectors.joining())
                + "\nThey expect " + describe(sha256ByPlatform) + ". List the same builds in ferrule:generate's"
                + " <natives> as in this goal's, so that the bindings are generated with every library the jar"
                + " carries.");
    }

    private static String describe(Map<String, String> sha256ByPlatform) {
        return sha256ByPlatform.isEmpty() ? "no library" : String.join(", ", sha256ByPlatform.keySet());
    }
}
