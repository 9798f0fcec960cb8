package dev.ferrule.realworld;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferrule.abi.AbiExtractor;
import dev.ferrule.abi.AbiModel;
import dev.ferrule.abi.AbiModel.AbiFunction;
import dev.ferrule.abi.AbiModel.AbiType;
import dev.ferrule.abi.AbiModel.TypeKind;
import dev.ferrule.audit.AuditFinding;
import dev.ferrule.audit.AuditRule;
import dev.ferrule.audit.Auditor;
import dev.ferrule.audit.ClippyLints;
import dev.ferrule.audit.FailLevel;
import dev.ferrule.audit.LockFiles;
import dev.ferrule.audit.Suppressions;
import dev.ferrule.cargo.BuildOutcome;
import dev.ferrule.cargo.CargoBuildRequest;
import dev.ferrule.cargo.CargoBuilder;
import dev.ferrule.cargo.DebianRegistry;
import dev.ferrule.cargo.Fixtures;
import dev.ferrule.cargo.RecordingLog;
import dev.ferrule.cargo.UnsafeFeaturePolicy;
import dev.ferrule.gen.GenerationResult;
import dev.ferrule.gen.GeneratorConfig;
import dev.ferrule.gen.GeneratedJava;
import dev.ferrule.gen.Bindings;
import dev.ferrule.report.Report;
import dev.ferrule.util.Processes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * src/test/rust/tinykv is written the way published C-ABI crates are, and knows nothing of
 * Ferrule: libc's type names, pub use re-exports, an ffi_fn! macro that catches panics, an opaque
 * object with new/free, a struct filled through an out-pointer, C strings both ways, flag
 * constants and nullable callbacks through aliases. It is really built (libc comes from Debian's
 * librust-libc-dev), extracted, bound and audited; each of those points has a case that must be
 * recognised and one that must not be.
 */
class RealWorldCrateTest {

    @TempDir
    static Path work;

    private static Fixtures.Request request;
    private static BuildOutcome build;
    private static AbiModel model;

    @BeforeAll
    static void buildAndExtract() throws Exception {
        DebianRegistry.require("libc");
        request = new Fixtures.Request(Fixtures.copy("tinykv", work), work);
        RecordingLog log = new RecordingLog();
        build = new CargoBuilder(log).build(request.toRequest());
        model = new AbiExtractor(log).extract(request.toRequest(), build).get(0).model();
    }

    private static AbiFunction function(String symbol) {
        return model.functions().stream().filter(f -> f.symbol().equals(symbol)).findFirst().orElseThrow();
    }

    private static AbiType type(String name) {
        return model.types().stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow();
    }

    private static List<String> paramTypes(String symbol) {
        return function(symbol).params().stream().map(p -> p.type().c()).toList();
    }

    // ---- the model --------------------------------------------------------------------------

    @Test
    void theSnapshotHasNoFinding() {
        assertThat(model.findings()).isEmpty();
        assertThat(model.functions()).hasSize(27);
    }

    @Test
    void libcTypeNamesAreTheCTypesTheyStandFor() {
        assertThat(paramTypes("tinykv_store_new")).containsExactly("size_t", "unsigned int");
        assertThat(function("tinykv_store_get").returns().c()).isEqualTo("ssize_t");
        assertThat(function("tinykv_hash").params().get(1).type().rust()).isEqualTo("libc::size_t");
        assertThat(model.scalars()).contains(
                new AbiModel.CScalar("size_t", "usize", 8, 8, true),
                new AbiModel.CScalar("ssize_t", "isize", 8, 8, true),
                new AbiModel.CScalar("pid_t", "i32", 4, 4, true),
                new AbiModel.CScalar("char", "i8", 1, 1, true),
                new AbiModel.CScalar("unsigned int", "u32", 4, 4, true));
    }

    @Test
    void nonNullIsANeverNullPointerAndItsOptionMayBeNull() {
        assertThat(function("tinykv_store_put").params().get(0).type().rust()).endsWith("NonNull<tinykv_store>");
        assertThat(function("tinykv_store_put").params().get(0).type().nullable()).isFalse();
        assertThat(function("tinykv_store_remove").params().get(0).type().rust())
                .matches("Option<(std::ptr::)?NonNull<tinykv_store>>");
        assertThat(function("tinykv_store_remove").params().get(0).type().nullable()).isTrue();
    }

    @Test
    void aTransparentNewtypeHasItsFieldsAbiAndAReprCStructDoesNot() {
        assertThat(paramTypes("tinykv_store_put")).last().isEqualTo("uint32_t");
        assertThat(type("tinykv_ttl").repr()).isEqualTo("transparent");
        assertThat(type("tinykv_ttl").size()).isEqualTo(4);
        assertThat(paramTypes("tinykv_version_info")).containsExactly("struct tinykv_version*");
    }

