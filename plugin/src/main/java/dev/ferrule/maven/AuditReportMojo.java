package dev.ferrule.maven;

import dev.ferrule.audit.AuditReports;
import dev.ferrule.audit.AuditRule;
import dev.ferrule.report.Report;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
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

    @Override
    public String getOutputPath() {
        return "ferrule-audit";
    }

    @Override
    public String getName(Locale locale) {
        return TITLE;
    }

    @Override
    public String getDescription(Locale locale) {
        return "FFI-safety and supply-chain findings on the crate's Rust boundary (ferrule:audit).";
    }

    @Override
    String resultsFileName() {
        return AuditReports.JSON_FILE;
    }

    @Override
    String writerGoal() {
        return "ferrule:audit";
    }

    @Override
    AuditReports.AuditJson read(Path file) throws IOException {
        return AuditReports.read(file);
    }

    @Override
    ResultsRenderer renderer(Sink sink, AuditReports.AuditJson audit, String source) {
        return new Renderer(sink, audit, source);
    }

    private static final class Renderer extends ResultsRenderer {

        private final AuditReports.AuditJson audit;
        private final String source;

        Renderer(Sink sink, AuditReports.AuditJson audit, String source) {
            super(sink);
            this.audit = audit;
            this.source = source;
        }

        @Override
        public String getTitle() {
            return TITLE;
        }

        @Override
        protected void renderBody() {
            startSection(getTitle());
            paragraph((audit.failed() ? "FAILED" : "Passed") + ": crate " + audit.crate() + " " + audit.version()
                    + "; the build fails on unsuppressed findings at " + audit.failOn() + " or above. From "
                    + source + ".");
            startTable();
            tableHeader(new String[] {"Errors", "Warnings", "Notes", "Suppressed"});
            tableRow(new String[] {count(Report.Level.ERROR), count(Report.Level.WARNING), count(Report.Level.NOTE),
                    String.valueOf(audit.suppressed())});
            endTable();
            if (audit.findings().isEmpty()) {
                paragraph("No findings.");
            } else {
                startTable();
                tableHeader(new String[] {"Status", "Level", "Rule", "Item", "Finding", "Where"});
                for (AuditReports.FindingJson finding : audit.findings()) {
                    sink.tableRow();
                    textCell(finding.status() + (finding.suppressedBecause() == null ? ""
                            : ": " + finding.suppressedBecause() + " (" + finding.suppressedBy() + ")"));
                    textCell(finding.level().name() + (finding.heuristic() ? " (heuristic)" : ""));
                    ruleCell(finding.rule(), helpAnchor(finding.rule()));
                    textCell(finding.item());
                    textCell(finding.message());
                    textCell(where(finding.file(), finding.line()));
                    sink.tableRow_();
                }
                endTable();
            }
            endSection();
        }

        private String count(Report.Level level) {
            return String.valueOf(audit.counts().getOrDefault(level, 0L));
        }

        private static String helpAnchor(String rule) {
            try {
                return AuditRule.valueOf(rule).helpAnchor();
            } catch (IllegalArgumentException unknownToThisVersion) {
                return null;
            }
        }
    }
}
