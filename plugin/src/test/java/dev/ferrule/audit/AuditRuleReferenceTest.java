package dev.ferrule.audit;

import static dev.ferrule.report.GeneratedPages.html;

import dev.ferrule.report.GeneratedPages;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The site's audit rule page is generated from {@link AuditRule}, so the rulebook and its
 * documentation cannot drift apart. Regenerate with {@code -Dferrule.updateGolden=true}.
 */
class AuditRuleReferenceTest {

    private static final Path PAGE = Path.of("../src/site/markdown/audit-rules.md");

    static String render() {
        StringBuilder out = new StringBuilder()
                .append("# audit rule reference\n\n")
                .append("<!-- Generated from dev.ferrule.audit.AuditRule by AuditRuleReferenceTest; do not edit. -->\n\n")
                .append("`mvn ferrule:audit` reviews a crate's Rust boundary with the rules below. A rule's level is\n")
                .append("fixed; what fails the build is configured per run (`failOn`, default `ERROR`) and per\n")
                .append("finding (suppressions, each with a reason). Rules marked *heuristic* read the source as\n")
                .append("tokens, without expanding macros or resolving names; their known false positives and\n")
                .append("misses are listed with them.\n\n")
                .append("Suppress a finding inline, on its line or the line above (a `#` comment in Cargo.toml):\n\n")
                .append("```rust\n// ferrule-audit: allow(RAW_POINTER_UNCHECKED) null is checked by the caller's contract\n```\n\n")
                .append("or in `src/main/audit/suppressions.json` (`item` and `file` are globs; both optional):\n\n")
                .append("```json\n{\"suppressions\": [{\"rule\": \"GIT_DEPENDENCY\", \"item\": \"forked-*\",")
                .append(" \"reason\": \"upstream fix not released\"}]}\n```\n\n")
                .append("A suppression without a reason is not applied and is itself a finding.\n\n")
                .append("Each rule has a pair of cases named after it, in\n")
                .append("`plugin/src/test/rust/audit/cases/<RULE>/`: `triggers.rs` must give its finding and nothing\n")
                .append("else, `passes.rs`, a near miss, must give none. `scripts/new-rule audit <RULE>` scaffolds a\n")
                .append("new rule.\n\n")
                .append("| rule | level | reads | heuristic | what it finds |\n| --- | --- | --- | --- | --- |\n");
        for (AuditRule rule : AuditRule.values()) {
            out.append("| [`").append(rule.name()).append("`](#").append(rule.name().toLowerCase(Locale.ROOT))
                    .append(") | ").append(rule.level()).append(" | ").append(rule.basis().description())
                    .append(" | ").append(rule.heuristic() ? "yes" : "no").append(" | ").append(html(rule.title()))
                    .append(" |\n");
        }
        for (AuditRule.Category category : AuditRule.Category.values()) {
            out.append("\n## ").append(category.title()).append("\n");
            for (AuditRule rule : AuditRule.values()) {
                if (rule.category() != category) {
                    continue;
                }
                out.append("\n### ").append(rule.name().toLowerCase(Locale.ROOT)).append("\n\n")
                        .append("`").append(rule.name()).append("`: ").append(html(rule.title())).append(".\n\n")
                        .append("- Level: ").append(rule.level()).append("; reads ").append(rule.basis().description())
                        .append(".\n")
                        .append("- Reported as: ").append(html(rule.messageTemplate())).append("\n")
                        .append("- Why: ").append(html(rule.rationale())).append("\n")
                        .append("- Fix: ").append(html(rule.fix())).append(".\n");
                if (rule.heuristic()) {
                    out.append("- Heuristic. Known limits: ").append(html(rule.knownLimits())).append("\n");
                }
            }
        }
        if (AuditRule.CLIPPY_FFI_LINT.basis() == AuditRule.Basis.CLIPPY) {
            out.append("\nThe default lint set of `CLIPPY_FFI_LINT` (replace it with `<clippyLints>`): ")
                    .append(String.join(", ", ClippyLints.DEFAULT_LINTS.stream().map(l -> "`" + l + "`").toList()))
                    .append(".\n");
        }
        return out.toString();
    }


    @Test
    void siteRuleReferenceMatchesTheRulebook() throws Exception {
        GeneratedPages.assertUpToDate(PAGE, render());
    }
}
