package dev.ferrule.diff;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.ferrule.diff.CheckResult.Finding;
import dev.ferrule.diff.CheckResult.Status;
import dev.ferrule.report.JUnitXmlWriter;
import dev.ferrule.report.MarkdownWriter;
import dev.ferrule.report.Report;
import dev.ferrule.report.SarifWriter;
import dev.ferrule.util.AtomicFiles;
import dev.ferrule.util.Json;
import dev.ferrule.util.MayBeAbsent;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Every check-abi report, from one list of results: {@code abi-diff.json}, SARIF,
 * {@code abi-diff.md}, JUnit XML and the console summary.
 */
public final class CheckReports {

    public static final String JSON_FILE = "abi-diff.json";
    public static final String SARIF_FILE = "abi-diff.sarif";
    public static final String MARKDOWN_FILE = "abi-diff.md";
    public static final String JUNIT_FILE = "TEST-ferrule-check-abi.xml";
    /** 2: each finding rated on two axes, binary and Java source; counts per axis; notes. */
    public static final int JSON_SCHEMA_VERSION = 2;

    /** A snapshot that does not exist yet: the first release of this target and feature set. */
    @JsonPropertyOrder({"snapshot", "expectedFile", "command"})
    public record MissingBaseline(String snapshot, String expectedFile, String command) {
    }

    /** The whole run, as written to abi-diff.json. */
    @JsonPropertyOrder({"schemaVersion", "tool", "failed", "failOn", "results", "missingBaselines"})
    public record Run(int schemaVersion, String tool, boolean failed, FailPolicy failOn, List<ResultJson> results,
            List<MissingBaseline> missingBaselines) {
    }

    /**
     * @param binaryCounts  changes by severity on the C ABI
     * @param sourceCounts  changes by severity on the Java API
     */
    @JsonPropertyOrder({"snapshot", "snapshotFile", "baselineVersion", "currentVersion", "semver", "binaryCounts",
            "sourceCounts", "acceptAllReason", "notes", "findings", "unusedAcceptances", "expiredAcceptances"})
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ResultJson(String snapshot, String snapshotFile, String baselineVersion, String currentVersion,
            SemverGate.Verdict semver, Map<Severity, Long> binaryCounts, Map<Severity, Long> sourceCounts,
            @MayBeAbsent String acceptAllReason, List<String> notes, List<FindingJson> findings,
            List<Acceptance> unusedAcceptances, List<Acceptance> expiredAcceptances) {
    }

    /**
     * @param locationFrom  {@code snapshot} when the item is gone and {@code file:line} is where the
     *                      snapshot recorded it; absent when it is where the item is declared now
     */
    /**
     * @param binary  how the change affects the C ABI, and the release it needs there
     * @param source  how it affects the generated Java API
     */
    @JsonPropertyOrder({"rule", "binary", "source", "item", "message", "file", "line", "locationFrom", "affects",
            "status", "acceptedBecause", "fix"})
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record FindingJson(String rule, Compat binary, Compat source, String item, String message,
            @MayBeAbsent String file, @MayBeAbsent Integer line, @MayBeAbsent String locationFrom,
            @MayBeAbsent List<String> affects, Status status, @MayBeAbsent String acceptedBecause, String fix) {

        /** The worse of the two axes. */
        public Severity severity() {
            return binary.severity().compareTo(source.severity()) <= 0 ? binary.severity() : source.severity();
        }
    }

    private CheckReports() {
    }

    /**
     * Writes all reports into {@code outDir}.
     *
     * @param sourcePrefix  prepended to model source paths so they are relative to the project
     */
    public static void writeAll(List<CheckResult> results, List<MissingBaseline> missing, FailPolicy failOn,
            String toolVersion, String sourcePrefix, Path outDir) throws IOException {
        Report report = report(results, missing, toolVersion, sourcePrefix);
        AtomicFiles.write(outDir.resolve(JSON_FILE), Json.prettyBytes(json(results, missing, failOn, sourcePrefix)),
                outDir);
        AtomicFiles.write(outDir.resolve(SARIF_FILE), SarifWriter.write(report), outDir);
        AtomicFiles.write(outDir.resolve(MARKDOWN_FILE), MarkdownWriter.write(report), outDir);
        List<String> groups = new ArrayList<>(results.stream().map(CheckResult::snapshotName).toList());
        AtomicFiles.write(outDir.resolve(JUNIT_FILE), JUnitXmlWriter.write(report, groups), outDir);
    }

    /** Reads back the abi-diff.json of an earlier run, which the site report renders. */
    public static Run read(Path file) throws IOException {
        return Json.readResults(file, Run.class, Run::schemaVersion, JSON_SCHEMA_VERSION, "ferrule:check-abi");
    }

    static Run json(List<CheckResult> results, List<MissingBaseline> missing, FailPolicy failOn,
            String sourcePrefix) {
        List<ResultJson> out = new ArrayList<>();
        for (CheckResult result : results) {
            List<FindingJson> findings = result.findings().stream().map(f -> new FindingJson(f.change().rule().name(),
                    f.change().binary(), f.change().source(), f.change().item(), f.change().message(),
                    file(f, sourcePrefix), f.change().location() == null ? null : f.change().location().line(),
                    f.change().gone() && f.change().location() != null ? "snapshot" : null,
                    f.change().affects().isEmpty() ? null : f.change().affects(), f.status(),
                    f.acceptance() == null ? null : f.acceptance().reason(), f.change().rule().fix())).toList();
            out.add(new ResultJson(result.snapshotName(), result.snapshotFile(), result.baselineVersion(),
                    result.currentVersion(), result.semver(), result.binaryCounts(), result.sourceCounts(),
                    result.acceptAllReason(), result.notes(), findings, result.unusedAcceptances(),
                    result.expiredAcceptances()));
        }
        boolean failed = results.stream().anyMatch(CheckResult::failed);
        return new Run(JSON_SCHEMA_VERSION, "ferrule check-abi", failed, failOn, out, missing);
    }