    @Test
    void aPlainAliasIsItsScalarNotACallbackOrAType() {
        assertThat(function("tinykv_store_id").returns().c()).isEqualTo("uint64_t");
        assertThat(function("tinykv_store_id").returns().rust()).endsWith("tinykv_id");
        assertThat(model.types()).extracting(AbiType::name).doesNotContain("tinykv_id");
    }

    @Test
    void typesReachedThroughPubUseHaveCompilerLayouts() {
        AbiType stats = type("tinykv_stats");
        assertThat(stats.size()).isEqualTo(40);
        assertThat(stats.fields()).extracting(AbiModel.Field::offset).containsExactly(0L, 8L, 16L, 24L, 32L, 36L);
        // A struct and a function of one name (C APIs do that) live in different namespaces.
        AbiType version = type("tinykv_version");
        assertThat(version.size()).isEqualTo(28);
        assertThat(version.fields()).extracting(f -> f.type().c()).containsExactly("int", "int", "int", "char[16]");
        assertThat(version.fields().get(3).offset()).isEqualTo(12L);
    }

    @Test
    void theOpaqueObjectCrossesOnlyBehindPointers() {
        assertThat(type("tinykv_store").kind()).isEqualTo(TypeKind.OPAQUE);
        assertThat(type("tinykv_store").size()).isNull();
        assertThat(function("tinykv_store_new").returns().c()).isEqualTo("struct tinykv_store*");
        assertThat(paramTypes("tinykv_store_free")).containsExactly("struct tinykv_store*");
        assertThat(paramTypes("tinykv_store_remove").get(0)).isEqualTo("struct tinykv_store*");
        assertThat(function("tinykv_store_remove").params().get(0).type().nullable()).isTrue();
        // A repr(C) struct behind a pointer is not opaque: Java reads its fields.
        assertThat(type("tinykv_stats").kind()).isEqualTo(TypeKind.STRUCT);
    }

    @Test
    void aStructFilledThroughAnOutPointerHasItsJavaLayout() throws Exception {
        assertThat(paramTypes("tinykv_store_stats")).containsExactly("const struct tinykv_store*",
                "struct tinykv_stats*");
        String raw = raw().sources().get(0).content();
        assertThat(raw).contains("public static final StructLayout TINYKV_STATS_LAYOUT = MemoryLayout.structLayout("
                + "ValueLayout.JAVA_LONG.withName(\"entries\")")
                .contains("MemoryLayout.sequenceLayout(16L, ValueLayout.JAVA_BYTE).withName(\"tag\")")
                .contains("checkLayout(TINYKV_STATS_LAYOUT, \"tinykv_stats\", 40L, 8L);");
    }

    @Test
    void cStringsCrossAsCharPointersBothWays() {
        assertThat(paramTypes("tinykv_store_get_string")).containsExactly("const struct tinykv_store*",
                "const char*");
        assertThat(function("tinykv_store_get_string").returns().c()).isEqualTo("char*");
        assertThat(function("tinykv_version").returns().c()).isEqualTo("const char*");
    }

    @Test
    void flagConstantsAreConstantsAndARustStringIsNot() throws Exception {
        assertThat(model.constants()).extracting(AbiModel.AbiConstant::name).contains("TINYKV_OPEN_CREATE",
                "TINYKV_OPEN_ALL", "TINYKV_ERR_PANIC").doesNotContain("TINYKV_VERSION_STRING");
        assertThat(model.constants()).filteredOn(c -> c.name().equals("TINYKV_OPEN_ALL")).singleElement()
                .satisfies(c -> {
                    assertThat(c.type().c()).isEqualTo("unsigned int");
                    assertThat(c.value()).isEqualTo("7u32");
                });
        assertThat(raw().sources().get(0).content()).contains("public static final int TINYKV_OPEN_ALL = 7;");
    }

    @Test
    void anAliasOfOptionalFunctionPointerIsANullableCallback() {
        AbiType visit = type("tinykv_visit_fn");
        assertThat(visit.kind()).isEqualTo(TypeKind.CALLBACK);
        assertThat(visit.params()).extracting(p -> p.type().c()).containsExactly("const uint8_t*", "size_t",
                "const uint8_t*", "size_t", "void*");
        assertThat(visit.returns().c()).isEqualTo("int");
        assertThat(function("tinykv_store_visit").params().get(1).type().nullable()).isTrue();
        // tinykv_logger is an alias of the alias tinykv_log_fn: one callback, reached through both.
        assertThat(function("tinykv_store_set_logger").params().get(1).type().c()).isEqualTo("tinykv_log_fn");
        assertThat(function("tinykv_store_set_logger").params().get(1).type().rust()).endsWith("::tinykv_logger");
        assertThat(model.types()).filteredOn(t -> t.kind() == TypeKind.CALLBACK).extracting(AbiType::name)
                .containsExactly("tinykv_log_fn", "tinykv_visit_fn");
    }

