package dev.ferrule.diff;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferrule.abi.AbiModel;
import dev.ferrule.abi.AbiModel.AbiFunction;
import dev.ferrule.abi.AbiModel.ExportedSymbol;
import dev.ferrule.abi.AbiModel.TypeRef;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Rules that no real crate change can trigger in this corpus (see {@link RuleCorpusTest#MODEL_ONLY}),
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

    /** One function taking one parameter, on a target, with that target's C scalars. */
    private static AbiModel taking(String target, TypeRef parameter, List<AbiModel.CScalar> scalars) {
        AbiFunction function = new AbiFunction("f", "f", "demo::f", "C", List.of(new AbiModel.Param("n", parameter)),
                null, false, false, false, null, null, null, null);
        return new AbiModel(AbiModel.SCHEMA_VERSION, new AbiModel.CrateInfo("demo", "1.0.0", "demo"),
                new AbiModel.BuildTarget(target, List.of("default"), "release"), List.of(function), List.of(),
                List.of(), List.of(), List.of(), List.of(), List.of(), scalars);
    }

    private static AbiModel.CScalar scalar(String c, String rust, long size) {
        return new AbiModel.CScalar(c, rust, size, size, true);
    }

    @Test
    void aCTypeSpeltAnotherWayIsNoChange() {
        AbiModel withChar = taking("x86_64-unknown-linux-gnu", new TypeRef("char", "core::ffi::c_char", null, null),
                List.of(scalar("char", "i8", 1)));
        AbiModel withI8 = taking("x86_64-unknown-linux-gnu", new TypeRef("int8_t", "i8", null, null),
                List.of(scalar("int8_t", "i8", 1)));

        assertThat(AbiDiffer.diff(withChar, withI8)).isEmpty();
    }

    @Test
    void theSameSpellingIsAnotherTypeWhereTheTargetSaysSo() {
        // c_char is u8 on aarch64 Linux: c_char -> i8 changes the sign Java must read it with.
        AbiModel withChar = taking("aarch64-unknown-linux-gnu", new TypeRef("char", "core::ffi::c_char", null, null),
                List.of(scalar("char", "u8", 1)));
        AbiModel withI8 = taking("aarch64-unknown-linux-gnu", new TypeRef("int8_t", "i8", null, null),
                List.of(scalar("int8_t", "i8", 1)));

        assertThat(AbiDiffer.diff(withChar, withI8)).extracting(AbiChange::rule)
                .containsExactly(AbiRule.FN_PARAM_TYPE_CHANGED);
    }

    @Test
    void aTypeChangeShowsBothCTypesAndTheirSizes() {
        AbiModel before = taking("x86_64-unknown-linux-gnu", new TypeRef("size_t", "libc::size_t", null, null),
                List.of(scalar("size_t", "usize", 8)));
        AbiModel after = taking("x86_64-unknown-linux-gnu", new TypeRef("uint32_t", "u32", null, null),
                List.of(scalar("uint32_t", "u32", 4)));

        assertThat(AbiDiffer.diff(before, after)).singleElement().extracting(AbiChange::message)
                .isEqualTo("parameter 'n': size_t (8 bytes) -> uint32_t (4 bytes) (libc::size_t -> u32)");
    }

    @Test
    void constOnAPointerIsItsOwnCompatibleRule() {
        AbiModel before = taking("x86_64-unknown-linux-gnu", new TypeRef("const char*", "*const c_char",
                AbiModel.Ownership.RAW, null), List.of(scalar("char", "i8", 1)));
        AbiModel after = taking("x86_64-unknown-linux-gnu", new TypeRef("char*", "*mut c_char",
                AbiModel.Ownership.RAW, null), List.of(scalar("char", "i8", 1)));

        assertThat(AbiDiffer.diff(before, after)).singleElement().satisfies(change -> {
            assertThat(change.rule()).isEqualTo(AbiRule.POINTER_CONSTNESS_CHANGED);
            assertThat(change.severity()).isEqualTo(Severity.COMPATIBLE);
        });
    }

    @Test
    void aRemovedFunctionIsLocatedWhereTheSnapshotRecordedIt() {
        AbiFunction gone = new AbiFunction("g", "g", "demo::g", "C", List.of(), null, false, false, false, null,
                null, null, new AbiModel.SourceLocation("src/lib.rs", 90));
        AbiModel before = model(List.of(gone), List.of());
        AbiModel after = model(List.of(), List.of());

        assertThat(AbiDiffer.diff(before, after)).singleElement().satisfies(change -> {
            assertThat(change.gone()).isTrue();
            assertThat(change.location()).isEqualTo(new AbiModel.SourceLocation("src/lib.rs", 90));
        });
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
