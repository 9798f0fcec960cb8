package dev.ferrule.audit;

import dev.ferrule.util.MayBeAbsent;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.ferrule.report.Report;
import dev.ferrule.report.SarifWriter;
import dev.ferrule.util.AtomicFiles;
import dev.ferrule.util.Json;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The audit's reports from one result: {@code audit.json}, {@code audit.sarif} (through the
 * SARIF writer check-abi uses) and the console summary.
 */
public final class AuditReports {

    public static final String JSON_FILE = "audit.json";
    public static final String SARIF_FILE = "audit.sarif";
    public static final int JSON_SCHEMA_VERSION = 1;
    static final int CONSOLE_FINDINGS_PER_RULE = 20;

    /** audit.json. */
    @JsonPropertyOrder({"schemaVersion", "tool", "crate", "version", "failed", "failOn", "counts", "suppressed",
            "findings"})
    public record AuditJson(int schemaVersion, String tool, String crate, String version, boolean failed,
            FailLevel failOn, Map<Report.Level, Long> counts, long suppressed, List<FindingJson> findings) {
    }

    @JsonPropertyOrder({"rule", "level", "heuristic", "item", "message", "file", "line", "status", "suppressedBecause",
            "suppressedBy", "fix"})
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record FindingJson(String rule, Report.Level level, boolean heuristic, String item, String message,
            @MayBeAbsent String file, @MayBeAbsent Integer line, String status, @MayBeAbsent String suppressedBecause,
            @MayBeAbsent String suppressedBy, String fix) {
    }

    private AuditReports() {
    }

    /**
     * @param sourcePrefix prepended to crate-relative paths so that they are relative to the project
     */
    public static void writeAll(Auditor.Result result, String toolVersion, String sourcePrefix, Path outDir)
            throws IOException {
        AtomicFiles.write(outDir.resolve(JSON_FILE), Json.prettyBytes(json(result, sourcePrefix)), outDir);
        AtomicFiles.write(outDir.resolve(SARIF_FILE), SarifWriter.write(report(result, toolVersion, sourcePrefix)),
                outDir);
    }

    /** Reads back the audit.json of an earlier run, which the site report renders. */
    public static AuditJson read(Path file) throws IOException {
        return Json.readResults(file, AuditJson.class, AuditJson::schemaVersion, JSON_SCHEMA_VERSION, "ferrule:audit");
    }

    static AuditJson json(Auditor.Result result, String sourcePrefix) {
        List<FindingJson> findings = result.findings().stream().map(a -> {
            AuditFinding f = a.finding();
            return new FindingJson(f.rule().name(), f.rule().level(), f.rule().heuristic(), f.item(), f.message(),
                    f.file() == null ? null : sourcePrefix + f.file(), f.line() > 0 ? f.line() : null,
                    status(result, a), a.suppressedBecause(), a.suppressedBy(), f.fixText());
        }).toList();
        return new AuditJson(JSON_SCHEMA_VERSION, "ferrule audit", result.crateName(), result.crateVersion(),
                result.failed(), result.failOn(), result.counts(), result.suppressedCount(), findings);
    }

    /** The tool-neutral report the SARIF writer reads. */
    public static Report report(Auditor.Result result, String toolVersion, String sourcePrefix) {
        List<Report.Rule> rules = Arrays.stream(AuditRule.values()).map(rule -> new Report.Rule(rule.name(),
                rule.title(), capitalized(rule.title()) + ". " + rule.rationale()
                        + (rule.heuristic() ? " (Heuristic: " + rule.knownLimits() + ")" : ""),
                rule.fix(), Report.DOCS_URL + rule.helpAnchor(), rule.level())).toList();
        List<Report.Item> items = new ArrayList<>();
        for (Suppressions.Audited audited : result.findings()) {
            AuditFinding f = audited.finding();
            items.add(new Report.Item(f.rule().name(), f.rule().level(), f.item(), f.message(),
                    f.file() == null ? null : sourcePrefix + f.file(), f.line() > 0 ? f.line() : null,
                    result.crateName(), status(result, audited), result.failing(audited),
                    audited.suppressedBecause()));
        }
        return new Report("ferrule audit", toolVersion, "FFI audit of " + result.crateName(), rules, items,
                List.of(verdict(result)));
    }

    /**
     * Counts and verdict, then each unsuppressed finding with its place and, when it fails the
     * build, the fix; past {@link #CONSOLE_FINDINGS_PER_RULE} of one rule, a count instead, so a
     * crate with thousands of exports does not bury the summary.
     */
    public static List<String> console(Auditor.Result result, String sourcePrefix) {
        List<String> lines = new ArrayList<>();
        lines.add("Audit of " + result.crateName() + " " + result.crateVersion() + ": " + verdict(result));
        Map<AuditRule, Integer> shown = new EnumMap<>(AuditRule.class);
        Map<AuditRule, Integer> hidden = new EnumMap<>(AuditRule.class);
        for (Suppressions.Audited audited : result.findings()) {
            if (audited.suppressed()) {
                continue;
            }
            AuditFinding f = audited.finding();
            if (shown.merge(f.rule(), 1, Integer::sum) > CONSOLE_FINDINGS_PER_RULE) {
                hidden.merge(f.rule(), 1, Integer::sum);
                continue;
            }
            String where = f.where();
            lines.add("  " + f.rule().level() + " " + f.rule().name() + " " + f.item()
                    + (where == null ? "" : " (" + sourcePrefix + where + ")") + ": " + f.message());
            if (result.failing(audited)) {
                lines.add("      fix: " + f.fixText());
            }
        }
        hidden.forEach((rule, count) -> lines.add("  ... and " + count + " more " + rule.name() + " finding(s); all are"
                + " in " + JSON_FILE + " and " + SARIF_FILE));
        return lines;
    }

    static String verdict(Auditor.Result result) {
        Map<Report.Level, Long> counts = result.counts();
        return counts.get(Report.Level.ERROR) + " error(s), " + counts.get(Report.Level.WARNING) + " warning(s), "
                + counts.get(Report.Level.NOTE) + " note(s), " + result.suppressedCount() + " suppressed; "
                + (result.failed() ? "FAILS the build" : "passes") + " (failOn=" + result.failOn() + ")";
    }

    private static String status(Auditor.Result result, Suppressions.Audited audited) {
        return audited.suppressed() ? "suppressed" : result.failing(audited) ? "failing" : "reported";
    }

    private static String capitalized(String text) {
        return text.isEmpty() ? text : text.substring(0, 1).toUpperCase(Locale.ROOT) + text.substring(1);
    }
}
