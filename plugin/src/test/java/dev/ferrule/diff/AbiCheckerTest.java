package dev.ferrule.diff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ferrule.abi.AbiModel;
import dev.ferrule.abi.AbiSnapshots;
import dev.ferrule.abi.ExtractedAbi;
import dev.ferrule.cargo.FerruleMetadata;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which snapshot each ABI is compared with, and what happens when there is none. */
class AbiCheckerTest {

    @TempDir
    Path project;

    private static AbiModel model(String triple, List<String> features) {
        return new AbiModel(AbiModel.SCHEMA_VERSION, new AbiModel.CrateInfo("demo", "1.0.0", "demo"),
                new AbiModel.BuildTarget(triple, features, "release"), List.of(), List.of(), List.of(), List.of(),
                List.of(), List.of());
    }

    private AbiChecker.Config config(String acceptAll) {
        return new AbiChecker.Config(project.resolve("src/main/abi"), project.resolve("target/ferrule"), project,
                "src/main/rust/", FailPolicy.BREAKING, acceptAll, "test");
    }

    @Test
    void missingSnapshotIsAFirstReleaseWithTheCommandToCreateIt() throws Exception {
        AbiChecker.Outcome outcome = AbiChecker.check(List.of(new ExtractedAbi("demo-x86_64-unknown-linux-gnu",
                model("x86_64-unknown-linux-gnu", List.of("default")), false)), FerruleMetadata.NONE, config(null));

        assertThat(outcome.failed()).isFalse();
        assertThat(outcome.results()).isEmpty();
        assertThat(outcome.missing()).containsExactly(new CheckReports.MissingBaseline("demo-x86_64-unknown-linux-gnu",
                "src/main/abi/demo-x86_64-unknown-linux-gnu.abi.json", "mvn ferrule:snapshot"));
        assertThat(project.resolve("target/ferrule/abi-diff.json")).exists();
    }

    @Test
    void snapshotOfAnotherTargetOrFeatureSetIsNeverCompared() throws Exception {
        Path abi = project.resolve("src/main/abi");
        Path state = project.resolve("target/ferrule");
        AbiSnapshots.write(abi.resolve("demo-aarch64-apple-darwin.abi.json"), model("aarch64-apple-darwin", List.of()),
                state);
        AbiSnapshots.write(abi.resolve("demo-x86_64-unknown-linux-gnu-extra.abi.json"),
                model("x86_64-unknown-linux-gnu", List.of("extra")), state);
        AbiSnapshots.write(abi.resolve("demo-x86_64-unknown-linux-gnu.abi.json"),
                model("x86_64-unknown-linux-gnu", List.of("default")), state);

        AbiChecker.Outcome outcome = AbiChecker.check(List.of(new ExtractedAbi("demo-x86_64-unknown-linux-gnu",
                model("x86_64-unknown-linux-gnu", List.of("default")), false)), FerruleMetadata.NONE, config(null));

        assertThat(outcome.results()).extracting(CheckResult::snapshotFile)
                .containsExactly("src/main/abi/demo-x86_64-unknown-linux-gnu.abi.json");
        assertThat(outcome.notCompared()).containsExactly("demo-aarch64-apple-darwin.abi.json",
                "demo-x86_64-unknown-linux-gnu-extra.abi.json");
        assertThat(outcome.missing()).isEmpty();
    }

    @Test
    void acceptBreakingWithoutReasonIsRefused() {
        assertThatThrownBy(() -> AbiChecker.check(List.of(), FerruleMetadata.NONE, config(" ")))
                .isInstanceOf(CheckException.class)
                .hasMessageContaining("needs a reason");
    }

    @Test
    void damagedSnapshotIsAClearError() throws Exception {
        Path file = project.resolve("src/main/abi/demo-x86_64-unknown-linux-gnu.abi.json");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "{ \"schemaVersion\": 1, ");

        assertThatThrownBy(() -> AbiChecker.check(List.of(new ExtractedAbi("demo-x86_64-unknown-linux-gnu",
                model("x86_64-unknown-linux-gnu", List.of("default")), false)), FerruleMetadata.NONE, config(null)))
                .isInstanceOf(CheckException.class)
                .hasMessageContaining("is not valid JSON");
    }
}
