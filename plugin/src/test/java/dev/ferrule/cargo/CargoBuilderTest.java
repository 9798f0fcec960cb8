package dev.ferrule.cargo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferrule.util.Hashing;
import dev.ferrule.util.Json;
import dev.ferrule.util.Processes;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real cargo builds of the fixture crates in src/test/rust. */
class CargoBuilderTest {

    @TempDir
    Path work;

    private final RecordingLog log = new RecordingLog();

    private BuildOutcome build(Fixtures.Request request) throws CargoException {
        return new CargoBuilder(log).build(request.toRequest());
    }

    private Fixtures.Request features() throws Exception {
        return new Fixtures.Request(Fixtures.copy("features", work), work);
    }

    private static String host() throws Exception {
        return Processes.run(List.of("rustc", "-vV"), Path.of("."), Map.of()).stdout().lines()
                .filter(l -> l.startsWith("host: ")).findFirst().orElseThrow().substring(6);
    }

    private static String exportedText(PackagedLibrary library) throws Exception {
        return new String(Files.readAllBytes(library.library()), StandardCharsets.ISO_8859_1);
    }

    @Test
    void packagesLibraryWithChecksumAndBuildInfo() throws Exception {
        BuildOutcome outcome = build(features());

        assertThat(outcome.libraries()).hasSize(1);
        PackagedLibrary library = outcome.libraries().get(0);
        Platform platform = Platform.fromTriple(host());
        Path dir = work.resolve("classes/META-INF/native").resolve(platform.id());
        assertThat(library.library()).isEqualTo(dir.resolve("libfeatures_fixture.so"));
        String sha = Hashing.sha256Hex(library.library());
        assertThat(Files.readString(dir.resolve("libfeatures_fixture.so.sha256")))
                .isEqualTo(sha + "  libfeatures_fixture.so\n");

        String json = Files.readString(dir.resolve("build-info.json"));
        JsonNode info = Json.parse(json);
        List<String> keys = new ArrayList<>();
        info.fieldNames().forEachRemaining(keys::add);
        assertThat(keys).containsExactly("schemaVersion", "crateName", "crateVersion", "target", "platform",
                "profile", "features", "unsafeFeatures", "rustc", "library", "sha256");
        assertThat(info.path("crateName").asText()).isEqualTo("features-fixture");
        assertThat(info.path("crateVersion").asText()).isEqualTo("0.3.1");
        assertThat(info.path("target").asText()).isEqualTo(host());
        assertThat(info.path("profile").asText()).isEqualTo("release");
        assertThat(info.path("features")).hasSize(1);
        assertThat(info.path("features").get(0).asText()).isEqualTo("default");
        assertThat(info.path("rustc").asText()).startsWith("rustc ");
        assertThat(info.path("sha256").asText()).isEqualTo(sha);
        assertThat(json).doesNotContain(work.toString()).endsWith("}\n");
        assertThat(outcome.cargoSkipped()).isFalse();
    }

    @Test
    void featuresChangeWhatTheLibraryExports() throws Exception {
        Fixtures.Request request = features();
        assertThat(exportedText(build(request).libraries().get(0))).doesNotContain("fixture_extra_only");

        request.features = List.of("extra");
        PackagedLibrary withExtra = build(request).libraries().get(0);

        assertThat(exportedText(withExtra)).contains("fixture_extra_only");
        assertThat(withExtra.buildInfo().features()).containsExactly("default", "extra");
    }

    @Test
    void unchangedInputsSkipCargoAndEditsRebuild() throws Exception {
        Fixtures.Request request = features();
        build(request);
        log.lines.clear();

        BuildOutcome second = build(request);
        assertThat(second.cargoSkipped()).isTrue();
        assertThat(log.all()).contains("skipping cargo").doesNotContain("cargo finished");
        assertThat(Files.exists(second.libraries().get(0).library())).isTrue();

        Path source = request.crateDir.resolve("src/lib.rs");
        Files.writeString(source, Files.readString(source) + "\n/// Added.\n#[no_mangle]\npub extern \"C\" fn"
                + " fixture_added() -> i32 {\n    7\n}\n");
        BuildOutcome afterEdit = build(request);
        assertThat(afterEdit.cargoSkipped()).isFalse();
        assertThat(afterEdit.skipReason()).contains("lib.rs");
        assertThat(exportedText(afterEdit.libraries().get(0))).contains("fixture_added");

        request.profile = "dev";
        assertThat(build(request).cargoSkipped()).isFalse();
    }

