package dev.ferrule.cargo;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferrule.util.Hashing;
import dev.ferrule.util.Json;
import java.io.IOException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Merges the native libraries of per-platform builds into one output directory (and so one
 * jar): each input is a jar, or a directory such as another build's {@code target/classes},
 * holding {@code META-INF/native/<platform>/}. Every library must come from the same crate with
 * the same ABI fingerprint, and each platform must have one build; otherwise nothing is merged
 * and the error names the builds that disagree.
 */
public final class NativeAssembler {

    static final String NATIVE_ROOT = "META-INF/native";
    /** How the output directory's own builds are named in messages. */
    public static final String THIS_BUILD = "this build";

    /** One platform's packaged library and where it came from. */
    public record PlatformBuild(String platform, String from, String crateName, String crateVersion,
            String abiFingerprint, String library, String sha256) {

        String describe() {
            return platform + " (from " + from + ")";
        }
    }

    /** The platforms now in the output directory, and which of them were copied in. */
    public record Result(List<PlatformBuild> platforms, List<String> added) {
    }

    private NativeAssembler() {
    }

    /**
     * Copies the other platforms' builds into {@code outputDir}, after {@link #survey} checked
     * them all and, when this module generates bindings, {@code bound} confirmed that the
     * bindings expect every library.
     *
     * @param outputDir where this build packs its own library ({@code target/classes}); its
     *                  platforms take part in the checks
     * @param inputs    jars or directories of the other platforms' builds
     * @param bound     what this module's bindings expect, if it generates any
     * @param stateDir  Ferrule's state directory, where the temporary files of the copies go
     */
    public static Result assemble(Path outputDir, List<Path> inputs, Optional<BoundLibraries> bound, Path stateDir)
            throws CargoException {
        List<PlatformBuild> platforms = survey(outputDir, inputs);
        if (bound.isPresent()) {
            bound.get().checkPacked(platforms);
        }
        List<String> added = new ArrayList<>();
        for (PlatformBuild build : platforms) {
            if (!build.from().equals(THIS_BUILD)) {
                copyPlatform(Path.of(build.from()), build.platform(), outputDir, stateDir);
                added.add(build.platform());
            }
        }
        return new Result(platforms, List.copyOf(added));
    }

    /**
     * The builds in {@code outputDir} and {@code inputs}, one per platform (this build's first),
     * checked to be of one crate and one ABI, with one library per platform.
     */
    public static List<PlatformBuild> survey(Path outputDir, List<Path> inputs) throws CargoException {
        List<PlatformBuild> all = new ArrayList<>(read(outputDir, THIS_BUILD));
        for (Path input : inputs) {
            if (!Files.exists(input)) {
                throw CargoException.invalid("The native build " + input + " does not exist. List the jars or"
                        + " target/classes directories of the per-platform builds in <natives>.");
            }
            List<PlatformBuild> found = inputPlatforms(input);
            if (found.isEmpty()) {
                throw CargoException.invalid(input + " holds no " + NATIVE_ROOT + "/<platform>/build-info.json;"
                        + " it is not the output of ferrule:build.");
            }
            all.addAll(found);
        }
        if (all.isEmpty()) {
            throw CargoException.invalid("There is nothing to assemble: no native library in " + outputDir
                    + " and no input in <natives>.");
        }
        check(all);
        Map<String, PlatformBuild> byPlatform = new TreeMap<>();
        all.forEach(build -> byPlatform.putIfAbsent(build.platform(), build));
        return List.copyOf(byPlatform.values());
    }

