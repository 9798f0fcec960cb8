package dev.ferrule.diff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.ferrule.abi.AbiModel;
import dev.ferrule.abi.AbiModel.AbiFunction;
import dev.ferrule.abi.AbiModel.TypeRef;
import dev.ferrule.diff.CheckResult.Status;
import dev.ferrule.util.Json;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/** Acceptances, the semver gate, failOn and the reports, on small hand-built models. */
class AbiCheckTest {

    @TempDir
    Path work;

    private static AbiFunction fn(String symbol) {
        return new AbiFunction(symbol, symbol, "demo::" + symbol, "C", List.of(),
                new TypeRef("int32_t", "i32", null, null), false, false, false, null, null, null,
                new AbiModel.SourceLocation("src/lib.rs", 3));
    }

    private static AbiModel model(String version, String... symbols) {
        return new AbiModel(AbiModel.SCHEMA_VERSION, new AbiModel.CrateInfo("demo", version, "demo"),
                new AbiModel.BuildTarget("x86_64-unknown-linux-gnu", List.of("default"), "release"),
                java.util.Arrays.stream(symbols).map(AbiCheckTest::fn).toList(), List.of(), List.of(), List.of(),
                List.of(), List.of());
    }

    private static CheckResult check(AbiModel before, AbiModel after, List<Acceptance> acceptances, String all,
            FailOn failOn) {
        return AbiCheck.run("demo-x86_64-unknown-linux-gnu", "src/main/abi/demo.abi.json", before, after, acceptances,
                all, new FailPolicy(failOn, failOn));
    }

    @Test
    void removalWithoutBumpFails() {
        CheckResult result = check(model("1.0.0", "a", "b"), model("1.0.0", "a"), List.of(), null, FailOn.BREAKING);

        assertThat(result.failed()).isTrue();
        assertThat(result.findings()).extracting(CheckResult.Finding::status).containsExactly(Status.FAILING);
        assertThat(result.semver().required()).isEqualTo(SemverGate.Bump.MAJOR);
        assertThat(result.semver().describe()).isEqualTo("version 1.0.0 -> 1.0.0 is not a new release; the changes"
                + " need a breaking release (not satisfied)");
    }

    @Test
    void majorBumpCoversRemoval() {
        CheckResult result = check(model("1.4.2", "a", "b"), model("2.0.0", "a"), List.of(), null, FailOn.BREAKING);

        assertThat(result.failed()).isFalse();
        assertThat(result.findings()).extracting(CheckResult.Finding::status)
                .containsExactly(Status.COVERED_BY_VERSION);
    }

    @Test
    void inZeroXTheMinorNumberIsTheBreakingOne() {
        assertThat(check(model("0.3.1", "a", "b"), model("0.4.0", "a"), List.of(), null, FailOn.BREAKING).failed())
                .isFalse();
        assertThat(check(model("0.3.1", "a", "b"), model("0.3.2", "a"), List.of(), null, FailOn.BREAKING).failed())
                .isTrue();
    }

    @Test
    void zeroXVerdictsNameTheReleaseByCargosRule() {
        CheckResult breaking = check(model("0.1.1", "a", "b"), model("0.2.0", "a"), List.of(), null, FailOn.BREAKING);
        CheckResult addition = check(model("0.1.1", "a"), model("0.1.2", "a", "b"), List.of(), null, FailOn.BREAKING);

        assertThat(breaking.semver().describe()).isEqualTo("version 0.1.1 -> 0.2.0 is a breaking release (Cargo's"
                + " rule below 1.0); the changes need a breaking release");
        assertThat(breaking.semver().actual()).isEqualTo(SemverGate.Bump.MAJOR);
        assertThat(addition.semver().describe()).isEqualTo("version 0.1.1 -> 0.1.2 is a feature release (Cargo's"
                + " rule below 1.0); the changes need a feature release");
    }

    @Test
    void inZeroZeroXEveryNewVersionBreaks() {
        assertThat(check(model("0.0.3", "a", "b"), model("0.0.4", "a"), List.of(), null, FailOn.BREAKING).failed())
                .isFalse();
        assertThat(check(model("1.2.3", "a", "b"), model("1.3.0", "a"), List.of(), null, FailOn.BREAKING).failed())
                .isTrue();
    }

    @Test
    void acceptanceWithReasonAcceptsTheMatchingChangeOnly() {
        Acceptance removal = new Acceptance("FN_REMOVED", "b", "b was never released to users", null);
        CheckResult result = check(model("1.0.0", "a", "b", "c"), model("1.0.0", "a"), List.of(removal), null,
                FailOn.BREAKING);

        assertThat(result.findings()).extracting(f -> f.change().item() + ":" + f.status())
                .containsExactlyInAnyOrder("b:ACCEPTED", "c:FAILING");
        assertThat(result.unusedAcceptances()).isEmpty();
    }

    @Test
    void acceptanceMatchingNothingIsReportedAsUnused() {
        Acceptance stale = new Acceptance("FN_REMOVED", "zzz", "old", null);
        CheckResult result = check(model("1.0.0", "a"), model("1.0.0", "a"), List.of(stale), null, FailOn.BREAKING);

        assertThat(result.unusedAcceptances()).containsExactly(stale);
        assertThat(result.failed()).isFalse();
    }

