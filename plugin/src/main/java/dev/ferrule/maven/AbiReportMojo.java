package dev.ferrule.maven;

import dev.ferrule.diff.AbiRule;
import dev.ferrule.diff.Acceptance;
import dev.ferrule.diff.CheckReports;
import dev.ferrule.diff.Severity;
import java.util.List;
import org.apache.maven.doxia.sink.Sink;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * The "ABI check" page of {@code mvn site}: the result of the last {@code ferrule:check-abi} of
 * this build, snapshot by snapshot, with every difference, its rule and what the check made of
 * it. Configure it under {@code <reporting>} and run {@code mvn verify site}.
 */
@Mojo(name = "abi-report", defaultPhase = LifecyclePhase.SITE, threadSafe = true)
public class AbiReportMojo extends ResultsReport<CheckReports.Run> {

    private static final String TITLE = "ABI check";

    public AbiReportMojo() {
        super(new Page("ferrule-abi", TITLE, "Differences between the crate's exported C ABI and its committed"
                + " snapshots (ferrule:check-abi).", CheckReports.JSON_FILE, "ferrule:check-abi"), CheckReports::read);
    }

    @Override
    ResultsRenderer<CheckReports.Run> renderer(Sink sink, CheckReports.Run run, String source) {
        return new Renderer(sink, run, source);
    }

    private static final class Renderer extends ResultsRenderer<CheckReports.Run> {

        Renderer(Sink sink, CheckReports.Run run, String source) {
            super(sink, TITLE, rule -> AbiRule.valueOf(rule).helpAnchor(), run, source);
        }

        @Override
        protected void renderBody() {
            startSection(getTitle());
            paragraph((results.failed() ? "FAILED" : "Passed") + ": " + results.results().size()
                    + " snapshot(s) compared; the build fails (" + results.failOn() + ") on differences that are"
                    + " neither accepted nor announced by the crate's version. From " + source + ".");
            if (!results.missingBaselines().isEmpty()) {
                startSection("Snapshots to create");
                paragraph("These targets and feature sets have no snapshot yet, so nothing was compared."
                        + " Create and commit one on the release commit:");
                startTable();
                tableHeader(new String[] {"Snapshot", "File", "Command"});
                results.missingBaselines().forEach(missing -> tableRow(new String[] {missing.snapshot(),
                        missing.expectedFile(), missing.command()}));
                endTable();
                endSection();
            }
            results.results().forEach(this::renderResult);
            endSection();
        }

        private void renderResult(CheckReports.ResultJson result) {
            startSection(result.snapshot());
            paragraph("Compared with " + result.snapshotFile() + ": " + result.semver().describe() + ".");
            if (result.acceptAllReason() != null) {
                paragraph("Every difference was accepted for this run (ferrule.abi.acceptBreaking): "
                        + result.acceptAllReason());
            }
            result.notes().forEach(this::paragraph);
            startTable();
            tableHeader(new String[] {"Axis", "Breaking", "Potentially breaking", "Compatible"});
            tableRow(counts("Binary (C ABI)", result.binaryCounts()));
            tableRow(counts("Java source", result.sourceCounts()));
            endTable();
            if (result.findings().isEmpty()) {
                paragraph("No differences.");
            } else {
                startTable();
                findingHeader("Binary / Java source", "Change");
                for (CheckReports.FindingJson finding : result.findings()) {
                    findingRow(finding.status() + (finding.acceptedBecause() == null ? ""
                            : ": " + finding.acceptedBecause()), finding.binary().severity() + " / "
                            + finding.source().severity(), finding.rule(),
                            finding.item(), finding.message() + ("snapshot".equals(finding.locationFrom())
                                    ? " (gone; the location is where the snapshot recorded it)" : ""),
                            finding.file(), finding.line());
                }
                endTable();
            }
            acceptances("Acceptances that matched nothing (remove them from accepted.json)",
                    result.unusedAcceptances());
            acceptances("Expired acceptances (the crate has reached their until version)",
                    result.expiredAcceptances());
            endSection();
        }

        private void acceptances(String title, List<Acceptance> acceptances) {
            if (acceptances.isEmpty()) {
                return;
            }
            paragraph(title + ":");
            startTable();
            tableHeader(new String[] {"Rule", "Item", "Reason", "Until"});
            acceptances.forEach(acceptance -> tableRow(new String[] {acceptance.rule(), acceptance.item(),
                    acceptance.reason(), acceptance.until()}));
            endTable();
        }

        private static String[] counts(String axis, java.util.Map<Severity, Long> counts) {
            return new String[] {axis, String.valueOf(counts.getOrDefault(Severity.BREAKING, 0L)),
                    String.valueOf(counts.getOrDefault(Severity.POTENTIALLY_BREAKING, 0L)),
                    String.valueOf(counts.getOrDefault(Severity.COMPATIBLE, 0L))};
        }
    }
}