    /** One crate, one ABI, one build per platform. */
    static void check(List<PlatformBuild> all) throws CargoException {
        Map<String, List<PlatformBuild>> crates = all.stream().collect(Collectors.groupingBy(PlatformBuild::crateName,
                TreeMap::new, Collectors.toList()));
        if (crates.size() > 1) {
            throw CargoException.invalid("The native builds are of different crates, so they cannot share a jar: "
                    + crates.entrySet().stream().map(e -> e.getKey() + ": " + names(e.getValue()))
                    .collect(Collectors.joining("; ")) + ".");
        }
        List<PlatformBuild> unstamped = all.stream().filter(b -> b.abiFingerprint() == null).toList();
        if (!unstamped.isEmpty()) {
            throw CargoException.invalid("These native builds record no ABI fingerprint, so Ferrule cannot tell"
                    + " whether they export the same ABI: " + names(unstamped) + ". Build every platform with"
                    + " ferrule:generate (or check-abi, snapshot or audit, which extract the ABI and record its"
                    + " fingerprint; ferrule:build alone does not for crates without ferrule-ffi) from the same"
                    + " commit.");
        }
        Map<String, List<PlatformBuild>> fingerprints = all.stream().collect(Collectors.groupingBy(
                PlatformBuild::abiFingerprint, TreeMap::new, Collectors.toList()));
        if (fingerprints.size() > 1) {
            throw CargoException.invalid("The native builds export different ABIs, and the bindings match only one:"
                    + fingerprints.entrySet().stream().map(e -> "\n  fingerprint " + e.getKey() + ": "
                            + names(e.getValue())).collect(Collectors.joining())
                    + "\nRebuild every platform from the same commit and features, then merge again.");
        }
        Map<String, List<PlatformBuild>> platforms = all.stream().collect(Collectors.groupingBy(
                PlatformBuild::platform, TreeMap::new, Collectors.toList()));
        for (Map.Entry<String, List<PlatformBuild>> platform : platforms.entrySet()) {
            if (platform.getValue().stream().map(PlatformBuild::sha256).distinct().count() > 1) {
                throw CargoException.invalid("Two different libraries for " + platform.getKey() + ": "
                        + names(platform.getValue()) + ". Keep one build per platform in <natives>.");
            }
        }
    }

    private static String names(List<PlatformBuild> builds) {
        return builds.stream().map(PlatformBuild::describe).collect(Collectors.joining(", "));
    }

    private static List<PlatformBuild> inputPlatforms(Path input) throws CargoException {
        if (Files.isDirectory(input)) {
            return read(input, input.toString());
        }
        try (FileSystem jar = FileSystems.newFileSystem(input)) {
            return read(jar.getPath("/"), input.toString());
        } catch (IOException e) {
            throw CargoException.invalid("Cannot open " + input + " as a jar: " + e.getMessage());
        }
    }

    static List<PlatformBuild> read(Path root, String from) throws CargoException {
        Path natives = root.resolve(NATIVE_ROOT);
        if (!Files.isDirectory(natives)) {
            return List.of();
        }
        List<PlatformBuild> builds = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(natives)) {
            for (Path dir : dirs.sorted().toList()) {
                Path info = dir.resolve(NativePackager.BUILD_INFO_FILE);
                if (!Files.isRegularFile(info)) {
                    continue;
                }
                JsonNode json = Json.parse(Files.readString(info));
                for (String field : List.of("library", "sha256", "crateName", "crateVersion")) {
                    if (json == null || !json.path(field).isTextual()) {
                        throw CargoException.invalid(info + " in " + from + " has no \"" + field + "\"; it is"
                                + " incomplete. Rebuild that platform with ferrule:build.");
                    }
                }
                String library = json.path("library").asText();
                String sha256 = json.path("sha256").asText();
                Path libraryFile = dir.resolve(library);
                if (!Files.isRegularFile(libraryFile) || !Hashing.sha256Hex(libraryFile).equals(sha256)) {
                    throw CargoException.invalid(libraryFile + " in " + from + " is missing or does not match the"
                            + " SHA-256 in its build-info.json; the build is damaged.");
                }
                builds.add(new PlatformBuild(dir.getFileName().toString(), from, json.path("crateName").asText(),
                        json.path("crateVersion").asText(), json.path("abiFingerprint").asText(null), library,
                        sha256));
            }
        } catch (IOException e) {
            throw CargoException.invalid("Cannot read the native builds in " + from + ": " + Json.problem(e)
                    + ". Rebuild that platform with ferrule:build.");
        }
        return builds;
    }

    private static void copyPlatform(Path input, String platform, Path outputDir, Path stateDir)
            throws CargoException {
        Path target = outputDir.resolve(NATIVE_ROOT).resolve(platform);
        try {
            if (Files.isDirectory(input)) {
                copyTree(input.resolve(NATIVE_ROOT).resolve(platform), target, stateDir);
            } else {
                try (FileSystem jar = FileSystems.newFileSystem(input)) {
                    copyTree(jar.getPath("/").resolve(NATIVE_ROOT).resolve(platform), target, stateDir);
                }
            }
        } catch (IOException e) {
            throw CargoException.invalid("Could not copy " + platform + " from " + input + " into " + outputDir + ": "
                    + e.getMessage());
        }
    }

    /** Copies atomically, so a kill leaves no half-written library in the classes the jar packs. */
    private static void copyTree(Path from, Path to, Path stateDir) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                dev.ferrule.util.AtomicFiles.write(to.resolve(file.getFileName().toString()), Files.readAllBytes(file),
                        stateDir);
            }
        }
    }
}
