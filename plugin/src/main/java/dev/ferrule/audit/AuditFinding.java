package dev.ferrule.audit;

import java.util.Comparator;

/**
 * What one rule found, before suppressions are applied.
 *
 * @param item  what it is about: an exported symbol, a feature, a dependency, a lint
 * @param file  relative to the crate directory, or null when the finding has no place in a file
 * @param line  1-based, or 0 when unknown
 * @param fix   what to do about this finding, where it is more specific than its rule's fix; or null
 */
public record AuditFinding(AuditRule rule, String item, String message, String file, int line, String fix) {

    public AuditFinding(AuditRule rule, String item, String message, String file, int line) {
        this(rule, item, message, file, line, null);
    }

    /** This finding's own fix, or its rule's. */
    public String fixText() {
        return fix != null ? fix : rule.fix();
    }

    /** Reports list findings by file, line, rule and item, so reruns print the same order. */
    public static final Comparator<AuditFinding> ORDER = Comparator
            .comparing((AuditFinding f) -> f.file() == null ? "" : f.file())
            .thenComparingInt(AuditFinding::line)
            .thenComparing(AuditFinding::rule)
            .thenComparing(AuditFinding::item)
            .thenComparing(AuditFinding::message);

    public String where() {
        return file == null ? null : line > 0 ? file + ":" + line : file;
    }
}
