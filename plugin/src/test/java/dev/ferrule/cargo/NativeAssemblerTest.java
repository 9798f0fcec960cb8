package dev.ferrule.cargo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ferrule.util.Hashing;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Merging per-platform builds. Only the host can be built here, so the other platforms are
 * synthetic: a library file and the build-info.json ferrule:build would write beside it.
 */
class NativeAssemblerTest {

    @TempDir
    Path dir;

    /** Writes META-INF/native/{platform}/ under root, as ferrule:build packs it. */
    static void platform(Path root, String platform, String library, String fingerprint, String crate)
            throws Exception {
        Path folder = root.resolve("META-INF/native").resolve(platform);
        Files.createDirectories(folder);
        byte[] bytes = (platform + " library of " + crate).getBytes(StandardCharsets.UTF_8);
        Files.write(folder.resolve(library), bytes);
        String sha = Hashing.sha256Hex(bytes);
        Files.writeString(folder.resolve(library + ".sha256"), sha + "  " + library + "\n");
        Files.writeString(folder.resolve("build-info.json"), "{\"schemaVersion\": 1, \"crateName\": \"" + crate
                + "\", \"crateVersion\": \"1.0.0\", \"platform\": \"" + platform + "\", \"library\": \"" + library
                + "\", \"sha256\": \"" + sha + "\"" + (fingerprint == null ? "" : ", \"abiFingerprint\": \""
                + fingerprint + "\"") + "}");
    }

