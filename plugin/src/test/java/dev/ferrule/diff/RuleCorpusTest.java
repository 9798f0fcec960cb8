package dev.ferrule.diff;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Each check-abi rule has its cases, named after it, the cargo-semver-checks way: a folder
 * {@code <RULE>/} with the change that must report it, in the corpus of the C ABI or in that of
 * the Java API, and a case somewhere that resembles it and must not report it.
 */
class RuleCorpusTest {

    /** Rules no real crate change can trigger, covered by model-level tests in AbiDifferTest. */
    static final Set<AbiRule> MODEL_ONLY = EnumSet.of(
            AbiRule.FN_VARIADIC_CHANGED, // stable Rust cannot define variadic functions
            AbiRule.HIDDEN_EXPORT_ADDED, // rustc exports only what the crate declares
            AbiRule.HIDDEN_EXPORT_REMOVED);

    private static List<CorpusCase> allCases() {
        return Stream.concat(CorpusCase.in(AbiCorpusTest.CASES).stream(),
                CorpusCase.in(BindingCorpusTest.CASES).stream()).toList();
    }

    @Test
    void everyRuleHasACaseNamedAfterItThatReportsIt() {
        List<String> missing = new ArrayList<>();
        for (AbiRule rule : AbiRule.values()) {
            boolean named = allCases().stream().anyMatch(c -> c.name().equals(rule.name())
                    && c.positiveRules().contains(rule.name()));
            if (!named && !MODEL_ONLY.contains(rule)) {
                missing.add(rule + " has no case " + rule + "/ that reports it");
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void everyRuleHasACaseThatMustNotReportIt() {
        Set<String> negatives = allCases().stream().flatMap(c -> c.forbidden().stream())
                .collect(Collectors.toCollection(TreeSet::new));

        assertThat(Arrays.stream(AbiRule.values()).map(AbiRule::name).filter(r -> !negatives.contains(r)))
                .as("rules without a case that must not report them").isEmpty();
    }

    @Test
    void everyCaseNamedAfterARuleNamesARealOne() {
        Set<String> rules = Arrays.stream(AbiRule.values()).map(AbiRule::name).collect(Collectors.toSet());

        assertThat(allCases().stream().filter(CorpusCase::namedAfterARule).map(CorpusCase::name))
                .allMatch(rules::contains);
        assertThat(allCases().stream().flatMap(c -> Stream.concat(c.positiveRules().stream(),
                c.forbidden().stream()))).as("rules the expected files name").allMatch(rules::contains);
    }
}
