package dev.ferrule.diff;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferrule.abi.AbiModel;
import dev.ferrule.abi.AbiModel.AbiFunction;
import dev.ferrule.abi.AbiModel.ExportedSymbol;
import dev.ferrule.abi.AbiModel.TypeRef;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Rules that no real crate change can trigger in this corpus (see {@link AbiCorpusTest#MODEL_ONLY}),
 * checked on hand-built models, each with a case that must fire and one that must not.
 */
class AbiDifferTest {

    private static AbiFunction function(String symbol, boolean variadic) {
        return new AbiFunction(symbol, symbol, "demo::" + symbol, "C",
                List.of(new AbiModel.Param("format", new TypeRef("const char*", "*const c_char", AbiModel.Ownership.RAW,
                        null))), new TypeRef("int32_t", "i32", null, null), variadic, false, true, null, null, null,
                null);
    }

    private static AbiModel model(List<AbiFunction> functions, List<ExportedSymbol> hidden) {
        return new AbiModel(AbiModel.SCHEMA_VERSION, new AbiModel.CrateInfo("demo", "1.0.0", "demo"),
                new AbiModel.BuildTarget("x86_64-unknown-linux-gnu", List.of("default"), "release"), functions,
                List.of(), List.of(), List.of(), hidden, List.of());
    }

    @Test
    void becomingVariadicIsBreaking() {
        List<AbiChange> changes = AbiDiffer.diff(model(List.of(function("log", false)), List.of()),
                model(List.of(function("log", true)), List.of()));

        assertThat(changes).extracting(AbiChange::rule).containsExactly(AbiRule.FN_VARIADIC_CHANGED);
        assertThat(changes.get(0).severity()).isEqualTo(Severity.BREAKING);
    }

    @Test
    void unchangedVariadicFunctionIsNotReported() {
        assertThat(AbiDiffer.diff(model(List.of(function("log", true)), List.of()),
                model(List.of(function("log", true)), List.of()))).isEmpty();
    }

    @Test
    void hiddenExportsAddedAndRemovedAreReported() {
        List<AbiChange> changes = AbiDiffer.diff(
                model(List.of(), List.of(new ExportedSymbol("old_asm", "function", 4))),
                model(List.of(), List.of(new ExportedSymbol("new_asm", "function", 4))));

        assertThat(changes).extracting(c -> c.rule() + " " + c.item())
                .containsExactly("HIDDEN_EXPORT_REMOVED old_asm", "HIDDEN_EXPORT_ADDED new_asm");
    }

    @Test
    void unchangedHiddenExportIsNotReported() {
        List<ExportedSymbol> same = List.of(new ExportedSymbol("kept_asm", "function", 4));
        assertThat(AbiDiffer.diff(model(List.of(), same), model(List.of(), same))).isEmpty();
    }

    @Test
    void changesComeBreakingFirstThenByItem() {
        List<AbiChange> changes = AbiDiffer.diff(
                model(List.of(function("b_gone", false), function("a_kept", false)), List.of()),
                model(List.of(function("a_kept", false), function("c_new", false)), List.of()));

        assertThat(changes).extracting(c -> c.rule().name()).containsExactly("FN_REMOVED", "FN_ADDED");
    }

    @Test
    void rulebookHasAtLeastThirtyRulesEachFullyDescribed() {
        assertThat(AbiRule.values()).hasSizeGreaterThanOrEqualTo(30);
        for (AbiRule rule : AbiRule.values()) {
            assertThat(rule.title()).as(rule.name()).isNotBlank();
            assertThat(rule.fix()).as(rule.name()).isNotBlank();
            assertThat(rule.javaImpact()).as(rule.name()).isNotBlank();
        }
    }
}
