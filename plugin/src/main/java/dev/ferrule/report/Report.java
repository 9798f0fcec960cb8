package dev.ferrule.report;

import java.util.List;

/**
 * A tool-neutral report: the rules a tool knows and what it found. check-abi and audit both fill
 * one, and the SARIF, JUnit and Markdown writers read nothing else.
 *
 * @param notes  lines shown above the findings (verdicts, stale configuration, ...)
 */
public record Report(String toolName, String toolVersion, String title, List<Rule> rules, List<Item> items,
        List<String> notes) {

    /** How loudly a finding should be shown. */
    public enum Level {
        ERROR, WARNING, NOTE
    }

    /** Where the user guide lives; rule help links point into it. */
    public static final String DOCS_URL = "https://ferrule.dev/";

    /** A rule, as code-scanning tools show it. */
    public record Rule(String id, String title, String description, String fix, String helpUri, Level level) {
    }

    /**
     * One finding.
     *
     * @param item        what it is about, for example a symbol or a field
     * @param file        the source file, relative to the repository or project, or null
     * @param line        1-based line, or null
     * @param group       a grouping for JUnit suites and Markdown sections, for example the snapshot
     * @param status      a short word for people: failing, accepted, ...
     * @param failing     whether this finding fails the build
     * @param suppression why it is accepted, when it is
     */
    public record Item(String ruleId, Level level, String item, String message, String file, Integer line,
            String group, String status, boolean failing, String suppression) {
    }
}
