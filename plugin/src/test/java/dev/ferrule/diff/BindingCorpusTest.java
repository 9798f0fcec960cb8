package dev.ferrule.diff;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import dev.ferrule.abi.AbiExtractor;
import dev.ferrule.abi.AbiModel;
import dev.ferrule.bind.BindingSnapshot;
import dev.ferrule.bind.BindingSnapshots;
import dev.ferrule.cargo.BuildLog;
import dev.ferrule.cargo.BuildOutcome;
import dev.ferrule.cargo.CargoBuilder;
import dev.ferrule.cargo.FerruleMetadata;
import dev.ferrule.cargo.Fixtures;
import dev.ferrule.util.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The corpus of a ferrule-ffi crate's Java API and errors, in src/test/rust/binding-corpus: each
 * case is a real change, to the Rust code or to the case's part of
 * {@code [package.metadata.ferrule]} ({@code before.metadata.toml}, {@code after.metadata.toml}),
 * built, extracted, bound as the snapshot goal binds it, and compared on both axes.
 */
class BindingCorpusTest {

    static final Path CASES = Path.of("src/test/rust/binding-corpus/src/cases");

    @TempDir
    static Path work;

    private static AbiModel before;
    private static BindingSnapshot beforeBinding;
    private static final Map<String, AbiModel> AFTER = new TreeMap<>();
    private static final Map<String, BindingSnapshot> AFTER_BINDING = new TreeMap<>();

    @BeforeAll
    static void extractEveryVersion() throws Exception {
        Path crate = Fixtures.copyOnFerruleFfi("binding-corpus", work);
        List<CorpusCase> cases = CorpusCase.in(CASES);
        before = extract(crate, List.of());
        beforeBinding = BindingSnapshots.of(before, metadata(cases, null));
        for (CorpusCase corpusCase : cases) {
            AbiModel after = extract(crate, List.of(corpusCase.feature()));
            AFTER.put(corpusCase.name(), after);
            AFTER_BINDING.put(corpusCase.name(), BindingSnapshots.of(after, metadata(cases, corpusCase)));
        }
    }

    private static AbiModel extract(Path crate, List<String> features) throws Exception {
        Fixtures.Request request = new Fixtures.Request(crate, work);
        request.features = features;
        BuildOutcome build = new CargoBuilder(BuildLog.silent()).build(request.toRequest());
        return new AbiExtractor(BuildLog.silent()).extract(request.toRequest(), build).get(0).model();
    }

    /**
     * Every case's {@code before.metadata.toml}, with {@code changed}'s {@code after.metadata.toml}
     * in place of its own: the crate's {@code [package.metadata.ferrule]} with one case changed.
     */
    private static FerruleMetadata metadata(List<CorpusCase> cases, CorpusCase changed) throws Exception {
        ObjectNode functions = Json.mapper().createObjectNode();
        for (CorpusCase corpusCase : cases) {
            Path file = corpusCase.dir().resolve(corpusCase == changed ? "after.metadata.toml" : "before.metadata.toml");
            if (Files.isRegularFile(file)) {
                JsonNode table = new TomlMapper().readTree(file.toFile()).path("functions");
                table.properties().forEach(entry -> functions.set(entry.getKey(), entry.getValue()));
            }
        }
        ObjectNode ferrule = Json.mapper().createObjectNode();
        ferrule.set("functions", functions);
        return FerruleMetadata.parse(ferrule, "binding-corpus/Cargo.toml");
    }

    static Stream<CorpusCase> cases() {
        return CorpusCase.in(CASES).stream();
    }

    private static List<AbiChange> diff(String name) {
        List<AbiChange> changes = new ArrayList<>(AbiDiffer.diff(before, AFTER.get(name)));
        changes.addAll(BindingDiffer.diff(before, beforeBinding, AFTER.get(name), AFTER_BINDING.get(name)));
        return changes;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void caseProducesExactlyItsExpectedFindings(CorpusCase corpusCase) {
        List<AbiChange> changes = diff(corpusCase.name());

        assertThat(CorpusCase.lines(changes)).as("findings of %s", corpusCase.name())
                .isEqualTo(corpusCase.expected());
        assertThat(changes).as("rules %s must not fire", corpusCase.forbidden())
                .noneMatch(c -> corpusCase.forbidden().contains(c.rule().name()));
    }

    @Test
    void aRenameThatChangesTheJavaTypeSaysWhatDecidedEachMapping() {
        AbiChange change = diff("JAVA_PARAMETERS_CHANGED").stream()
                .filter(c -> c.rule() == AbiRule.JAVA_PARAMETERS_CHANGED).findFirst().orElseThrow();

        assertThat(change.message()).isEqualTo("paramsShout: (String text) -> (byte[] text); text: string by"
                + " convention -> bytes by convention");
        assertThat(change.binary().severity()).isEqualTo(Severity.COMPATIBLE);
        assertThat(change.source().severity()).isEqualTo(Severity.BREAKING);
        assertThat(change.location().file()).isEqualTo("src/cases/JAVA_PARAMETERS_CHANGED/after.rs");
    }

    @Test
    void aRenumberedErrorVariantBreaksBothAxes() {
        AbiChange change = diff("ERROR_VARIANT_RENUMBERED").get(0);

        assertThat(change.message()).isEqualTo("RenumberError::Empty: status 2 -> 3");
        assertThat(change.binary().severity()).isEqualTo(Severity.BREAKING);
        assertThat(change.source().severity()).isEqualTo(Severity.BREAKING);
    }

    private static CheckResult check(String name, FailPolicy policy) {
        AbiCheck.Compared compared = new AbiCheck.Compared("binding-corpus", "src/main/abi/binding-corpus.abi.json",
                before, Optional.of(beforeBinding), AFTER.get(name),
                Optional.of(AFTER_BINDING.get(name)));
        return AbiCheck.run(compared, List.of(), null, policy);
    }

    @Test
    void theBuildFailsOnARenumberedErrorVariantWhateverTheSourcePolicy() {
        FailPolicy binaryOnly = new FailPolicy(FailOn.BREAKING, FailOn.NONE);

        assertThat(check("ERROR_VARIANT_RENUMBERED", FailPolicy.BREAKING).failed()).isTrue();
        assertThat(check("ERROR_VARIANT_RENUMBERED", binaryOnly).failed()).isTrue();
    }

    @Test
    void aRenameThatChangesTheJavaTypeFailsOnlyWhileTheSourceAxisCounts() {
        CheckResult strict = check("JAVA_PARAMETERS_CHANGED", FailPolicy.BREAKING);
        CheckResult binaryOnly = check("JAVA_PARAMETERS_CHANGED", new FailPolicy(FailOn.BREAKING, FailOn.NONE));

        assertThat(strict.failed()).isTrue();
        assertThat(strict.sourceCounts()).containsEntry(Severity.BREAKING, 1L);
        assertThat(binaryOnly.failed()).isFalse();
        assertThat(binaryOnly.findings()).extracting(CheckResult.Finding::status).contains(CheckResult.Status.REPORTED)
                .doesNotContain(CheckResult.Status.FAILING);
    }
}