    @Test
    void acceptanceWhoseVersionHasPassedIsNotApplied() {
        Acceptance expired = new Acceptance("FN_REMOVED", "b", "temporary", "1.0.0");
        CheckResult result = check(model("1.0.0", "a", "b"), model("1.0.0", "a"), List.of(expired), null,
                FailOn.BREAKING);

        assertThat(result.expiredAcceptances()).containsExactly(expired);
        assertThat(result.failed()).isTrue();
    }

    @Test
    void acceptBreakingAcceptsEverythingForOneRun() {
        CheckResult result = check(model("1.0.0", "a", "b"), model("1.0.0", "a"), List.of(), "migration week",
                FailOn.BREAKING);

        assertThat(result.failed()).isFalse();
        assertThat(result.findings()).allMatch(f -> f.status() == Status.ACCEPTED
                && f.acceptance().reason().equals("migration week"));
        assertThat(CheckReports.console(result, "src/main/rust/")).anyMatch(l -> l.contains("ALL DIFFERENCES ACCEPTED"));
    }

    @Test
    void compatibleAdditionPassesWithoutABump() {
        CheckResult result = check(model("1.0.0", "a"), model("1.0.0", "a", "b"), List.of(), null, FailOn.BREAKING);

        assertThat(result.failed()).isFalse();
        assertThat(result.findings()).extracting(CheckResult.Finding::status).containsExactly(Status.REPORTED);
    }

    @Test
    void failOnNoneNeverFails() {
        assertThat(check(model("1.0.0", "a", "b"), model("1.0.0", "a"), List.of(), null, FailOn.NONE).failed())
                .isFalse();
    }

    @Test
    void acceptancesWithoutReasonOrWithUnknownRuleAreRejected() throws Exception {
        Path file = work.resolve("accepted.json");
        Files.writeString(file, "{\"acceptances\": [{\"rule\": \"FN_REMOVED\", \"item\": \"b\"},"
                + " {\"rule\": \"NO_SUCH_RULE\", \"item\": \"c\", \"reason\": \"x\"}]}");

        assertThatThrownBy(() -> Acceptances.read(file))
                .isInstanceOf(CheckException.class)
                .hasMessageContaining("entry 1 (FN_REMOVED b): no reason")
                .hasMessageContaining("entry 2: unknown rule 'NO_SUCH_RULE'");
    }

    @Test
    void reportsAreWrittenValidAndDeterministic() throws Exception {
        CheckResult result = check(model("1.0.0", "a", "b"), model("1.0.0", "a", "c"), List.of(), null,
                FailOn.BREAKING);
        List<CheckReports.MissingBaseline> missing = List.of(new CheckReports.MissingBaseline(
                "demo-aarch64-apple-darwin", "src/main/abi/demo-aarch64-apple-darwin.abi.json", "mvn ferrule:snapshot"));
        CheckReports.writeAll(List.of(result), missing, FailPolicy.BREAKING, "0.1.0", "src/main/rust/", work);
        byte[] firstJson = Files.readAllBytes(work.resolve(CheckReports.JSON_FILE));
        CheckReports.writeAll(List.of(result), missing, FailPolicy.BREAKING, "0.1.0", "src/main/rust/", work);

        assertThat(Files.readAllBytes(work.resolve(CheckReports.JSON_FILE))).isEqualTo(firstJson);
        assertThat(errors(schema(Path.of("../src/site/resources/schemas/abi-diff-2.schema.json")),
                Json.mapper().readTree(firstJson))).isEmpty();

        JsonNode sarif = Json.mapper().readTree(work.resolve(CheckReports.SARIF_FILE).toFile());
        try (InputStream sarifSchema = getClass().getResourceAsStream("/schema/sarif-schema-2.1.0.json")) {
            JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(sarifSchema);
            assertThat(errors(schema, sarif)).isEmpty();
        }
        assertThat(sarif.at("/runs/0/results/0/ruleId").asText()).isEqualTo("FN_REMOVED");
        // The function is gone: its recorded line may not exist in today's file, so the result points
        // at the snapshot that records it, and names the old declaration in its message.
        assertThat(sarif.at("/runs/0/results/0/locations/0/physicalLocation/artifactLocation/uri").asText())
                .isEqualTo("src/main/abi/demo.abi.json");
        assertThat(sarif.at("/runs/0/results/0/locations/0/physicalLocation/region").isMissingNode()).isTrue();
        assertThat(sarif.at("/runs/0/results/0/message/text").asText())
                .contains("declared at src/main/rust/src/lib.rs:3 in the snapshot's version");
        assertThat(Json.mapper().readTree(firstJson).at("/results/0/findings/0/locationFrom").asText())
                .isEqualTo("snapshot");

        Document junit = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(work.resolve(CheckReports.JUNIT_FILE).toFile());
        assertThat(junit.getElementsByTagName("testcase").getLength()).isEqualTo(2);
        assertThat(junit.getElementsByTagName("failure").getLength()).isEqualTo(1);

        String markdown = Files.readString(work.resolve(CheckReports.MARKDOWN_FILE));
        assertThat(markdown).contains("| **breaking** | `FN_REMOVED` | `b` |").contains("How to fix:")
                .contains("No snapshot src/main/abi/demo-aarch64-apple-darwin.abi.json yet");
    }

    private static JsonSchema schema(Path file) throws Exception {
        try (InputStream in = Files.newInputStream(file)) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        }
    }

    private static Set<ValidationMessage> errors(JsonSchema schema, JsonNode document) {
        return schema.validate(document);
    }
}
