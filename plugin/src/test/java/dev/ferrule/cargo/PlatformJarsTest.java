package dev.ferrule.cargo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One jar per platform, as the alternative to a merged jar; synthetic platforms as in NativeAssemblerTest. */
class PlatformJarsTest {

    @TempDir
    Path dir;

    private Path classesWithThreePlatforms(String macFingerprint) throws Exception {
        Path classes = dir.resolve("classes");
        NativeAssemblerTest.platform(classes, "linux-x86_64", "libgauge.so", "abc", "gauge");
        NativeAssemblerTest.platform(classes, "linux-musl-aarch64", "libgauge.so", "abc", "gauge");
        NativeAssemblerTest.platform(classes, "macos-aarch64", "libgauge.dylib", macFingerprint, "gauge");
        return classes;
    }

    private static List<String> entries(Path jar) throws Exception {
        try (JarFile file = new JarFile(jar.toFile())) {
            return new ArrayList<>(Collections.list(file.entries()).stream().map(e -> e.getName()).toList());
        }
    }

    @Test
    void eachPlatformGetsAJarHoldingOnlyItsOwnLibrary() throws Exception {
        Path classes = classesWithThreePlatforms("abc");

        List<PlatformJars.PlatformJar> jars = PlatformJars.write(classes, dir.resolve("target"), "gauge-1.0",
                PlatformJars.DEFAULT_TIMESTAMP, Optional.empty());

        assertThat(jars).extracting(PlatformJars.PlatformJar::classifier).containsExactly(
                "natives-linux-musl-aarch64", "natives-linux-x86_64", "natives-macos-aarch64");
        PlatformJars.PlatformJar mac = jars.get(2);
        assertThat(mac.jar()).isEqualTo(dir.resolve("target/gauge-1.0-natives-macos-aarch64.jar"));
        assertThat(entries(mac.jar())).containsExactly("META-INF/", "META-INF/MANIFEST.MF", "META-INF/native/",
                "META-INF/native/macos-aarch64/", "META-INF/native/macos-aarch64/build-info.json",
                "META-INF/native/macos-aarch64/libgauge.dylib", "META-INF/native/macos-aarch64/libgauge.dylib.sha256");
        try (JarFile file = new JarFile(mac.jar().toFile())) {
            assertThat(file.getInputStream(file.getEntry("META-INF/native/macos-aarch64/libgauge.dylib"))
                    .readAllBytes()).isEqualTo(Files.readAllBytes(
                            classes.resolve("META-INF/native/macos-aarch64/libgauge.dylib")));
        }
    }

    @Test
    void theSameNativesGiveByteIdenticalJars() throws Exception {
        Path classes = classesWithThreePlatforms("abc");
        Instant time = PlatformJars.timestamp("2026-11-27T10:00:00Z");
        Path first = PlatformJars.write(classes, dir.resolve("a"), "gauge", time, Optional.empty()).get(0).jar();
        Thread.sleep(1100);
        Path second = PlatformJars.write(classes, dir.resolve("b"), "gauge", time, Optional.empty()).get(0).jar();
        assertThat(Files.readAllBytes(second)).isEqualTo(Files.readAllBytes(first));
    }

    @Test
    void platformsWithDifferentAbisAreRefused() throws Exception {
        Path classes = classesWithThreePlatforms("def");
        assertThatThrownBy(() -> PlatformJars.write(classes, dir.resolve("target"), "gauge",
                PlatformJars.DEFAULT_TIMESTAMP, Optional.empty())).isInstanceOf(CargoException.class)
                .hasMessageContaining("fingerprint abc: linux-musl-aarch64 (from this build), linux-x86_64")
                .hasMessageContaining("fingerprint def: macos-aarch64 (from this build)");
        assertThat(dir.resolve("target")).doesNotExist();
    }

    @Test
    void aBuildWithoutNativesIsRefused() throws Exception {
        Files.createDirectories(dir.resolve("classes"));
        assertThatThrownBy(() -> PlatformJars.write(dir.resolve("classes"), dir.resolve("target"), "gauge",
                PlatformJars.DEFAULT_TIMESTAMP, Optional.empty())).isInstanceOf(CargoException.class)
                .hasMessageContaining("no native library").hasMessageContaining("ferrule:platform-jars");
    }

    @Test
    void readsMavensOutputTimestampForms() throws Exception {
        assertThat(PlatformJars.timestamp(null)).isEqualTo(PlatformJars.DEFAULT_TIMESTAMP);
        assertThat(PlatformJars.timestamp("1764237600")).isEqualTo(Instant.ofEpochSecond(1764237600));
        assertThat(PlatformJars.timestamp("2026-11-27T10:00:00+01:00")).isEqualTo(
                Instant.parse("2026-11-27T09:00:00Z"));
        assertThatThrownBy(() -> PlatformJars.timestamp("yesterday")).isInstanceOf(CargoException.class)
                .hasMessageContaining("'yesterday'");
    }

    @Test
    void noJarIsWrittenForALibraryTheBindingsWouldRefuse() throws Exception {
        Path classes = classesWithThreePlatforms("abc");
        BoundLibraries all = BoundLibraries.of("org.acme.GaugeNative", NativeAssembler.survey(classes, List.of()));
        assertThat(PlatformJars.write(classes, dir.resolve("ok"), "gauge", PlatformJars.DEFAULT_TIMESTAMP,
                Optional.of(all))).hasSize(3);

        NativeAssemblerTest.platform(classes, "linux-musl-aarch64", "libgauge.so", "abc", "gauge-rebuilt");
        Path info = classes.resolve("META-INF/native/linux-musl-aarch64/build-info.json");
        Files.writeString(info, Files.readString(info).replace("gauge-rebuilt", "gauge"));
        assertThatThrownBy(() -> PlatformJars.write(classes, dir.resolve("refused"), "gauge",
                PlatformJars.DEFAULT_TIMESTAMP, Optional.of(all))).isInstanceOf(CargoException.class)
                .hasMessageContaining("linux-musl-aarch64 (from this build)")
                .hasMessageContaining("the bindings expect " + all.sha256ByPlatform().get("linux-musl-aarch64"));
        assertThat(dir.resolve("refused")).doesNotExist();
    }
}
