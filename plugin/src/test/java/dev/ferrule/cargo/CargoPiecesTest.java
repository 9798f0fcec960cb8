package dev.ferrule.cargo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The parts of the build step that need no cargo run. */
class CargoPiecesTest {

    private static CargoPackage crate(Map<String, List<String>> features) {
        return new CargoPackage("demo", "1.0.0", "path+file:///demo#1.0.0", Path.of("/demo/Cargo.toml"), "demo",
                List.of("cdylib"), features, Path.of("/demo"), Optional.empty(), List.of());
    }

    private static final Map<String, List<String>> TABLE = Map.of(
            "default", List.of("fast"),
            "fast", List.of("unsafe-simd", "dep:memchr", "serde/std"),
            "unsafe-simd", List.of(),
            "extra", List.of());

    @Test
    void defaultFeaturesAreFollowedTransitively() {
        assertThat(new FeatureSelection(List.of(), false, false).resolve(crate(TABLE)))
                .containsExactly("default", "fast", "unsafe-simd");
    }

    @Test
    void noDefaultFeaturesLeavesOnlyRequested() {
        assertThat(new FeatureSelection(List.of("extra"), true, false).resolve(crate(TABLE))).containsExactly("extra");
    }

    @Test
    void allFeaturesEnablesEveryDeclaredFeature() {
        assertThat(new FeatureSelection(List.of(), false, true).resolve(crate(TABLE)))
                .containsExactly("default", "extra", "fast", "unsafe-simd");
        assertThat(new FeatureSelection(List.of(), false, true).cargoArgs()).containsExactly("--all-features");
    }

    @Test
    void featureArgsAreSortedAndDeduplicated() {
        assertThat(new FeatureSelection(List.of("b", " a", "b", ""), true, false).cargoArgs())
                .containsExactly("--no-default-features", "--features", "a,b");
    }

    @Test
    void dependencyFeaturesAreLeftToCargo() throws CargoException {
        new FeatureSelection(List.of("serde/std"), false, false).validateAgainst(crate(TABLE));
    }

    @Test
    void riskyPatternMatchesOnlyRiskyNames() throws CargoException {
        UnsafeFeaturePolicy policy = UnsafeFeaturePolicy.of("unsafe-*", Map.of(), false);
        assertThat(policy.isRisky("unsafe-raw-handles")).isTrue();
        assertThat(policy.isRisky("safe-unsafe-ish")).isFalse();
        assertThat(policy.isRisky("unsafe")).isFalse();
    }

    @Test
    void customPatternIsHonoured() throws CargoException {
        UnsafeFeaturePolicy policy = UnsafeFeaturePolicy.of("danger*", Map.of(), true);

        assertThatThrownBy(() -> policy.check(new TreeSet<>(List.of("dangerous")), "demo"))
                .hasMessageContaining("[dangerous]");
        assertThat(policy.check(new TreeSet<>(List.of("unsafe-x")), "demo")).isEmpty();
    }

    @Test
    void allowanceWithoutReasonIsRejected() {
        assertThatThrownBy(() -> UnsafeFeaturePolicy.of("unsafe-*", Map.of("unsafe-x", " "), true))
                .hasMessageContaining("'unsafe-x' has no <reason>");
    }

    @Test
    void allowanceOutsideThePatternIsFlagged() throws CargoException {
        UnsafeFeaturePolicy policy = UnsafeFeaturePolicy.of("unsafe-*", Map.of("unsafe_x", "typo", "unsafe-y", "ok"),
                true);
        assertThat(policy.allowancesOutsidePattern()).containsExactly("unsafe_x");
    }

    @Test
    void triplesMapToRuntimeFolders() throws CargoException {
        assertThat(Platform.fromTriple("x86_64-unknown-linux-gnu").id()).isEqualTo("linux-x86_64");
        assertThat(Platform.fromTriple("aarch64-unknown-linux-musl").id()).isEqualTo("linux-musl-aarch64");
        assertThat(Platform.fromTriple("aarch64-apple-darwin").libraryFileName("hello")).isEqualTo("libhello.dylib");
        assertThat(Platform.fromTriple("x86_64-pc-windows-msvc").libraryFileName("hello")).isEqualTo("hello.dll");
        assertThat(Platform.fromTriple("i686-unknown-linux-gnu").id()).isEqualTo("linux-x86");
    }

    @Test
    void malformedOrUnpackagedTriplesAreRejected() {
        assertThatThrownBy(() -> Platform.fromTriple("linux")).hasMessageContaining("is not a Rust target triple");
        assertThatThrownBy(() -> Platform.fromTriple("wasm32-unknown-unknown"))
                .hasMessageContaining("no cdylib packaging rule");
    }

    @Test
    void compilerMessageGivesPrimarySpanRelativeToWorkspace() throws Exception {
        String line = """
                {"reason":"compiler-message","package_id":"x","message":{"level":"error","code":{"code":"E0425"},\
                "message":"cannot find value `y`","rendered":"error[E0425]: cannot find value `y`\\n --> src/lib.rs:3:5\\n",\
                "spans":[{"file_name":"src/other.rs","line_start":9,"column_start":1,"is_primary":false},\
                {"file_name":"src/lib.rs","line_start":3,"column_start":5,"is_primary":true}]}}""";

        CargoMessage.Diagnostic diagnostic = (CargoMessage.Diagnostic) CargoMessage.parse(line, Path.of("/ws/crate"));

        assertThat(diagnostic.isError()).isTrue();
        assertThat(diagnostic.headline(Path.of("/ws"))).isEqualTo("crate/src/lib.rs:3:5: error[E0425]: cannot find value `y`");
    }

    @Test
    void artifactMessageKeepsFilesAndFeatures() throws Exception {
        String line = "{\"reason\":\"compiler-artifact\",\"package_id\":\"p\",\"target\":{\"kind\":[\"cdylib\",\"rlib\"]},"
                + "\"features\":[\"default\"],\"filenames\":[\"/t/libp.so\",\"/t/libp.rlib\"],\"fresh\":true}";

        CargoMessage.Artifact artifact = (CargoMessage.Artifact) CargoMessage.parse(line, Path.of("/"));

        assertThat(artifact.kinds()).containsExactly("cdylib", "rlib");
        assertThat(artifact.filenames()).containsExactly(Path.of("/t/libp.so"), Path.of("/t/libp.rlib"));
        assertThat(artifact.features()).containsExactly("default");
        assertThat(artifact.fresh()).isTrue();
    }

    @Test
    void depInfoListsEveryInputIncludingEscapedSpaces(@TempDir Path dir) throws Exception {
        Path depInfo = dir.resolve("libp.d");
        Files.writeString(depInfo, "/t/libp.so: /src/lib.rs /src/my\\ mod.rs \\\n /src/data.txt\n\n/src/lib.rs:\n");

        assertThat(DepInfo.read(depInfo))
                .containsExactly(Path.of("/src/lib.rs"), Path.of("/src/my mod.rs"), Path.of("/src/data.txt"));
        assertThat(DepInfo.besideArtifact(Path.of("/t/libp.so"))).isEqualTo(Path.of("/t/libp.d"));
    }
}
