package it.platforms;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferrule.runtime.NativeLibrary;
import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipFile;
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

    private static final Path MERGED = Path.of(System.getProperty("merged.jar"));
    private static final Path PLATFORM_JARS = Path.of(System.getProperty("platform.jars"));
    private static final Pattern SHA256 = Pattern.compile("\"sha256\" : \"([0-9a-f]{64})\"");

    @TempDir
    Path natives;

    private record Run(int exit, String output) {
    }

    private Run probe(List<Path> classpath, String osName, String osArch, String libc)
            throws IOException, InterruptedException, URISyntaxException {
        List<Path> entries = new ArrayList<>(classpath);
        entries.add(Path.of(NativeLibrary.class.getProtectionDomain().getCodeSource().getLocation().toURI()));
        Process process = new ProcessBuilder(ProcessHandle.current().info().command().orElseThrow(),
                "--enable-native-access=ALL-UNNAMED", "-Dferrule.platform.libc=" + libc,
                "-Dferrule.native.dir=" + natives,
                "-cp", String.join(File.pathSeparator, entries.stream().map(Path::toString).toList()),
                Probe.class.getName(), osName, osArch).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Run(process.waitFor(), output);
    }

    /** The SHA-256 that build-info.json in {@code jar} records for {@code platform}'s library. */
    private static String recordedSha(Path jar, String platform) throws IOException {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            var entry = zip.getEntry("META-INF/native/" + platform + "/build-info.json");
            assertThat(entry).as("build-info.json of %s in %s", platform, jar).isNotNull();
            Matcher sha = SHA256.matcher(new String(zip.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8));
            assertThat(sha.find()).isTrue();
            return sha.group(1);
        }
    }

    /** A directory holding only the probe's class, standing for an application without natives. */
    private Path probeOnly() throws IOException {
        Path classes = natives.resolve("probe-classes");
        Path probe = Path.of(System.getProperty("probe.classes"), "it", "platforms", "Probe.class");
        Files.createDirectories(classes.resolve("it/platforms"));
        Files.copy(probe, classes.resolve("it/platforms/Probe.class"));
        return classes;
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
        Run run = probe(List.of(MERGED), osName, osArch, libc);

        assertThat(run.exit()).as(run.output()).isZero();
        assertThat(run.output()).contains("platform=" + platform + "\n", "library=" + file + "\n",
                "sha256=" + recordedSha(MERGED, platform) + "\n", "meter_scale(21)=42 status 0\n");
    }

    @Test
    void theLibrariesOfThePlatformsReallyDiffer() throws IOException {
        List<String> platforms = List.of("linux-x86_64", "linux-aarch64", "linux-musl-x86_64", "macos-aarch64",
                "windows-x86_64");
        List<String> shas = new ArrayList<>();
        for (String platform : platforms) {
            shas.add(recordedSha(MERGED, platform));
        }
        assertThat(shas).doesNotHaveDuplicates();
    }

    @Test
    void aPlatformNobodyBuiltIsRefusedNamingTheOnesThatWere() throws Exception {
        Run run = probe(List.of(MERGED), "Mac OS X", "x86_64", "gnu");

        assertThat(run.exit()).isNotZero();
        assertThat(run.output()).contains("UnsupportedPlatformException", "macos-x86_64", "linux-aarch64",
                "windows-x86_64");
    }

    @Test
    void aPlatformJarServesItsPlatformAndNoOther() throws Exception {
        Path macJar = PLATFORM_JARS.resolve("app-1.0.0-SNAPSHOT-natives-macos-aarch64.jar");
        List<Path> classpath = List.of(probeOnly(), macJar);

        Run mac = probe(classpath, "Mac OS X", "aarch64", "gnu");
        assertThat(mac.exit()).as(mac.output()).isZero();
        assertThat(mac.output()).contains("library=libmeter.dylib\n", "sha256=" + recordedSha(macJar,
                "macos-aarch64") + "\n", "meter_scale(21)=42 status 0\n");
        assertThat(recordedSha(macJar, "macos-aarch64")).isEqualTo(recordedSha(MERGED, "macos-aarch64"));

        Run linux = probe(classpath, "Linux", "amd64", "gnu");
        assertThat(linux.exit()).isNotZero();
        assertThat(linux.output()).contains("UnsupportedPlatformException", "linux-x86_64", "macos-aarch64");
    }
}
