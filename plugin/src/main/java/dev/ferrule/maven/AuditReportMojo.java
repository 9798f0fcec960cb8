package dev.ferrule.maven;

import dev.ferrule.audit.AuditReports;
import dev.ferrule.audit.AuditRule;
import dev.ferrule.report.Report;
import org.apache.maven.doxia.sink.Sink;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * The "Boundary audit" page of {@code mvn site}: the findings of the last {@code ferrule:audit}
 * of this build, suppressed ones with their reasons. Configure it under {@code <reporting>} and
 * run {@code mvn verify site}.
 */
@Mojo(name = "audit-report", defaultPhase = LifecyclePhase.SITE, threadSafe = true)
public class AuditReportMojo extends ResultsReport<AuditReports.AuditJson> {

    private static final String TITLE = "Boundary audit";

    public AuditReportMojo() {
        super(new Page("ferrule-audit", TITLE, "FFI-safety and supply-chain findings on the crate's Rust"
                + " boundary (ferrule:audit).", AuditReports.JSON_FILE, "ferrule:audit"), AuditReports::read);
    }

    @Override
    ResultsRenderer<AuditReports.AuditJson> renderer(Sink sink, AuditReports.AuditJson audit, String source) {
        return new Renderer(sink, audit, source);
    }

    private static final class Renderer extends ResultsRenderer<AuditReports.AuditJson> {

        Renderer(Sink sink, AuditReports.AuditJson audit, String source) {
            super(sink, TITLE, rule -> AuditRule.valueOf(rule).helpAnchor(), audit, source);
        }

        @Override
        protected void renderBody() {
            startSection(getTitle());
            paragraph((results.failed() ? "FAILED" : "Passed") + ": crate " + results.crate() + " " + results.version()
                    + "; the build fails on unsuppressed findings at " + results.failOn() + " or above. From "
                    + source + ".");
            startTable();
            tableHeader(new String[] {"Errors", "Warnings", "Notes", "Suppressed"});
            tableRow(new String[] {count(Report.Level.ERROR), count(Report.Level.WARNING), count(Report.Level.NOTE),
                    String.valueOf(results.suppressed())});
            endTable();
            if (results.findings().isEmpty()) {
                paragraph("No findings.");
            } else {
                startTable();
                findingHeader("Level", "Finding");
                for (AuditReports.FindingJson finding : results.findings()) {
                    findingRow(finding.status() + (finding.suppressedBecause() == null ? ""
                            : ": " + finding.suppressedBecause() + " (" + finding.suppressedBy() + ")"),
                            finding.level().name() + (finding.heuristic() ? " (heuristic)" : ""), finding.rule(),
                            finding.item(), finding.message(), finding.file(), finding.line());
                }
                endTable();
            }
            endSection();
        }

        private String count(Report.Level level) {
            return String.valueOf(results.counts().getOrDefault(level, 0L));
        }
    }
}
