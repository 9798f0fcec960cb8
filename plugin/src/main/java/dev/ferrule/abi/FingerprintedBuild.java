package dev.ferrule.abi;

import dev.ferrule.cargo.BuildInfo;
import dev.ferrule.cargo.BuildLog;
import dev.ferrule.cargo.BuildOutcome;
import dev.ferrule.cargo.CargoBuildRequest;
import dev.ferrule.cargo.CargoBuilder;
import dev.ferrule.cargo.CargoException;
import dev.ferrule.cargo.IncrementalState;
import dev.ferrule.cargo.NativePackager;
import dev.ferrule.cargo.PackagedLibrary;
import dev.ferrule.util.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Builds a crate so that the library reports the ABI fingerprint of its own exports.
 *
 * <p>The fingerprint is a hash of the ABI model, and the model is extracted from the built
 * library, so the first build cannot know it. ferrule-ffi reads it at compile time from
 * {@value BuildInfo#ABI_FINGERPRINT_ENV}; Ferrule remembers the last fingerprint in the state
 * directory and passes it to every build. When an extraction finds a different fingerprint (the ABI changed, or this is the
 * first build), cargo runs once more with the new value. That second run only recompiles the
 * crate that reads the variable, and it cannot change the ABI, so the model is reused.
 */
public final class FingerprintedBuild {

    private static final String STAMP_FILE = "abi-fingerprint.txt";

    private final BuildLog log;

    public FingerprintedBuild(BuildLog log) {
        this.log = log;
    }

    /** A build and the ABI of each library it produced. */
    public record Result(BuildOutcome build, List<ExtractedAbi> abis) {
    }

    /**
     * The files a finished {@link #buildAndExtract} left in the state directory and read from the
     * crate, so that a caller can tell by their stamps whether running it again would change anything.
     */
    public static List<Path> filesOf(Result result, Path stateDir) throws IOException {
        List<Path> files = new ArrayList<>(IncrementalState.recordedFiles(stateDir));
        files.add(stateDir.resolve(STAMP_FILE));
        for (PackagedLibrary library : result.build().libraries()) {
            files.addAll(List.of(library.library(), library.sha256File(), library.buildInfoFile()));
        }
        Path abiDir = stateDir.resolve("abi");
        if (Files.isDirectory(abiDir)) {
            try (Stream<Path> walk = Files.walk(abiDir)) {
                walk.filter(Files::isRegularFile).sorted().forEach(files::add);
            }
        }
        return files;
    }

    /** Builds with the fingerprint the last extraction found; what {@code ferrule:build} runs. */
    public BuildOutcome build(CargoBuildRequest request) throws CargoException {
        return new CargoBuilder(log).build(stamped(request, readStamp(request)));
    }

    /** Builds, extracts, and rebuilds when the library would report a stale fingerprint. */
    public Result buildAndExtract(CargoBuildRequest request) throws CargoException, AbiException {
        Optional<String> stamp = readStamp(request);
        CargoBuildRequest first = stamped(request, stamp);
        AbiExtractor extractor = new AbiExtractor(log);
        BuildOutcome build = new CargoBuilder(log).build(first);
        List<ExtractedAbi> abis = extractor.extract(first, build);
        // The host library comes first; its model carries the layouts a fingerprint needs.
        AbiModel host = abis.get(0).model();
        String fingerprint = AbiFingerprint.of(host);
        if (!reportsFingerprint(host)) {
            return new Result(recordedInBuildInfo(build, fingerprint, request.stateDir()), abis);
        }
        if (stamp.filter(fingerprint::equals).isPresent()) {
            return new Result(build, abis);
        }
        log.info("ABI fingerprint " + fingerprint + (stamp.isPresent() ? " replaces " + stamp.get() : " is new")
                + "; rebuilding so the library reports it");
        writeStamp(request, fingerprint);
        CargoBuildRequest second = stamped(request, Optional.of(fingerprint));
        BuildOutcome rebuilt = new CargoBuilder(log).build(second);
        return new Result(rebuilt, extractor.adopt(second, rebuilt, abis));
    }

    /** The library cannot report the fingerprint, so only its build-info.json records it. */
    private static BuildOutcome recordedInBuildInfo(BuildOutcome build, String fingerprint, Path stateDir)
            throws CargoException {
        List<PackagedLibrary> libraries = new ArrayList<>();
        for (PackagedLibrary library : build.libraries()) {
            libraries.add(NativePackager.recordFingerprint(library, fingerprint, stateDir));
        }
        return new BuildOutcome(build.crate(), build.toolchain(), List.copyOf(libraries), build.cargoSkipped(),
                build.skipReason(), build.riskyFeatures());
    }

    /** Crates built on ferrule-ffi export {@code <prefix>_abi_fingerprint}. */
    static boolean reportsFingerprint(AbiModel model) {
        return model.functions().stream().anyMatch(f -> f.symbol().endsWith("_abi_fingerprint"));
    }

    private static CargoBuildRequest stamped(CargoBuildRequest request, Optional<String> stamp) {
        if (stamp.isEmpty()) {
            return request;
        }
        Map<String, String> env = new TreeMap<>(request.env());
        env.put(BuildInfo.ABI_FINGERPRINT_ENV, stamp.get());
        return request.withEnv(env);
    }

    private Optional<String> readStamp(CargoBuildRequest request) {
        Path file = request.stateDir().resolve(STAMP_FILE);
        try {
            return Files.isRegularFile(file) ? Optional.of(Files.readString(file).strip()).filter(s -> !s.isEmpty())
                    : Optional.empty();
        } catch (IOException e) {
            log.warn("Could not read " + file + " (" + e.getMessage() + "); the fingerprint is computed anew.");
            return Optional.empty();
        }
    }

    private void writeStamp(CargoBuildRequest request, String fingerprint) throws AbiException {
        Path file = request.stateDir().resolve(STAMP_FILE);
        try {
            AtomicFiles.write(file, (fingerprint + "\n").getBytes(StandardCharsets.UTF_8), request.stateDir());
        } catch (IOException e) {
            throw new AbiException("Could not record the ABI fingerprint in " + file + ": " + e.getMessage(), e);
        }
    }
}
