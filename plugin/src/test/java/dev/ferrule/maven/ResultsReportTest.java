package dev.ferrule.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ferrule.audit.AuditReports;
import dev.ferrule.audit.FailLevel;
import dev.ferrule.diff.Acceptance;
import dev.ferrule.diff.CheckReports;
import dev.ferrule.diff.CheckResult.Status;
import dev.ferrule.diff.Compat;
import dev.ferrule.diff.FailPolicy;
import dev.ferrule.diff.SemverGate;
import dev.ferrule.diff.SemverLevel;
import dev.ferrule.diff.Severity;
import dev.ferrule.report.Report;
import dev.ferrule.util.Json;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.maven.doxia.sink.Sink;
import org.apache.maven.doxia.sink.impl.Xhtml5BaseSink;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The site pages render what check-abi and audit wrote, read back from their JSON files, and
 * are left out when there is no such file.
 */
class ResultsReportTest {

    private static final String SOURCE = "target/ferrule/results.json";

    @TempDir
    Path state;

    private static String render(Function<Sink, ResultsRenderer<?>> renderer) {
        StringWriter html = new StringWriter();
        renderer.apply(new Xhtml5BaseSink(html)).render();
        return html.toString();
    }

    private <T> T roundTrip(ResultsReport<T> report, Object results) throws IOException {
        report.stateDirectory = state.toFile();
        Files.write(report.resultsFile(), Json.prettyBytes(results));
        return report.read(report.resultsFile());
    }

    private static final Compat BREAKING_MAJOR = new Compat(Severity.BREAKING, SemverLevel.MAJOR);

    private static CheckReports.ResultJson result(List<CheckReports.FindingJson> findings, List<Acceptance> unused) {
        return new CheckReports.ResultJson("gauge-x86_64-unknown-linux-gnu",
                "src/main/abi/gauge-x86_64-unknown-linux-gnu.abi.json", "1.0.0", "1.0.1",
                new SemverGate.Verdict("1.0.0", "1.0.1", SemverGate.Bump.MAJOR, SemverGate.Bump.PATCH, false),
                Map.of(Severity.BREAKING, (long) findings.size()), Map.of(Severity.BREAKING, (long) findings.size()),
                null, List.of(), findings, unused, List.of());
    }

    @Test
    void theAbiPageShowsEachDifferenceWithItsRuleAndVerdict() throws IOException {
        AbiReportMojo report = new AbiReportMojo();
        CheckReports.Run run = roundTrip(report, new CheckReports.Run(CheckReports.JSON_SCHEMA_VERSION,
                "ferrule check-abi", true, FailPolicy.BREAKING, List.of(result(List.of(
                        new CheckReports.FindingJson("FN_REMOVED", BREAKING_MAJOR, BREAKING_MAJOR, "gauge_reset",
                                "gauge_reset was removed", "src/main/rust/src/lib.rs", 12, "snapshot", null,
                                Status.FAILING, null,
                                "restore it"),
                        new CheckReports.FindingJson("FN_PARAM_TYPE_CHANGED", BREAKING_MAJOR, BREAKING_MAJOR,
                                "gauge_set", "parameter 1 changed from i32 to i64", null, null, null, null,
                                Status.ACCEPTED,
                                "only our own app calls it", "restore it")),
                        List.of(new Acceptance("FN_REMOVED", "gauge_old", "gone in 2.0", null)))),
                List.of(new CheckReports.MissingBaseline("gauge-aarch64-apple-darwin",
                        "src/main/abi/gauge-aarch64-apple-darwin.abi.json", "mvn ferrule:snapshot"))));

        String html = render(sink -> report.renderer(sink, run, SOURCE));

        assertThat(html).contains("FAILED: 1 snapshot(s) compared", "From " + SOURCE)
                .contains(">gauge-x86_64-unknown-linux-gnu<", "version 1.0.0 -&gt; 1.0.1 is a patch release")
                .contains("href=\"" + Report.DOCS_URL + "check-abi-rules.html#fn_removed\">FN_REMOVED</a>")
                .contains("FAILING", "gauge_reset was removed", "src/main/rust/src/lib.rs:12")
                .contains("gone; the location is where the snapshot recorded it")
                .contains("ACCEPTED: only our own app calls it")
                .contains("Snapshots to create", "gauge-aarch64-apple-darwin", "mvn ferrule:snapshot")
                .contains("Acceptances that matched nothing", "gauge_old", "gone in 2.0")
                .doesNotContain("No differences.", "Expired acceptances");
    }

