package dev.ferrule.init;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What ferrule:init writes, and when it refuses; it/init-empty builds the result for real. */
class ScaffoldTest {

    @TempDir
    Path dir;

    private Scaffold.Request request(String crate, boolean force) {
        return new Scaffold.Request(dir, "org.acme", "gauge", "0.1.0-SNAPSHOT", crate, "org.acme.gauge", "9.9.9",
                force);
    }

    @Test
    void theTemplateBecomesTheNewCrate() throws Exception {
        Map<Path, String> files = Scaffold.render(request("gauge", false));

        String manifest = files.get(Path.of("src/main/rust/Cargo.toml"));
        assertThat(manifest).contains("name = \"gauge\"", "edition = \"2021\"", "path = \"ferrule-ffi\"",
                "[workspace]", "overflow-checks = true").doesNotContain(".workspace = true", "../ferrule-ffi");
        assertThat(files.get(Path.of("src/main/rust/ferrule-ffi/Cargo.toml"))).contains("name = \"ferrule-ffi\"",
                "path = \"../ferrule-macros\"").doesNotContain(".workspace = true");
        // ferrule-ffi's attributes come with it, as a member of the new crate's workspace.
        assertThat(files.get(Path.of("src/main/rust/ferrule-macros/Cargo.toml"))).contains(
                "name = \"ferrule-macros\"", "proc-macro = true").doesNotContain(".workspace = true");
        assertThat(files).containsKey(Path.of("src/main/rust/ferrule-macros/src/expose.rs"));
        assertThat(manifest).contains("members = [\"ferrule-ffi\", \"ferrule-macros\"]");
        String lib = files.get(Path.of("src/main/rust/src/lib.rs"));
        assertThat(lib).contains("ferrule_ffi::library!();", "pub enum GaugeError", "#[ferrule_ffi::expose]")
                .doesNotContainIgnoringCase("template").doesNotContain("unsafe {", "*const", "*mut");
        assertThat(files.get(Path.of("src/main/rust/tests/exports.rs"))).contains("use gauge::")
                .doesNotContainIgnoringCase("template");
        assertThat(files.get(Path.of("pom.xml"))).contains("<groupId>org.acme</groupId>",
                "<artifactId>gauge</artifactId>", "<ferrule.version>9.9.9</ferrule.version>",
                "<packageName>org.acme.gauge</packageName>", "<goal>check-abi</goal>", "<goal>audit</goal>");
        assertThat(files.get(Path.of("src/test/java/org/acme/gauge/GaugeTest.java")))
                .startsWith("package org.acme.gauge;").contains("class GaugeTest", "GaugeException.NegativeAmountException");
    }

    @Test
    void writesEveryFileAndListsThem() throws Exception {
        Scaffold.Result result = Scaffold.write(request("gauge", false));
        List<Path> written = result.written();
        assertThat(result.pomChanges()).isEmpty();

        assertThat(written).first().isEqualTo(Path.of("pom.xml"));
        assertThat(written).contains(Path.of("src/main/rust/ferrule-ffi/src/guard.rs"));
        for (Path file : written) {
            assertThat(dir.resolve(file)).isRegularFile();
        }
    }

    @Test
    void refusesToOverwriteUnlessForced() throws Exception {
        Path lib = dir.resolve("src/main/rust/src/lib.rs");
        Files.createDirectories(lib.getParent());
        Files.writeString(lib, "mine");
        assertThatThrownBy(() -> Scaffold.write(request("gauge", false)))
                .isInstanceOf(InitException.class)
                .hasMessageContaining("writes nothing, because these files exist already: [src/main/rust/src/lib.rs]")
                .hasMessageContaining("-Dferrule.init.force=true");
        assertThat(Files.readString(lib)).isEqualTo("mine");
        assertThat(dir.resolve("pom.xml")).doesNotExist();

        Scaffold.write(request("gauge", true));
        assertThat(Files.readString(lib)).contains("pub enum GaugeError");
    }

    @Test
    void inAnExistingModuleThePomIsEditedNotReplaced() throws Exception {
        Files.writeString(dir.resolve("pom.xml"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <project>
                    <modelVersion>4.0.0</modelVersion>
                    <groupId>org.acme</groupId>
                    <artifactId>gauge</artifactId>
                    <version>1.0</version>
                </project>
                """);
        Scaffold.Result result = Scaffold.write(request("gauge", false));

        assertThat(result.written()).doesNotContain(Path.of("pom.xml"));
        assertThat(result.pomChanges()).contains("plugin ferrule-maven-plugin (generate, test, check-abi, audit)");
        assertThat(Files.readString(dir.resolve("pom.xml"))).contains("<artifactId>ferrule-runtime</artifactId>");
        // Forced again: the crate files are rewritten, the POM (already using Ferrule) is left alone.
        String edited = Files.readString(dir.resolve("pom.xml"));
        assertThat(Scaffold.write(request("gauge", true)).pomChanges()).isEmpty();
        assertThat(Files.readString(dir.resolve("pom.xml"))).isEqualTo(edited);
    }

    @Test
    void refusesNamesRustOrJavaCannotUse() {
        assertThatThrownBy(() -> Scaffold.write(request("My-Lib", false))).isInstanceOf(InitException.class)
                .hasMessageContaining("'My-Lib' cannot name the crate");
        assertThatThrownBy(() -> Scaffold.write(request("match", false))).isInstanceOf(InitException.class)
                .hasMessageContaining("no Rust keyword");
        assertThatThrownBy(() -> Scaffold.write(new Scaffold.Request(dir, "org.acme", "gauge", "1", "gauge",
                "Org.Acme", "1", false))).isInstanceOf(InitException.class)
                .hasMessageContaining("'Org.Acme' is not a Java package name");
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void namesFollowTheDirectory() {
        assertThat(Scaffold.artifactIdFor(Path.of("/work/My Gauge_2"))).isEqualTo("my-gauge-2");
        assertThat(Scaffold.artifactIdFor(Path.of("/work/42"))).isEqualTo("ferrule-app");
        assertThat(Scaffold.crateNameFor("my-gauge-2")).isEqualTo("my_gauge_2");
    }
}
