package dev.ferrule.cargo;

import dev.ferrule.util.AtomicFiles;
import dev.ferrule.util.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Lays out {@code META-INF/native/<os>-<arch>/} in the classes directory: the library, its
 * {@code .sha256} (in {@code sha256sum} format) and {@code build-info.json}. The runtime loader
 * reads this layout, so it is a contract between the two.
 */
public final class NativePackager {

    public static final String NATIVE_ROOT = "META-INF/native";
    public static final String BUILD_INFO_FILE = "build-info.json";

    private NativePackager() {
    }

    /** @param stateDir  Ferrule's state directory, where the temporary files of the writes go */
    public static PackagedLibrary pack(Path builtLibrary, Path outputDir, BuildInfo info, Path rlib, Path stateDir)
            throws CargoException {
        Path dir = outputDir.resolve(NATIVE_ROOT).resolve(info.platform());
        Path library = dir.resolve(info.library());
        Path sha = dir.resolve(info.library() + ".sha256");
        Path buildInfo = dir.resolve(BUILD_INFO_FILE);
        info = withRecordedFingerprint(info, buildInfo);
        try {
            Files.createDirectories(dir);
            // Unchanged files keep their timestamps, so a no-op build does not rebuild the jar.
            AtomicFiles.copyIfChanged(builtLibrary, library, stateDir);
            AtomicFiles.writeIfChanged(sha, (info.sha256() + "  " + info.library() + "\n")
                    .getBytes(StandardCharsets.US_ASCII), stateDir);
            AtomicFiles.writeIfChanged(buildInfo, Json.prettyBytes(info), stateDir);
        } catch (IOException e) {
            throw new CargoException(CargoException.Kind.BUILD_FAILED,
                    "Could not write the native library to " + dir + ": " + e.getMessage(), e);
        }
        return new PackagedLibrary(info.target(), info.platform(), library, sha, buildInfo, info, rlib);
    }

    /**
     * A crate that cannot report its fingerprint has it recorded after extraction
     * ({@link #recordFingerprint}); the same library keeps the one recorded last time, so that an
     * unchanged build writes build-info.json once, not without the fingerprint and then with it.
     * Should the ABI differ after all, {@link #recordFingerprint} replaces it.
     */
    private static BuildInfo withRecordedFingerprint(BuildInfo info, Path buildInfo) {
        if (info.abiFingerprint() != null || !Files.isRegularFile(buildInfo)) {
            return info;
        }
        try {
            BuildInfo recorded = Json.read(Files.readAllBytes(buildInfo), BuildInfo.class);
            return recorded != null && info.sha256().equals(recorded.sha256()) && recorded.abiFingerprint() != null
                    ? info.withAbiFingerprint(recorded.abiFingerprint()) : info;
        } catch (IOException | RuntimeException e) {
            // An unreadable record is only rewritten.
            return info;
        }
    }

    /**
     * Records the ABI fingerprint in a packaged library's build-info.json, for a crate whose
     * library cannot report it itself (not built on ferrule-ffi), so that merges can still check
     * that per-platform builds share one ABI.
     */
    public static PackagedLibrary recordFingerprint(PackagedLibrary packaged, String fingerprint, Path stateDir)
            throws CargoException {
        if (fingerprint.equals(packaged.buildInfo().abiFingerprint())) {
            return packaged;
        }
        BuildInfo info = packaged.buildInfo().withAbiFingerprint(fingerprint);
        try {
            AtomicFiles.writeIfChanged(packaged.buildInfoFile(), Json.prettyBytes(info), stateDir);
        } catch (IOException e) {
            throw new CargoException(CargoException.Kind.BUILD_FAILED,
                    "Could not write " + packaged.buildInfoFile() + ": " + e.getMessage(), e);
        }
        return new PackagedLibrary(packaged.target(), packaged.platform(), packaged.library(), packaged.sha256File(),
                packaged.buildInfoFile(), info, packaged.rlib());
    }
}
