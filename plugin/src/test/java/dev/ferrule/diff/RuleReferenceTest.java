package dev.ferrule.diff;

import static dev.ferrule.report.GeneratedPages.html;

import dev.ferrule.report.GeneratedPages;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The site's rule reference is generated from {@link AbiRule}, so the rulebook and its
 * documentation cannot drift apart. Regenerate with {@code -Dferrule.updateGolden=true}.
 */
class RuleReferenceTest {

    private static final Path PAGE = Path.of("../src/site/markdown/check-abi-rules.md");

    static String render() {
        StringBuilder out = new StringBuilder()
                .append("# check-abi rule reference\n\n")
                .append("<!-- Generated from dev.ferrule.diff.AbiRule by RuleReferenceTest; do not edit. -->\n\n")
                .append("Every difference `ferrule:check-abi` reports matches exactly one rule. A rule's severity\n")
                .append("and the release it needs are fixed; what fails a build is configured per run (`failOn`,\n")
                .append("`accepted.json`, `-Dferrule.abi.acceptBreaking`). Severities are rated for Java callers\n")
                .append("of the generated bindings, not only for C: a new enum variant is harmless in C but\n")
                .append("breaks an exhaustive Java `switch`, so it is potentially breaking.\n\n")
                .append("Releases are named as Cargo reads versions: a breaking release changes the left-most\n")
                .append("non-zero number (2.0.0 after 1.4.2, but 0.4.0 after 0.3.1), a feature release the number\n")
                .append("after it (1.5.0, or 0.3.2), a patch release the one after that.\n\n")
                .append("| rule | severity | needs | what changed |\n| --- | --- | --- | --- |\n");
        for (AbiRule rule : AbiRule.values()) {
            out.append("| [`").append(rule.name()).append("`](#").append(rule.name().toLowerCase(Locale.ROOT))
                    .append(") | ").append(rule.severity()).append(" | ")
                    .append(SemverGate.releaseKind(rule.semver())).append(" | ")
                    .append(html(rule.title())).append(" |\n");
        }
        for (AbiRule.Category category : AbiRule.Category.values()) {
            out.append("\n## ").append(category.name().charAt(0))
                    .append(category.name().substring(1).toLowerCase(Locale.ROOT)).append(" rules\n");
            for (AbiRule rule : AbiRule.values()) {
                if (rule.category() != category) {
                    continue;
                }
                out.append("\n### ").append(rule.name().toLowerCase(Locale.ROOT)).append("\n\n")
                        .append("`").append(rule.name()).append("`: ").append(html(rule.title())).append(".\n\n")
                        .append("- Severity: ").append(rule.severity()).append("; needs ")
                        .append(SemverGate.releaseKind(rule.semver())).append(".\n")
                        .append("- Why, for Java callers: ").append(html(rule.javaImpact())).append("\n")
                        .append("- Fix: ").append(html(rule.fix())).append(".\n");
            }
        }
        return out.toString();
    }


    @Test
    void siteRuleReferenceMatchesTheRulebook() throws Exception {
        GeneratedPages.assertUpToDate(PAGE, render());
    }
}