    static Report report(List<CheckResult> results, List<MissingBaseline> missing, String toolVersion,
            String sourcePrefix) {
        List<Report.Rule> rules = Arrays.stream(AbiRule.values()).map(rule -> new Report.Rule(rule.name(),
                rule.title(), rule.title() + ". " + rule.javaImpact() + " Binary: " + rule.binary() + "; Java"
                        + " source: " + rule.source() + ".",
                rule.fix(), Report.DOCS_URL + rule.helpAnchor(), level(rule.severity()))).toList();
        List<Report.Item> items = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (CheckResult result : results) {
            notes.add("**" + result.snapshotName() + "**: " + verdict(result));
            notes.addAll(result.notes());
            for (Finding finding : result.findings()) {
                AbiChange change = finding.change();
                // A gone item's recorded line may not exist in today's file; point at the snapshot.
                boolean gone = change.gone() && change.location() != null;
                items.add(new Report.Item(change.rule().name(), level(change.severity()), change.item(),
                        "(" + axes(change) + ") " + change.message() + (gone ? " (declared at "
                                + file(finding, sourcePrefix) + ":" + change.location().line()
                                + " in the snapshot's version)" : "")
                                + (change.affects().isEmpty() ? ""
                                : " (affects " + String.join(", ", change.affects()) + ")"),
                        gone ? result.snapshotFile() : file(finding, sourcePrefix),
                        gone || change.location() == null ? null : change.location().line(),
                        result.snapshotName(), status(finding.status()), finding.status() == Status.FAILING,
                        finding.acceptance() == null ? null : finding.acceptance().reason()));
            }
            result.unusedAcceptances().forEach(a -> notes.add("Unused acceptance, remove it from accepted.json: "
                    + a.describe()));
            result.expiredAcceptances().forEach(a -> notes.add("Expired acceptance (not applied), remove it: "
                    + a.describe()));
        }
        missing.forEach(m -> notes.add("No snapshot " + m.expectedFile() + " yet (first release). Create it with `"
                + m.command() + "` and commit it."));
        return new Report("ferrule check-abi", toolVersion, "ABI check", rules, items, notes);
    }

    /** The console summary: counts, the version verdict, then each failing or breaking change. */
    public static List<String> console(CheckResult result, String sourcePrefix) {
        List<String> lines = new ArrayList<>();
        lines.add("ABI " + result.snapshotName() + " against " + result.snapshotFile() + ": binary "
                + counts(result.binaryCounts()) + "; Java source " + counts(result.sourceCounts()));
        lines.add("  " + verdict(result));
        result.notes().forEach(note -> lines.add("  " + note));
        if (result.acceptAllReason() != null) {
            lines.add("  ALL DIFFERENCES ACCEPTED FOR THIS RUN (-Dferrule.abi.acceptBreaking): "
                    + result.acceptAllReason());
        }
        for (Finding finding : result.findings()) {
            AbiChange change = finding.change();
            if (change.severity() == Severity.COMPATIBLE && finding.status() != Status.FAILING) {
                continue;
            }
            String where = file(finding, sourcePrefix);
            lines.add("  " + axes(change) + ": " + change.rule() + " " + change.item()
                    + (where == null ? "" : " (" + (change.gone() ? "was at " : "") + where + ":"
                            + change.location().line() + (change.gone() ? " in the snapshot's version" : "") + ")")
                    + ": "
                    + change.message() + " [" + status(finding.status()) + "]");
            if (!change.affects().isEmpty()) {
                lines.add("      affects: " + String.join(", ", change.affects()));
            }
            if (finding.status() == Status.FAILING) {
                lines.add("      fix: " + change.rule().fix());
            }
        }
        result.unusedAcceptances().forEach(a -> lines.add("  unused acceptance (remove it): " + a.describe()));
        result.expiredAcceptances().forEach(a -> lines.add("  expired acceptance (not applied; remove it): "
                + a.describe()));
        return lines;
    }

    private static String verdict(CheckResult result) {
        return result.semver().describe() + (result.failed() ? "; FAILS the build (" + result.failOn() + ")"
                : "; passes (" + result.failOn() + ")");
    }

    private static String counts(Map<Severity, Long> counts) {
        return counts.get(Severity.BREAKING) + " breaking, " + counts.get(Severity.POTENTIALLY_BREAKING)
                + " potentially breaking, " + counts.get(Severity.COMPATIBLE) + " compatible";
    }

    /** {@code binary BREAKING, Java source COMPATIBLE}: a change rated on both axes. */
    static String axes(AbiChange change) {
        return "binary " + change.binary().severity() + ", Java source " + change.source().severity();
    }

    private static String file(Finding finding, String sourcePrefix) {
        return finding.change().location() == null ? null : sourcePrefix + finding.change().location().file();
    }

    private static String status(Status status) {
        return status.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }

    private static Report.Level level(Severity severity) {
        return switch (severity) {
            case BREAKING -> Report.Level.ERROR;
            case POTENTIALLY_BREAKING -> Report.Level.WARNING;
            case COMPATIBLE -> Report.Level.NOTE;
        };
    }
}