    @Test
    void compileErrorIsReportedWithFileAndLine() throws Exception {
        Fixtures.Request request = new Fixtures.Request(Fixtures.copy("broken", work), work);

        assertThatThrownBy(() -> build(request))
                .isInstanceOfSatisfying(CargoException.class,
                        e -> assertThat(e.kind()).isEqualTo(CargoException.Kind.BUILD_FAILED))
                .hasMessageContaining("Rust compilation failed with 1 error")
                .hasMessageContaining("broken/src/lib.rs:6:5: error[E0425]");
        assertThat(log.lines).anyMatch(l -> l.startsWith("ERROR broken/src/lib.rs:6:5: error[E0425]: cannot find value"));
        assertThat(work.resolve("classes")).doesNotExist();
        assertThat(work.resolve("ferrule/build-state.json")).doesNotExist();
    }

    @Test
    void warningsAreSummarisedPerLintAfterTheFirstFew() throws Exception {
        Fixtures.Request request = new Fixtures.Request(Fixtures.copy("noisy", work), work);
        new CargoBuilder(log).build(request.toRequest());

        List<String> shown = log.lines.stream().filter(l -> l.startsWith("WARN noisy/src/lib.rs:")).toList();
        assertThat(shown).hasSize(CompilerWarnings.SHOWN)
                .allMatch(l -> l.matches("WARN noisy/src/lib\\.rs:\\d+:\\d+: warning\\[\\w+\\]: .*"));
        assertThat(log.lines).contains("WARN rustc reported 8 warning(s): 6 unused_variables, 2 dead_code. The first 5"
                + " are shown above; see every one in full with -Dferrule.warnings=all (or mvn -X).");
        // The rest are still there for -X, with their source excerpts.
        assertThat(log.lines.stream().filter(l -> l.startsWith("DEBUG noisy/src/lib.rs:"))).hasSize(3);
        assertThat(log.all()).doesNotContain("generated 8 warnings");
    }

    @Test
    void everyWarningIsShownInFullOnRequest() throws Exception {
        Fixtures.Request request = new Fixtures.Request(Fixtures.copy("noisy", work), work);
        log.allWarnings = true;
        new CargoBuilder(log).build(request.toRequest());

        List<String> shown = log.lines.stream().filter(l -> l.startsWith("WARN noisy/src/lib.rs:")).toList();
        assertThat(shown).hasSize(8).allMatch(l -> l.contains("\n"), "carries the source excerpt");
        assertThat(log.lines).contains("WARN rustc reported 8 warning(s): 6 unused_variables, 2 dead_code.");
    }

    @Test
    void staleLockFileFailsBecauseBuildsAreLocked() throws Exception {
        Fixtures.Request request = features();
        Path manifest = request.crateDir.resolve("Cargo.toml");
        Files.writeString(manifest, Files.readString(manifest).replace("version = \"0.3.1\"", "version = \"0.4.0\""));

        assertThatThrownBy(() -> build(request))
                .isInstanceOfSatisfying(CargoException.class,
                        e -> assertThat(e.kind()).isEqualTo(CargoException.Kind.BUILD_FAILED))
                .hasMessageContaining("cargo build failed (exit code 101)")
                .hasMessageContaining("--locked");
        assertThat(work.resolve("classes")).doesNotExist();
    }

    @Test
    void crateWithoutLockFileBuildsUnlocked() throws Exception {
        Fixtures.Request request = features();
        Files.delete(request.crateDir.resolve("Cargo.lock"));

        assertThat(build(request).libraries()).hasSize(1);
        assertThat(log.all()).doesNotContain("--locked");
    }

    @Test
    void unknownFeatureListsTheRealOnes() throws Exception {
        Fixtures.Request request = features();
        request.features = List.of("extar");

        assertThatThrownBy(() -> build(request))
                .isInstanceOf(CargoException.class)
                .hasMessageContaining("Unknown feature 'extar'")
                .hasMessageContaining("Available: default, extra, turbo, unsafe-fast");
        assertThat(work.resolve("classes")).doesNotExist();
    }

    @Test
    void crateWithoutCdylibIsRejectedWithTheFix() throws Exception {
        Fixtures.Request request = new Fixtures.Request(Fixtures.copy("no-cdylib", work), work);

        assertThatThrownBy(() -> build(request))
                .hasMessageContaining("does not build a cdylib")
                .hasMessageContaining("crate-type = [\"cdylib\", \"rlib\"]");
    }

    @Test
    void missingCrateDirectoryIsRejected() {
        Fixtures.Request request = new Fixtures.Request(work.resolve("nowhere"), work);

        assertThatThrownBy(() -> build(request))
                .isInstanceOfSatisfying(CargoException.class,
                        e -> assertThat(e.kind()).isEqualTo(CargoException.Kind.INVALID_INPUT))
                .hasMessageContaining("Crate directory " + work.resolve("nowhere") + " does not exist");
    }

