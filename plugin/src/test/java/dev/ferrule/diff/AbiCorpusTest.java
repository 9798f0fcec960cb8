package dev.ferrule.diff;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferrule.abi.AbiExtractor;
import dev.ferrule.abi.AbiModel;
import dev.ferrule.cargo.BuildLog;
import dev.ferrule.cargo.BuildOutcome;
import dev.ferrule.cargo.CargoBuilder;
import dev.ferrule.cargo.DebianRegistry;
import dev.ferrule.cargo.Fixtures;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The before/after corpus in src/test/rust/abi-corpus: every case is a real crate change, built
 * and extracted with cargo, rustdoc and the layout probe, then diffed. Each case folder is named
 * after the rule it shows; its {@code expected} lists exactly the findings it must produce, and
 * {@code -RULE} lines name rules it must not trigger. {@link RuleCorpusTest} checks that every
 * rule has its cases.
 */
class AbiCorpusTest {

    static final Path CASES = Path.of("src/test/rust/abi-corpus/src/cases");

    @TempDir
    static Path work;

    private static AbiModel before;
    private static final Map<String, AbiModel> AFTER = new TreeMap<>();

    @BeforeAll
    static void extractEveryVersion() throws Exception {
        // The respelling cases name C types the way real crates do, through libc.
        DebianRegistry.require("libc");
        Path crate = Fixtures.copy("abi-corpus", work);
        before = extract(crate, List.of());
        for (CorpusCase corpusCase : CorpusCase.in(CASES)) {
            AFTER.put(corpusCase.name(), extract(crate, List.of(corpusCase.feature())));
        }
    }

    private static AbiModel extract(Path crate, List<String> features) throws Exception {
        Fixtures.Request request = new Fixtures.Request(crate, work);
        request.features = features;
        BuildOutcome build = new CargoBuilder(BuildLog.silent()).build(request.toRequest());
        return new AbiExtractor(BuildLog.silent()).extract(request.toRequest(), build).get(0).model();
    }

    static Stream<CorpusCase> cases() {
        return CorpusCase.in(CASES).stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void caseProducesExactlyItsExpectedFindings(CorpusCase corpusCase) {
        List<AbiChange> changes = AbiDiffer.diff(before, AFTER.get(corpusCase.name()));

        assertThat(CorpusCase.lines(changes)).as("findings of %s", corpusCase.name())
                .isEqualTo(corpusCase.expected());
        assertThat(changes).as("rules %s must not fire", corpusCase.forbidden())
                .noneMatch(c -> corpusCase.forbidden().contains(c.rule().name()));
    }

    @Test
    void corpusHasAtLeastFortyCases() {
        assertThat(cases().count()).isGreaterThanOrEqualTo(40);
    }

    @Test
    void severalRulesFireTogether() {
        assertThat(AbiDiffer.diff(before, AFTER.get("several-at-once")).stream().map(AbiChange::rule).distinct()
                .count()).isGreaterThanOrEqualTo(5);
    }

    @Test
    void typeChangesNameTheFunctionsTheyReach() {
        AbiChange middle = AbiDiffer.diff(before, AFTER.get("STRUCT_SIZE_CHANGED")).stream()
                .filter(c -> c.rule() == AbiRule.STRUCT_SIZE_CHANGED && c.item().equals("StructSizeChangedMiddle"))
                .findFirst().orElseThrow();

        assertThat(middle.affects()).containsExactly("struct_size_changed_tail");
        assertThat(middle.message()).isEqualTo("size 4 -> 8 bytes");
        assertThat(middle.location().file()).isEqualTo("src/cases/STRUCT_SIZE_CHANGED/after.rs");
    }
}