    @Test
    void aCleanAbiCheckSaysSo() throws IOException {
        AbiReportMojo report = new AbiReportMojo();
        CheckReports.Run run = roundTrip(report, new CheckReports.Run(CheckReports.JSON_SCHEMA_VERSION,
                "ferrule check-abi", false, FailPolicy.BREAKING, List.of(result(List.of(), List.of())), List.of()));

        String html = render(sink -> report.renderer(sink, run, SOURCE));

        assertThat(html).contains("Passed: 1 snapshot(s) compared", "No differences.")
                .doesNotContain("FAILED", "Snapshots to create", "Acceptances that matched nothing", "href=");
    }

    @Test
    void theAuditPageShowsFindingsAndWhySuppressedOnesAre() throws IOException {
        AuditReportMojo report = new AuditReportMojo();
        AuditReports.AuditJson audit = roundTrip(report, new AuditReports.AuditJson(
                AuditReports.JSON_SCHEMA_VERSION, "ferrule audit", "gauge", "0.3.0", true, FailLevel.ERROR,
                Map.of(Report.Level.ERROR, 1L), 1, List.of(
                        new AuditReports.FindingJson("EXPORT_UNGUARDED", Report.Level.ERROR, false, "gauge_new",
                                "gauge_new can unwind into Java", "src/main/rust/src/lib.rs", 7, "failing", null,
                                null, "use export!"),
                        new AuditReports.FindingJson("FFI_UNSAFE_TYPE", Report.Level.WARNING, true, "gauge_raw",
                                "takes a Vec", "src/main/rust/src/lib.rs", 20, "suppressed", "checked by hand",
                                "src/main/rust/src/lib.rs:19", "use a pointer and a length"))));

        String html = render(sink -> report.renderer(sink, audit, SOURCE));

        assertThat(html).contains("FAILED: crate gauge 0.3.0", "at ERROR or above")
                .contains("href=\"" + Report.DOCS_URL + "audit-rules.html#export_unguarded\">EXPORT_UNGUARDED</a>")
                .contains("gauge_new can unwind into Java", "src/main/rust/src/lib.rs:7")
                .contains("suppressed: checked by hand (src/main/rust/src/lib.rs:19)", "WARNING (heuristic)")
                .doesNotContain("No findings.");
    }

    @Test
    void aCleanAuditSaysSo() throws IOException {
        AuditReportMojo report = new AuditReportMojo();
        AuditReports.AuditJson audit = roundTrip(report, new AuditReports.AuditJson(AuditReports.JSON_SCHEMA_VERSION,
                "ferrule audit", "gauge", "0.3.0", false, FailLevel.ERROR, Map.of(), 0, List.of()));

        assertThat(render(sink -> report.renderer(sink, audit, SOURCE))).contains("Passed: crate gauge 0.3.0",
                "No findings.").doesNotContain("FAILED", "href=");
    }

    @Test
    void thePageIsLeftOutUntilItsGoalHasRun() throws IOException {
        AbiReportMojo abi = new AbiReportMojo();
        abi.stateDirectory = state.toFile();
        AuditReportMojo audit = new AuditReportMojo();
        audit.stateDirectory = state.toFile();
        assertThat(abi.canGenerateReport()).isFalse();
        assertThat(audit.canGenerateReport()).isFalse();

        Files.writeString(state.resolve(CheckReports.JSON_FILE), "{}");
        assertThat(abi.canGenerateReport()).isTrue();
        assertThat(audit.canGenerateReport()).isFalse();
        assertThat(abi.getOutputPath()).isEqualTo("ferrule-abi");
        assertThat(audit.getOutputPath()).isEqualTo("ferrule-audit");
    }

    @Test
    void resultsOfAnotherSchemaVersionAreRefused() throws IOException {
        Path file = state.resolve(AuditReports.JSON_FILE);
        Files.writeString(file, "{\"schemaVersion\": 2, \"findings\": []}");
        assertThatThrownBy(() -> new AuditReportMojo().read(file)).isInstanceOf(IOException.class)
                .hasMessageContaining("schemaVersion 2").hasMessageContaining("reads 1")
                .hasMessageContaining("ferrule:audit");
    }
}
