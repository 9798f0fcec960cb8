package dev.ferrule.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import dev.ferrule.audit.Suppressions.Audited;
import dev.ferrule.util.Json;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The audit's JSON, SARIF and console output from one result. */
class AuditReportsTest {

    @TempDir
    Path work;

    private static Auditor.Result result(FailLevel failOn) {
        return new Auditor.Result("demo", "1.0.0", List.of(
                new Audited(new AuditFinding(AuditRule.EXPORT_UNGUARDED, "demo_run", "demo_run runs its body"
                        + " outside catch_unwind", "src/lib.rs", 12), null, null),
                new Audited(new AuditFinding(AuditRule.OVERFLOW_CHECKS_OFF, "profile.release.overflow-checks",
                        "off", "Cargo.toml", 0), null, null),
                new Audited(new AuditFinding(AuditRule.GIT_DEPENDENCY, "forked", "forked 0.1.0 comes from git",
                        "Cargo.lock", 30), "upstream fix not released", "suppressions.json entry 1")),
                failOn, 5, 0);
    }

    @Test
    void sarifIsValidAndPointsAtTheSource() throws Exception {
        AuditReports.writeAll(result(FailLevel.ERROR), "0.1.0", "src/main/rust/", work);

        JsonNode sarif = Json.mapper().readTree(work.resolve(AuditReports.SARIF_FILE).toFile());
        try (InputStream schemaFile = getClass().getResourceAsStream("/schema/sarif-schema-2.1.0.json")) {
            JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(schemaFile);
            assertThat(schema.validate(sarif)).isEmpty();
        }
        assertThat(sarif.at("/runs/0/tool/driver/rules")).hasSize(AuditRule.values().length);
        assertThat(sarif.at("/runs/0/tool/driver/rules/0/helpUri").asText())
                .isEqualTo("https://ferrule.dev/audit-rules.html#export_unguarded");
        JsonNode first = sarif.at("/runs/0/results/0");
        assertThat(first.path("ruleId").asText()).isEqualTo("EXPORT_UNGUARDED");
        assertThat(first.path("level").asText()).isEqualTo("error");
        assertThat(first.at("/locations/0/physicalLocation/artifactLocation/uri").asText())
                .isEqualTo("src/main/rust/src/lib.rs");
        assertThat(first.at("/locations/0/physicalLocation/region/startLine").asInt()).isEqualTo(12);
        assertThat(sarif.at("/runs/0/results/1/locations/0/physicalLocation/region").isMissingNode()).isTrue();
        assertThat(sarif.at("/runs/0/results/2/suppressions/0/justification").asText())
                .isEqualTo("upstream fix not released");
    }

    @Test
    void jsonSaysWhatFailsAndIsByteIdenticalOnRerun() throws Exception {
        AuditReports.writeAll(result(FailLevel.WARNING), "0.1.0", "", work);
        byte[] first = Files.readAllBytes(work.resolve(AuditReports.JSON_FILE));
        AuditReports.writeAll(result(FailLevel.WARNING), "0.1.0", "", work);
        assertThat(Files.readAllBytes(work.resolve(AuditReports.JSON_FILE))).isEqualTo(first);

        JsonNode json = Json.mapper().readTree(first);
        assertThat(json.path("failed").asBoolean()).isTrue();
        assertThat(json.path("failOn").asText()).isEqualTo("WARNING");
        assertThat(json.at("/counts/ERROR").asInt()).isEqualTo(1);
        assertThat(json.at("/counts/WARNING").asInt()).isEqualTo(1);
        assertThat(json.path("suppressed").asInt()).isEqualTo(1);
        assertThat(json.at("/findings/1/status").asText()).isEqualTo("failing");
        assertThat(json.at("/findings/1/line").isMissingNode()).isTrue();
        assertThat(json.at("/findings/2/status").asText()).isEqualTo("suppressed");
        assertThat(json.at("/findings/0/heuristic").asBoolean()).isTrue();
    }

    @Test
    void failOnDecidesWhatFails() {
        assertThat(result(FailLevel.ERROR).failed()).isTrue();
        assertThat(result(FailLevel.NONE).failed()).isFalse();
        Auditor.Result onlyWarnings = new Auditor.Result("demo", "1.0.0", List.of(new Audited(new AuditFinding(
                AuditRule.OVERFLOW_CHECKS_OFF, "x", "off", "Cargo.toml", 3), null, null)), FailLevel.ERROR, 1, 0);
        assertThat(onlyWarnings.failed()).isFalse();
        assertThat(AuditReports.console(onlyWarnings, "")).containsExactly(
                "Audit of demo 1.0.0: 0 error(s), 1 warning(s), 0 note(s), 0 suppressed; passes (failOn=ERROR)",
                "  WARNING OVERFLOW_CHECKS_OFF x (Cargo.toml:3): off");
    }

    @Test
    void consoleCountsWhatItDoesNotList() {
        List<Audited> many = new java.util.ArrayList<>();
        for (int i = 0; i < AuditReports.CONSOLE_FINDINGS_PER_RULE + 5; i++) {
            many.add(new Audited(new AuditFinding(AuditRule.UNDOCUMENTED_EXPORT, "f" + i, "no docs", "src/lib.rs",
                    i + 1), null, null));
        }
        List<String> console = AuditReports.console(new Auditor.Result("demo", "1.0.0", many, FailLevel.ERROR, 1,
                0), "");
        assertThat(console).hasSize(1 + AuditReports.CONSOLE_FINDINGS_PER_RULE + 1);
        assertThat(console.get(console.size() - 1)).isEqualTo(
                "  ... and 5 more UNDOCUMENTED_EXPORT finding(s); all are in audit.json and audit.sarif");
    }

    @Test
    void consoleShowsTheFixOfFailingFindingsAndHidesSuppressedOnes() {
        List<String> console = AuditReports.console(result(FailLevel.ERROR), "src/main/rust/");
        assertThat(console.get(0)).isEqualTo("Audit of demo 1.0.0: 1 error(s), 1 warning(s), 0 note(s),"
                + " 1 suppressed; FAILS the build (failOn=ERROR)");
        assertThat(console).contains("  ERROR EXPORT_UNGUARDED demo_run (src/main/rust/src/lib.rs:12): demo_run runs"
                + " its body outside catch_unwind", "      fix: " + AuditRule.EXPORT_UNGUARDED.fix());
        assertThat(console).noneMatch(line -> line.contains("GIT_DEPENDENCY"));
    }
}
