package dev.ferrule.abi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferrule.cargo.BuildInfo;
import dev.ferrule.cargo.CargoBuilder;
import dev.ferrule.cargo.Fixtures;
import dev.ferrule.cargo.RecordingLog;
import dev.ferrule.util.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A crate not built on ferrule-ffi cannot report its ABI fingerprint, but its build-info.json
 * still records it once the ABI has been extracted, so that per-platform builds of it can be
 * merged.
 */
class FingerprintedBuildTest {

    @TempDir
    Path work;

    private final RecordingLog log = new RecordingLog();

    private static BuildInfo buildInfoOn(Path file) throws Exception {
        return Json.read(Files.readAllBytes(file), BuildInfo.class);
    }

    @Test
    void extractingRecordsTheFingerprintOfAPlainCrate() throws Exception {
        Fixtures.Request request = new Fixtures.Request(Fixtures.copy("abi", work), work);

        FingerprintedBuild.Result result = new FingerprintedBuild(log).buildAndExtract(request.toRequest());

        String fingerprint = AbiFingerprint.of(result.abis().get(0).model());
        assertThat(FingerprintedBuild.reportsFingerprint(result.abis().get(0).model())).isFalse();
        assertThat(result.build().libraries().get(0).buildInfo().abiFingerprint()).isEqualTo(fingerprint);
        assertThat(buildInfoOn(result.build().libraries().get(0).buildInfoFile()).abiFingerprint())
                .isEqualTo(fingerprint).startsWith("sha256:");
        assertThat(log.all()).doesNotContain("rebuilding so the library reports it");

        Path lib = request.crateDir.resolve("src/lib.rs");
        Files.writeString(lib, Files.readString(lib) + "\n/// Added.\n#[no_mangle]\n"
                + "pub extern \"C\" fn fx_added(x: i32) -> i32 {\n    x\n}\n");
        FingerprintedBuild.Result changed = new FingerprintedBuild(log).buildAndExtract(request.toRequest());
        assertThat(buildInfoOn(changed.build().libraries().get(0).buildInfoFile()).abiFingerprint())
                .startsWith("sha256:").isNotEqualTo(fingerprint);
    }

    @Test
    void aBuildAloneRecordsNoFingerprintForAPlainCrate() throws Exception {
        Fixtures.Request request = new Fixtures.Request(Fixtures.copy("abi", work), work);

        var build = new CargoBuilder(log).build(request.toRequest());

        assertThat(buildInfoOn(build.libraries().get(0).buildInfoFile()).abiFingerprint()).isNull();
    }
}
