package it.platforms;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Starts the probe in a fresh JVM per simulated platform (os.name and os.arch as the JVM on that
 * machine reports them, and the libc override) with only the jars an application would have, and
 * checks which library it loaded: each platform's library differs
 * (ci-matrix appends a marker), so its SHA-256 says which folder it came from.
 */
class MergedJarIT {

    @TempDir
    Path natives;

    private Probes.Run probe(List<Path> classpath, String osName, String osArch, String libc) throws Exception {
        return Probes.probe(classpath, natives, osName, osArch, libc);
    }

    @ParameterizedTest(name = "{3}")
    @CsvSource({
        "Linux,      amd64,   gnu,  linux-x86_64,      libmeter.so",
        "Linux,      aarch64, gnu,  linux-aarch64,     libmeter.so",
        "Linux,      amd64,   musl, linux-musl-x86_64, libmeter.so",
        "Mac OS X,   aarch64, gnu,  macos-aarch64,     libmeter.dylib",
        "Windows 11, amd64,   gnu,  windows-x86_64,    meter.dll",
    })
    void theMergedJarLoadsEachPlatformsOwnLibrary(String osName, String osArch, String libc, String platform,
            String file) throws Exception {
        Probes.Run run = probe(List.of(Probes.MERGED), osName, osArch, libc);

        assertThat(run.exit()).as(run.output()).isZero();
        assertThat(run.output()).contains("platform=" + platform + "\n", "library=" + file + "\n",
                "sha256=" + Probes.recordedSha(Probes.MERGED, platform) + "\n", "meter_scale(21)=42 status 0\n");
    }

    @Test
    void theLibrariesOfThePlatformsReallyDiffer() throws IOException {
        List<String> platforms = List.of("linux-x86_64", "linux-aarch64", "linux-musl-x86_64", "macos-aarch64",
                "windows-x86_64");
        List<String> shas = new ArrayList<>();
        for (String platform : platforms) {
            shas.add(Probes.recordedSha(Probes.MERGED, platform));
        }
        assertThat(shas).doesNotHaveDuplicates();
    }

    @Test
    void aPlatformNobodyBuiltIsRefusedNamingTheOnesThatWere() throws Exception {
        Probes.Run run = probe(List.of(Probes.MERGED), "Mac OS X", "x86_64", "gnu");

        assertThat(run.exit()).isNotZero();
        assertThat(run.output()).contains("UnsupportedPlatformException", "macos-x86_64", "linux-aarch64",
                "windows-x86_64");
    }

    @Test
    void aPlatformJarServesItsPlatformAndNoOther() throws Exception {
        Path macJar = Probes.PLATFORM_JARS.resolve("app-1.0.0-SNAPSHOT-natives-macos-aarch64.jar");
        List<Path> classpath = List.of(Probes.bindingsOnly(natives), macJar);

        Probes.Run mac = probe(classpath, "Mac OS X", "aarch64", "gnu");
        assertThat(mac.exit()).as(mac.output()).isZero();
        assertThat(mac.output()).contains("library=libmeter.dylib\n", "sha256=" + Probes.recordedSha(macJar,
                "macos-aarch64") + "\n", "meter_scale(21)=42 status 0\n");
        assertThat(Probes.recordedSha(macJar, "macos-aarch64"))
                .isEqualTo(Probes.recordedSha(Probes.MERGED, "macos-aarch64"));

        Probes.Run linux = probe(classpath, "Linux", "amd64", "gnu");
        assertThat(linux.exit()).isNotZero();
        assertThat(linux.output()).contains("UnsupportedPlatformException", "linux-x86_64", "macos-aarch64");
    }
}