    @Test
    void aFunctionPointerWrittenInPlaceIsANullablePointerToo() {
        AbiModel.TypeRef hook = function("tinykv_set_panic_hook").params().get(0).type();
        assertThat(hook.c()).isEqualTo("void (*)(const char*)");
        assertThat(hook.nullable()).isTrue();
        assertThat(hook.rust()).contains("extern \"C-unwind\" fn");
    }

    // ---- the bindings -----------------------------------------------------------------------

    private static GenerationResult raw() throws Exception {
        return Bindings.generate(model, new GeneratorConfig("org.acme.tinykv", "TinykvNative", List.of(),
                List.of()));
    }

    @Test
    void everyExportIsBoundInTheRawLayerAndCompilesWithoutWarnings() throws Exception {
        GenerationResult raw = raw();
        assertThat(raw.bound()).hasSize(model.functions().size());
        assertThat(raw.skipped()).isEmpty();

        Processes.Result compiled = GeneratedJava.compile(raw.sources(), work);

        assertThat(compiled.stdout() + compiled.stderr()).isEmpty();
        assertThat(work.resolve("classes/org/acme/tinykv/TinykvNative.class")).exists();
    }

    // ---- the audit --------------------------------------------------------------------------

    private static Auditor.Result audit(Path crateDir) throws Exception {
        Fixtures.Request audited = new Fixtures.Request(crateDir, crateDir.getParent());
        CargoBuildRequest buildRequest = audited.toRequest();
        RecordingLog log = new RecordingLog();
        BuildOutcome built = new CargoBuilder(log).build(buildRequest);
        AbiModel abi = new AbiExtractor(log).extract(buildRequest, built).get(0).model();
        return Auditor.audit(new Auditor.Request(abi, built.crate(), crateDir, LockFiles.committed(buildRequest),
                UnsafeFeaturePolicy.DEFAULT_PATTERN, Set.of(), crateDir.resolve("none.json"), "none.json",
                ClippyLints.request(built, buildRequest, crateDir.getParent().resolve("clippy"), List.of()),
                FailLevel.ERROR));
    }

    private static List<AuditFinding> findings(Auditor.Result result, AuditRule rule) {
        return result.findings().stream().map(Suppressions.Audited::finding).filter(f -> f.rule() == rule).toList();
    }

    @Test
    void theAuditRaisesNoErrorAndTrustsTheExportMacro() throws Exception {
        Auditor.Result result = audit(request.crateDir);

        assertThat(result.counts().get(Report.Level.ERROR)).as("%s", result.findings()).isZero();
        assertThat(result.failed()).isFalse();
        assertThat(findings(result, AuditRule.EXPORT_UNGUARDED)).isEmpty();
        assertThat(findings(result, AuditRule.PANIC_GUARD_ABORTS)).isEmpty();
        // C strings that Rust reads are reported; the one it only frees is not.
        assertThat(findings(result, AuditRule.NUL_TERMINATED_STRING)).extracting(AuditFinding::item)
                .contains("tinykv_store_remove", "tinykv_store_open").doesNotContain("tinykv_string_free");
        // A raw byte pointer read without a visible check is reported; void* user data passed along is not.
        assertThat(findings(result, AuditRule.RAW_POINTER_UNCHECKED)).extracting(AuditFinding::item)
                .contains("tinykv_store_put(key)").doesNotContain("tinykv_store_visit(user_data)",
                        "tinykv_store_set_logger(user_data)");
    }

    @Test
    void anExportMacroThatAbortsOnPanicIsAnError() throws Exception {
        Path crate = Fixtures.copy("tinykv", work.resolve("aborting"));
        Path macros = crate.resolve("src/macros.rs");
        Files.writeString(macros, Files.readString(macros).replace(
                "<$ret as $crate::error::OnPanic>::on_panic()", "::std::process::abort()"));

        Auditor.Result result = audit(crate);

        assertThat(findings(result, AuditRule.PANIC_GUARD_ABORTS)).singleElement().satisfies(finding -> {
            assertThat(finding.item()).isEqualTo("ffi_fn!");
            assertThat(finding.file()).isEqualTo("src/macros.rs");
            assertThat(finding.message()).contains("catches a panic").contains("then calls abort()");
        });
        assertThat(result.failed()).isTrue();
    }
}