    /** A jar holding what a directory holds, as a CI job would upload it. */
    private static Path jar(Path from, Path jar) throws Exception {
        try (OutputStream out = Files.newOutputStream(jar); ZipOutputStream zip = new ZipOutputStream(out);
                var files = Files.walk(from)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                zip.putNextEntry(new ZipEntry(from.relativize(file).toString().replace('\\', '/')));
                zip.write(Files.readAllBytes(file));
                zip.closeEntry();
            }
        }
        return jar;
    }

    @Test
    void mergesEveryPlatformWithOneAbi() throws Exception {
        Path classes = dir.resolve("classes");
        platform(classes, "linux-x86_64", "libgauge.so", "abc", "gauge");
        Path mac = dir.resolve("mac");
        platform(mac, "macos-aarch64", "libgauge.dylib", "abc", "gauge");
        Path windows = dir.resolve("windows");
        platform(windows, "windows-x86_64", "gauge.dll", "abc", "gauge");
        platform(windows, "linux-musl-aarch64", "libgauge.so", "abc", "gauge");

        NativeAssembler.Result result = NativeAssembler.assemble(classes, List.of(jar(mac, dir.resolve("mac.jar")), windows),
                Optional.empty(), classes.resolveSibling("state"));

        assertThat(result.platforms()).extracting(NativeAssembler.PlatformBuild::platform)
                .containsExactly("linux-musl-aarch64", "linux-x86_64", "macos-aarch64", "windows-x86_64");
        assertThat(result.added()).containsExactly("linux-musl-aarch64", "macos-aarch64", "windows-x86_64");
        assertThat(classes.resolve("META-INF/native/macos-aarch64/libgauge.dylib")).hasContent(
                "macos-aarch64 library of gauge");
        assertThat(classes.resolve("META-INF/native/windows-x86_64/build-info.json")).exists();
        assertThat(classes.resolve("META-INF/native/linux-musl-aarch64/libgauge.so.sha256")).exists();
    }

    @Test
    void refusesDifferentAbisAndNamesThem() throws Exception {
        Path classes = dir.resolve("classes");
        platform(classes, "linux-x86_64", "libgauge.so", "abc", "gauge");
        Path mac = dir.resolve("mac");
        platform(mac, "macos-aarch64", "libgauge.dylib", "def", "gauge");

        assertThatThrownBy(() -> NativeAssembler.assemble(classes, List.of(mac), Optional.empty(), classes.resolveSibling("state")))
                .isInstanceOf(CargoException.class)
                .hasMessageContaining("export different ABIs")
                .hasMessageContaining("fingerprint abc: linux-x86_64 (from this build)")
                .hasMessageContaining("fingerprint def: macos-aarch64 (from " + mac + ")");
        assertThat(classes.resolve("META-INF/native/macos-aarch64")).doesNotExist();
    }

    @Test
    void refusesOtherCratesUnstampedBuildsTwoLibrariesForOnePlatformAndDamage() throws Exception {
        Path classes = dir.resolve("classes");
        platform(classes, "linux-x86_64", "libgauge.so", "abc", "gauge");

        Path other = dir.resolve("other");
        platform(other, "macos-aarch64", "libmeter.dylib", "abc", "meter");
        assertThatThrownBy(() -> NativeAssembler.assemble(classes, List.of(other), Optional.empty(), classes.resolveSibling("state")))
                .hasMessageContaining("different crates").hasMessageContaining("meter: macos-aarch64");

        Path unstamped = dir.resolve("unstamped");
        platform(unstamped, "macos-aarch64", "libgauge.dylib", null, "gauge");
        assertThatThrownBy(() -> NativeAssembler.assemble(classes, List.of(unstamped), Optional.empty(), classes.resolveSibling("state")))
                .hasMessageContaining("record no ABI fingerprint").hasMessageContaining("macos-aarch64");

        Path twin = dir.resolve("twin");
        platform(twin, "linux-x86_64", "libgauge.so", "abc", "gauge-twin");
        Files.writeString(twin.resolve("META-INF/native/linux-x86_64/build-info.json"), Files.readString(
                twin.resolve("META-INF/native/linux-x86_64/build-info.json")).replace("gauge-twin", "gauge"));
        assertThatThrownBy(() -> NativeAssembler.assemble(classes, List.of(twin), Optional.empty(), classes.resolveSibling("state")))
                .hasMessageContaining("Two different libraries for linux-x86_64");

        Path damaged = dir.resolve("damaged");
        platform(damaged, "macos-aarch64", "libgauge.dylib", "abc", "gauge");
        Files.writeString(damaged.resolve("META-INF/native/macos-aarch64/libgauge.dylib"), "tampered");
        assertThatThrownBy(() -> NativeAssembler.assemble(classes, List.of(damaged), Optional.empty(), classes.resolveSibling("state")))
                .hasMessageContaining("does not match the SHA-256");

        assertThatThrownBy(() -> NativeAssembler.assemble(classes, List.of(dir.resolve("missing.jar")), Optional.empty(), classes.resolveSibling("state")))
                .hasMessageContaining("does not exist");
    }

    @Test
    void mergesOnlyLibrariesTheBindingsWereGeneratedWith() throws Exception {
        Path classes = dir.resolve("classes");
        platform(classes, "linux-x86_64", "libgauge.so", "abc", "gauge");
        Path mac = dir.resolve("mac");
        platform(mac, "macos-aarch64", "libgauge.dylib", "abc", "gauge");
        Path state = dir.resolve("state");

        BoundLibraries hostOnly = BoundLibraries.of("org.acme.GaugeNative", NativeAssembler.survey(classes, List.of()));
        assertThatThrownBy(() -> NativeAssembler.assemble(classes, List.of(mac), Optional.of(hostOnly), state))
                .isInstanceOf(CargoException.class)
                .hasMessageContaining("org.acme.GaugeNative were generated with other libraries")
                .hasMessageContaining("macos-aarch64 (from " + mac + "): SHA-256 ")
                .hasMessageContaining("the bindings have no library for macos-aarch64")
                .hasMessageContaining("They expect linux-x86_64.")
                .hasMessageContaining("<natives>");
        assertThat(classes.resolve("META-INF/native/macos-aarch64")).doesNotExist();

        BoundLibraries both = BoundLibraries.of("org.acme.GaugeNative", NativeAssembler.survey(classes, List.of(mac)));
        NativeAssembler.Result merged = NativeAssembler.assemble(classes, List.of(mac), Optional.of(both), state);
        assertThat(merged.added()).containsExactly("macos-aarch64");
    }

    @Test
    void aRebuiltLibraryIsNotTheOneTheBindingsExpect() throws Exception {
        Path classes = dir.resolve("classes");
        platform(classes, "linux-x86_64", "libgauge.so", "abc", "gauge");
        Path mac = dir.resolve("mac");
        platform(mac, "macos-aarch64", "libgauge.dylib", "abc", "gauge");
        BoundLibraries bound = BoundLibraries.of("org.acme.GaugeNative", NativeAssembler.survey(classes, List.of(mac)));
        platform(mac, "macos-aarch64", "libgauge.dylib", "abc", "gauge-rebuilt");
        Path info = mac.resolve("META-INF/native/macos-aarch64/build-info.json");
        Files.writeString(info, Files.readString(info).replace("gauge-rebuilt", "gauge"));

        assertThatThrownBy(() -> NativeAssembler.assemble(classes, List.of(mac), Optional.of(bound),
                dir.resolve("state"))).hasMessageContaining("macos-aarch64 (from " + mac + "): SHA-256 ")
                .hasMessageContaining("the bindings expect " + bound.sha256ByPlatform().get("macos-aarch64"));
    }

    @Test
    void whatTheBindingsExpectSurvivesItsFileAndAnIncompleteOneIsRefused() throws Exception {
        Path classes = dir.resolve("classes");
        platform(classes, "linux-x86_64", "libgauge.so", "abc", "gauge");
        Path state = dir.resolve("state");
        assertThat(BoundLibraries.read(state)).isEmpty();

        BoundLibraries bound = BoundLibraries.of("org.acme.GaugeNative", NativeAssembler.survey(classes, List.of()));
        bound.write(state);
        assertThat(BoundLibraries.read(state)).contains(bound);

        Files.writeString(state.resolve(BoundLibraries.FILE_NAME), "{\"schemaVersion\": 1, \"bindings\": \"x.Y\"}");
        assertThatThrownBy(() -> BoundLibraries.read(state)).isInstanceOf(CargoException.class)
                .hasMessageContaining(BoundLibraries.FILE_NAME).hasMessageContaining("abiFingerprint")
                .hasMessageContaining("ferrule:generate");
    }
}
