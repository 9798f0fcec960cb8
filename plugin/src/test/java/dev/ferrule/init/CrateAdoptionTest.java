package dev.ferrule.init;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ferrule:init on a crate that exists: the POM is wired for it, the crate is left alone. */
class CrateAdoptionTest {

    @TempDir
    Path dir;

    private Path crate(String relative, String manifest) throws Exception {
        Path crate = dir.resolve(relative);
        Files.createDirectories(crate.resolve("src"));
        Files.writeString(crate.resolve("Cargo.toml"), manifest);
        Files.writeString(crate.resolve("src/lib.rs"), "// theirs\n");
        return crate;
    }

    private static final String CDYLIB = """
            [package]
            name = "tinykv-capi"
            version = "0.2.0"

            [lib]
            name = "tinykv"
            crate-type = ["cdylib", "rlib"]
            """;

    private CrateAdoption.Request request(Path crate, boolean force) {
        return new CrateAdoption.Request(dir, crate, "org.acme", "kv", "1.0.0-SNAPSHOT", null, "9.9.9", force);
    }

    @Test
    void aCrateInSrcMainRustGetsAPomAndNothingElse() throws Exception {
        Path crate = crate("src/main/rust", CDYLIB);
        assertThat(CrateAdoption.hasCrate(dir)).isTrue();

        CrateAdoption.Result result = CrateAdoption.write(request(crate, false), CrateAdoption.inspect(crate));

        assertThat(result.crate()).isEqualTo(new CrateAdoption.Crate("tinykv-capi", "0.2.0", "tinykv", false));
        assertThat(result.written()).containsExactly(Path.of("pom.xml"));
        assertThat(Files.readString(dir.resolve("pom.xml"))).contains("<packageName>org.acme.tinykv</packageName>",
                "<goal>check-abi</goal>", "<goal>audit</goal>", "the Rust crate in src/main/rust.")
                .doesNotContain("<crateDir>", "@crate", "@packageName@", "@groupId@");
        try (var files = Files.walk(dir)) {
            assertThat(files.filter(Files::isRegularFile).map(dir::relativize).map(Path::toString).sorted())
                    .containsExactly("pom.xml", "src/main/rust/Cargo.toml", "src/main/rust/src/lib.rs");
        }
        assertThat(Files.readString(crate.resolve("src/lib.rs"))).isEqualTo("// theirs\n");
        assertThat(result.summary(List.of(Path.of("src/main/abi/tinykv-x86_64-unknown-linux-gnu.abi.json"))))
                .containsExactly("Adopted crate tinykv-capi 0.2.0 (library tinykv) in src/main/rust for org.acme:kv,"
                                + " bindings in package org.acme.tinykv. The crate's files were left as they are.",
                        "Wrote:", "  pom.xml", "  src/main/abi/tinykv-x86_64-unknown-linux-gnu.abi.json",
                        "The crate neither uses ferrule-ffi nor has [package.metadata.ferrule] errors or objects, so"
                                + " its bindings are the raw layer only. A few declared lines give it a safe layer"
                                + " of classes, strings and typed exceptions: see the site page \"Existing C"
                                + " ABIs\".",
                        "Next: mvn verify (builds the crate, generates the bindings in org.acme.tinykv, runs cargo"
                                + " test, checks the ABI and audits the boundary). No Java test was written: call"
                                + " the generated classes from your own tests. Commit src/main/abi.");
    }

    @Test
    void aCrateThatDeclaresItsErrorsGetsNoHintAboutTheSafeLayer() throws Exception {
        Path crate = crate("src/main/rust", CDYLIB + "\n[package.metadata.ferrule.errors]\ncodes = \"KV_ERR_\"\n");

        CrateAdoption.Crate inspected = CrateAdoption.inspect(crate);

        assertThat(inspected.safeLayer()).isTrue();
        assertThat(CrateAdoption.write(request(crate, false), inspected).summary(List.of()))
                .noneMatch(line -> line.contains("raw layer only"));
    }

    @Test
    void aCrateElsewhereIsNamedInThePomRelativeToTheModule() throws Exception {
        Path crate = crate("native/tinykv", CDYLIB);
        Files.writeString(dir.resolve("pom.xml"), """
                <project xmlns="http://maven.apache.org/POM/4.0.0"
                         xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>org.acme</groupId>
                  <artifactId>kv</artifactId>
                  <version>1.0</version>
                </project>
                """);
        assertThat(CrateAdoption.hasCrate(dir)).isFalse();

        CrateAdoption.Result result = CrateAdoption.write(request(crate, false), CrateAdoption.inspect(crate));

        assertThat(result.written()).isEmpty();
        assertThat(result.pomChanges()).contains("plugin ferrule-maven-plugin (generate, test, check-abi, audit;"
                + " crateDir ${project.basedir}/native/tinykv)");
        assertThat(Files.readString(dir.resolve("pom.xml"))).startsWith("""
                <project xmlns="http://maven.apache.org/POM/4.0.0"
                         xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
                """);
        assertThat(result.summary(null)).contains("Added to pom.xml:").noneMatch(l -> l.equals("Wrote:"))
                .last().asString().endsWith("Run mvn ferrule:snapshot and commit src/main/abi.");
    }

    @Test
    void aCrateThatBuildsNoCdylibOrIsAWorkspaceIsRefusedBeforeAnythingIsWritten() throws Exception {
        Path rlibOnly = crate("rlib-only", "[package]\nname = \"x\"\nversion = \"1.0.0\"\n");
        assertThatThrownBy(() -> CrateAdoption.inspect(rlibOnly)).isInstanceOf(InitException.class)
                .hasMessageContaining("does not build a cdylib").hasMessageContaining("crate-type = [\"cdylib\", \"rlib\"]");
        Path workspace = crate("ws", "[workspace]\nmembers = [\"a\"]\n");
        assertThatThrownBy(() -> CrateAdoption.inspect(workspace)).isInstanceOf(InitException.class)
                .hasMessageContaining("it is a workspace");
        assertThatThrownBy(() -> CrateAdoption.inspect(dir.resolve("nowhere"))).isInstanceOf(InitException.class)
                .hasMessageContaining("has no Cargo.toml");
        assertThat(dir.resolve("pom.xml")).doesNotExist();
    }

    @Test
    void aPomThatUsesFerruleAlreadyIsLeftAloneUnlessForced() throws Exception {
        Path crate = crate("src/main/rust", CDYLIB);
        String pom = "<project><build><plugins><plugin><artifactId>ferrule-maven-plugin</artifactId></plugin>"
                + "</plugins></build></project>\n";
        Files.writeString(dir.resolve("pom.xml"), pom);

        assertThatThrownBy(() -> CrateAdoption.write(request(crate, false), CrateAdoption.inspect(crate)))
                .isInstanceOf(InitException.class).hasMessageContaining("leaves it alone")
                .hasMessageContaining("mvn ferrule:snapshot");
        CrateAdoption.Result forced = CrateAdoption.write(request(crate, true), CrateAdoption.inspect(crate));
        assertThat(forced.written()).isEmpty();
        assertThat(forced.summary(List.of())).contains("pom.xml already uses ferrule-maven-plugin and was left alone.");
        assertThat(Files.readString(dir.resolve("pom.xml"))).isEqualTo(pom);
    }
}
