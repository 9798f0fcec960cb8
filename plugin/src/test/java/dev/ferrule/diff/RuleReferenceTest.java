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
                .append("Every difference `ferrule:check-abi` reports matches exactly one rule, and each rule is\n")
                .append("rated on two axes, each with the release it needs:\n\n")
                .append("- **binary**: the C ABI, what compiled bindings and C callers of the library see;\n")
                .append("- **Java source**: the generated Java API, what Java code written against the bindings\n")
                .append("  sees once they are regenerated. Java code compiled against the old bindings needs\n")
                .append("  recompiling whenever this axis breaks.\n\n")
                .append("A renamed record field is compatible in binary and breaks Java source; a renumbered\n")
                .append("error variant breaks both. The ratings are fixed; what fails a build is configured per\n")
                .append("run (`failOn` for binary, `failOnSource` for Java source, `accepted.json`,\n")
                .append("`-Dferrule.abi.acceptBreaking`). The release a change needs is the bigger of its two.\n\n")
                .append("Releases are named as Cargo reads versions: a breaking release changes the left-most\n")
                .append("non-zero number (2.0.0 after 1.4.2, but 0.4.0 after 0.3.1), a feature release the number\n")
                .append("after it (1.5.0, or 0.3.2), a patch release the one after that.\n\n")
                .append("Each rule has its corpus cases, named after it: `plugin/src/test/rust/abi-corpus/src/cases/<RULE>/`\n")
                .append("for the C ABI, `plugin/src/test/rust/binding-corpus/src/cases/<RULE>/` for the Java API and\n")
                .append("the crate's errors. `scripts/new-rule abi <RULE>` scaffolds a new rule.\n\n")
                .append("| rule | binary | Java source | what changed |\n| --- | --- | --- | --- |\n");
        for (AbiRule rule : AbiRule.values()) {
            out.append("| [`").append(rule.name()).append("`](#").append(rule.name().toLowerCase(Locale.ROOT))
                    .append(") | ").append(rating(rule.binary())).append(" | ").append(rating(rule.source()))
                    .append(" | ").append(html(rule.title())).append(" |\n");
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
                        .append("- Binary: ").append(rule.binary().severity()).append("; needs ")
                        .append(SemverGate.releaseKind(rule.binary().semver())).append(".\n")
                        .append("- Java source: ").append(rule.source().severity()).append("; needs ")
                        .append(SemverGate.releaseKind(rule.source().semver())).append(".\n")
                        .append("- Reported as: ").append(html(rule.messageTemplate())).append("\n")
                        .append("- Why: ").append(html(rule.javaImpact())).append("\n")
                        .append("- Fix: ").append(html(rule.fix())).append(".\n");
            }
        }
        return out.toString();
    }

    /** {@code BREAKING (major)}: a rule's rating on one axis, for the summary table. */
    private static String rating(Compat compat) {
        return compat.severity() + " (" + compat.semver().name().toLowerCase(Locale.ROOT) + ")";
    }

    @Test
    void siteRuleReferenceMatchesTheRulebook() throws Exception {
        GeneratedPages.assertUpToDate(PAGE, render());
    }
}
