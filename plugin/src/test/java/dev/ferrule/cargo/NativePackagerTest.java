package dev.ferrule.cargo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged layout is rewritten only where it changed, so a no-op build leaves the jar alone. */
class NativePackagerTest {

    @TempDir
    Path work;

    private static BuildInfo info(String sha256) {
        return new BuildInfo(BuildInfo.SCHEMA_VERSION, "demo", "1.0.0", "x86_64-unknown-linux-gnu", "linux-x86_64",
                "release", List.of(), List.of(), "rustc 1.95.0", "libdemo.so", sha256, null);
    }

    @Test
    void packingTheSameLibraryAgainRewritesNothingAndAChangedOneIsCopied() throws Exception {
        Path built = Files.write(work.resolve("libdemo.so"), new byte[] {1, 2, 3});
        Path classes = work.resolve("classes");
        PackagedLibrary first = NativePackager.pack(built, classes, info("aa"), null, work.resolve("state"));
        FileTime old = FileTime.fromMillis(1_000_000_000_000L);
        for (Path file : List.of(first.library(), first.sha256File(), first.buildInfoFile())) {
            Files.setLastModifiedTime(file, old);
        }

        NativePackager.pack(built, classes, info("aa"), null, work.resolve("state"));

        for (Path file : List.of(first.library(), first.sha256File(), first.buildInfoFile())) {
            assertThat(Files.getLastModifiedTime(file)).as("%s", file.getFileName()).isEqualTo(old);
        }

        Files.write(built, new byte[] {1, 2, 4});
        NativePackager.pack(built, classes, info("bb"), null, work.resolve("state"));

        assertThat(Files.readAllBytes(first.library())).containsExactly(1, 2, 4);
        assertThat(Files.readString(first.sha256File())).startsWith("bb  libdemo.so");
        assertThat(Files.getLastModifiedTime(first.library())).isNotEqualTo(old);
    }

    @Test
    void theFingerprintRecordedForTheSameLibraryIsKeptAndAnotherLibraryDropsIt() throws Exception {
        Path built = Files.write(work.resolve("libdemo.so"), new byte[] {1, 2, 3});
        Path classes = work.resolve("classes");
        Path state = work.resolve("state");
        PackagedLibrary first = NativePackager.recordFingerprint(
                NativePackager.pack(built, classes, info("aa"), null, state), "fp-1", state);
        FileTime old = FileTime.fromMillis(1_000_000_000_000L);
        Files.setLastModifiedTime(first.buildInfoFile(), old);

        PackagedLibrary again = NativePackager.pack(built, classes, info("aa"), null, state);

        assertThat(again.buildInfo().abiFingerprint()).isEqualTo("fp-1");
        assertThat(Files.getLastModifiedTime(first.buildInfoFile())).isEqualTo(old);

        Files.write(built, new byte[] {9});
        PackagedLibrary other = NativePackager.pack(built, classes, info("bb"), null, state);

        assertThat(other.buildInfo().abiFingerprint()).isNull();
        assertThat(Files.readString(other.buildInfoFile())).doesNotContain("fp-1");
    }
}
