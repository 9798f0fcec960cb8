package dev.ferrule.diff;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferrule.abi.AbiExtractor;
import dev.ferrule.abi.AbiModel;
import dev.ferrule.cargo.BuildOutcome;
import dev.ferrule.cargo.BuildLog;
import dev.ferrule.cargo.CargoBuilder;
import dev.ferrule.cargo.DebianRegistry;
import dev.ferrule.cargo.Fixtures;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The before/after corpus in src/test/rust/abi-corpus: every case is a real crate change, built
 * and extracted with cargo, rustdoc and the layout probe, then diffed. Each case's
 * {@code cNN.expected} lists exactly the findings it must produce, and {@code -RULE} lines name
 * rules it must not trigger.
 */
class AbiCorpusTest {

    private static final Path CASES = Path.of("src/test/rust/abi-corpus/src/cases");

    /** Rules no real crate change here can trigger, covered by model-level tests in AbiDifferTest. */
    static final Set<AbiRule> MODEL_ONLY = EnumSet.of(
            AbiRule.FN_VARIADIC_CHANGED, // stable Rust cannot define variadic functions
            AbiRule.HIDDEN_EXPORT_ADDED, // rustc exports only what the crate declares
            AbiRule.HIDDEN_EXPORT_REMOVED);

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
        for (String id : caseIds().toList()) {
            AFTER.put(id, extract(crate, List.of("after_" + id.substring(1))));
        }
    }

    private static AbiModel extract(Path crate, List<String> features) throws Exception {
        Fixtures.Request request = new Fixtures.Request(crate, work);
        request.features = features;
        BuildOutcome build = new CargoBuilder(BuildLog.silent()).build(request.toRequest());
        return new AbiExtractor(BuildLog.silent()).extract(request.toRequest(), build).get(0).model();
    }

    static Stream<String> caseIds() throws IOException {
        try (Stream<Path> files = Files.list(CASES)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".expected"))
                    .map(n -> n.substring(0, n.indexOf('.'))).sorted().toList().stream();
        }
    }

    private static List<String> expectation(String id) {
        try {
            return Files.readAllLines(CASES.resolve(id + ".expected")).stream()
                    .filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("caseIds")
    void caseProducesExactlyItsExpectedFindings(String id) {
        List<AbiChange> changes = AbiDiffer.diff(before, AFTER.get(id));
        Set<String> actual = changes.stream().map(c -> c.rule().name() + " " + c.item())
                .collect(Collectors.toCollection(TreeSet::new));
        List<String> lines = expectation(id);
        Set<String> expected = lines.stream().filter(l -> !l.startsWith("-")).collect(Collectors.toCollection(TreeSet::new));
        Set<String> forbidden = lines.stream().filter(l -> l.startsWith("-")).map(l -> l.substring(1))
                .collect(Collectors.toSet());

        assertThat(actual).as("findings of %s", id).isEqualTo(expected);
        assertThat(changes).as("rules %s must not fire", forbidden)
                .noneMatch(c -> forbidden.contains(c.rule().name()));
    }

    @Test
    void corpusHasAtLeastFortyCases() throws IOException {
        assertThat(caseIds().count()).isGreaterThanOrEqualTo(40);
    }

    @Test
    void everyRuleHasAPositiveAndANegativeCase() throws IOException {
        Set<String> positives = new TreeSet<>();
        Set<String> negatives = new TreeSet<>();
        for (String id : caseIds().toList()) {
            for (String line : expectation(id)) {
                if (line.startsWith("-")) {
                    negatives.add(line.substring(1));
                } else {
                    positives.add(line.substring(0, line.indexOf(' ')));
                }
            }
        }
        List<String> missing = new ArrayList<>();
        for (AbiRule rule : AbiRule.values()) {
            if (!MODEL_ONLY.contains(rule) && !positives.contains(rule.name())) {
                missing.add(rule + " has no positive case");
            }
            if (!negatives.contains(rule.name())) {
                missing.add(rule + " has no negative case");
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void severalRulesFireTogether() {
        assertThat(AbiDiffer.diff(before, AFTER.get("c50")).stream().map(AbiChange::rule).distinct().count())
                .isGreaterThanOrEqualTo(5);
    }

    @Test
    void typeChangesNameTheFunctionsTheyReach() {
        AbiChange middle = AbiDiffer.diff(before, AFTER.get("c34")).stream()
                .filter(c -> c.rule() == AbiRule.STRUCT_SIZE_CHANGED && c.item().equals("C34Middle"))
                .findFirst().orElseThrow();

        assertThat(middle.affects()).containsExactly("c34_tail");
        assertThat(middle.message()).isEqualTo("size 4 -> 8 bytes");
        assertThat(middle.location().file()).isEqualTo("src/cases/c34_after.rs");
    }
}