    @Test
    void cargoMissingFromPathIsReported() throws Exception {
        Fixtures.Request request = features();
        request.env = Map.of("PATH", work.resolve("empty-bin").toString());

        assertThatThrownBy(() -> build(request))
                .hasMessageContaining("cargo was not found on PATH")
                .hasMessageContaining("rustup");
    }

    @Test
    void unknownTargetIsRejected() throws Exception {
        Fixtures.Request request = features();
        request.targets = List.of("x86_64-unknown-linux-gnux");

        assertThatThrownBy(() -> build(request))
                .hasMessageContaining("Unknown target triple 'x86_64-unknown-linux-gnux'");
    }

    @Test
    void uninstalledTargetNamesTheRustupCommand() throws Exception {
        String triple = "riscv64gc-unknown-linux-gnu";
        String sysroot = Processes.run(List.of("rustc", "--print", "sysroot"), Path.of("."), Map.of()).stdout().strip();
        assumeFalse(Files.isDirectory(Path.of(sysroot, "lib/rustlib", triple)), triple + " is installed here");
        Fixtures.Request request = features();
        request.targets = List.of(triple);

        assertThatThrownBy(() -> build(request))
                .hasMessageContaining("is not installed")
                .hasMessageContaining("rustup target add " + triple);
    }

    @Test
    void releaseRefusesRiskyFeatureWithoutAllowance() throws Exception {
        Fixtures.Request request = features();
        request.release = true;
        request.features = List.of("unsafe-fast");

        assertThatThrownBy(() -> build(request))
                .isInstanceOfSatisfying(CargoException.class,
                        e -> assertThat(e.kind()).isEqualTo(CargoException.Kind.POLICY_VIOLATION))
                .hasMessageContaining("enables risky feature(s) [unsafe-fast]")
                .hasMessageContaining("<allowUnsafeFeatures>");
        assertThat(work.resolve("classes")).doesNotExist();
    }

    @Test
    void releaseRefusesRiskyFeatureReachedThroughAnotherFeature() throws Exception {
        Fixtures.Request request = features();
        request.release = true;
        request.features = List.of("turbo");

        assertThatThrownBy(() -> build(request)).hasMessageContaining("[unsafe-fast]");
    }

    @Test
    void releaseAllowsRiskyFeatureWithReasonAndRecordsIt() throws Exception {
        Fixtures.Request request = features();
        request.release = true;
        request.features = List.of("unsafe-fast");
        request.allowed = Map.of("unsafe-fast", "benchmarked; inputs are validated upstream");

        PackagedLibrary library = build(request).libraries().get(0);

        assertThat(library.buildInfo().unsafeFeatures()).containsExactly(new UnsafeFeaturePolicy.RiskyFeature(
                "unsafe-fast", true, "benchmarked; inputs are validated upstream"));
        assertThat(Files.readString(library.buildInfoFile())).contains("\"reason\" : \"benchmarked;");
        assertThat(log.lines).anyMatch(l -> l.startsWith("WARN Risky feature 'unsafe-fast' is enabled and allowed"));
    }

    @Test
    void snapshotBuildWarnsAboutRiskyFeature() throws Exception {
        Fixtures.Request request = features();
        request.features = List.of("unsafe-fast");

        PackagedLibrary library = build(request).libraries().get(0);

        assertThat(library.buildInfo().unsafeFeatures())
                .containsExactly(new UnsafeFeaturePolicy.RiskyFeature("unsafe-fast", false, null));
        assertThat(log.lines).anyMatch(l -> l.startsWith("WARN Risky feature 'unsafe-fast' is enabled. A release"));
    }

    @Test
    void managedFlagsInExtraArgsAreRejected() throws Exception {
        Fixtures.Request request = features();
        request.extraArgs = List.of("--release");

        assertThatThrownBy(() -> build(request)).hasMessageContaining("'--release', which Ferrule sets itself");
    }

    @Test
    void contradictoryFeatureFlagsAreRejected() throws Exception {
        Fixtures.Request request = features();
        request.allFeatures = true;
        request.features = List.of("extra");

        assertThatThrownBy(() -> build(request)).hasMessageContaining("<allFeatures> enables every feature");
    }

    @Test
    void rebuildGivesIdenticalBuildInfo() throws Exception {
        Fixtures.Request request = features();
        byte[] first = Files.readAllBytes(build(request).libraries().get(0).buildInfoFile());
        Files.delete(work.resolve("ferrule/build-state.json"));

        byte[] second = Files.readAllBytes(build(request).libraries().get(0).buildInfoFile());

        assertThat(second).isEqualTo(first);
    }
}
