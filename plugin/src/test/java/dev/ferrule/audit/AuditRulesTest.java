package dev.ferrule.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import dev.ferrule.audit.Suppressions.Audited;
import dev.ferrule.util.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Each rule's pair of cases, named after it in src/test/rust/audit/cases/{@code <RULE>}/: the
 * clean fixture crate with {@code triggers.rs} appended (and the changes its {@code case.toml}
 * lists) gives that rule's finding and nothing else; with {@code passes.rs}, a near miss, it gives
 * none. Every crate is really built, extracted and audited.
 */
class AuditRulesTest {

    static final Path CASES = AuditFixtures.SOURCES.resolve("cases");

    /** How one side of a case changes the clean crate. */
    private record Side(String appended, List<Edit> edits, List<String> deleted, boolean clippy,
            Set<AuditRule> also) {
    }

    /** A text replacement in one file of the crate. */
    private record Edit(String file, String replace, String with) {
    }

    private static Side side(AuditRule rule, String name) throws Exception {
        Path dir = CASES.resolve(rule.name());
        Path code = dir.resolve(name + ".rs");
        JsonNode toml = Files.isRegularFile(dir.resolve("case.toml"))
                ? new TomlMapper().readTree(dir.resolve("case.toml").toFile()).path(name) : Json.mapper()
                        .createObjectNode();
        List<Edit> edits = new ArrayList<>();
        toml.path("edit").forEach(e -> edits.add(new Edit(e.path("file").asText(), e.path("replace").asText(),
                e.path("with").asText())));
        List<String> deleted = new ArrayList<>();
        toml.path("delete").forEach(d -> deleted.add(d.asText()));
        Set<AuditRule> also = EnumSet.noneOf(AuditRule.class);
        toml.path("also").forEach(a -> also.add(AuditRule.valueOf(a.asText())));
        return new Side(Files.isRegularFile(code) ? Files.readString(code) : "", edits, deleted,
                toml.path("clippy").asBoolean(false), also);
    }

    /** The clean crate with one side of a rule's case applied, audited. */
    private static Auditor.Result audit(AuditRule rule, String name) throws Exception {
        Side side = side(rule, name);
        Path crate = fixtures.crate("clean", "audit-" + rule.name().toLowerCase(Locale.ROOT).replace('_', '-') + "-"
                + name);
        AuditFixtures.append(crate.resolve("src/lib.rs"), side.appended());
        for (Edit edit : side.edits()) {
            AuditFixtures.edit(crate.resolve(edit.file()), edit.replace(), edit.with().replace("@GIT_DEP_URL@",
                    fixtures.gitDependency().toUri().toString()));
        }
        for (String file : side.deleted()) {
            Files.delete(crate.resolve(file));
        }
        if (!side.deleted().contains("Cargo.lock")) {
            AuditFixtures.lock(crate);
        }
        return fixtures.audit(crate, side.clippy(), null);
    }

    /** The rules of the findings a result reports, suppressed ones left out. */
    private static Set<AuditRule> reported(Auditor.Result result) {
        return result.findings().stream().filter(a -> !a.suppressed()).map(a -> a.finding().rule())
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(AuditRule.class)));
    }

    @TempDir
    static Path scratch;
    private static AuditFixtures fixtures;

    @BeforeAll
    static void layOut() throws Exception {
        fixtures = new AuditFixtures(scratch);
    }

    @Test
    void everyRuleHasItsCasesAndEveryCaseARule() throws Exception {
        Set<String> folders;
        try (Stream<Path> dirs = Files.list(CASES)) {
            folders = dirs.map(d -> d.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new));
        }
        assertThat(folders).containsExactlyInAnyOrderElementsOf(Arrays.stream(AuditRule.values())
                .map(AuditRule::name).toList());
        assertThat(AuditRule.values()).hasSizeGreaterThanOrEqualTo(20);
    }

    @ParameterizedTest
    @EnumSource(AuditRule.class)
    void theTriggerGivesTheRulesFindingAndNothingElse(AuditRule rule) throws Exception {
        Side side = side(rule, "triggers");
        Auditor.Result result = audit(rule, "triggers");

        Set<AuditRule> expected = EnumSet.of(rule);
        expected.addAll(side.also());
        assertThat(reported(result)).as("rules fired by %s: %s", rule, result.findings()).isEqualTo(expected);
        AuditFinding finding = result.findings().stream().map(Audited::finding).filter(f -> f.rule() == rule)
                .findFirst().orElseThrow();
        assertThat(finding.item()).isNotBlank();
        assertThat(finding.message()).isNotBlank();
        assertThat(result.failed()).isEqualTo(expected.stream().anyMatch(r -> r.level()
                == dev.ferrule.report.Report.Level.ERROR));
    }

    @ParameterizedTest
    @EnumSource(AuditRule.class)
    void theNearMissGivesNoFinding(AuditRule rule) throws Exception {
        Auditor.Result result = audit(rule, "passes");

        assertThat(reported(result)).as("rules fired by the near miss of %s: %s", rule, result.findings()).isEmpty();
        assertThat(result.failed()).isFalse();
    }

    @Test
    void cleanCrateGivesNoFindingEvenWithClippy() throws Exception {
        Path crate = fixtures.crate("clean", "audit-clean");
        Auditor.Result result = fixtures.audit(crate, true, null);
        assertThat(result.findings()).isEmpty();
        assertThat(result.failed()).isFalse();
    }

    @Test
    void badBoundaryTripsEveryRule() throws Exception {
        Path crate = fixtures.crate("bad-boundary", "audit-bad-boundary");
        Auditor.Result result = fixtures.audit(crate, true, null);

        Set<AuditRule> fired = result.findings().stream().map(a -> a.finding().rule())
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(AuditRule.class)));
        assertThat(fired).containsExactlyInAnyOrder(AuditRule.values());
        assertThat(result.failed()).isTrue();
        List<String> console = AuditReports.console(result, "");
        assertThat(console.get(0)).contains("FAILS the build");
        assertThat(console).anyMatch(line -> line.contains("EXPORT_UNGUARDED bad_unguarded (src/lib.rs:"));
    }

    /** A copy of the clean crate named {@code name}, with {@code code} appended to its lib.rs, locked. */
    private static Path cleanWith(String name, String code) throws Exception {
        Path crate = fixtures.crate("clean", name);
        AuditFixtures.append(crate.resolve("src/lib.rs"), code);
        AuditFixtures.lock(crate);
        return crate;
    }

    @Test
    void aFunctionThatOnlyFreesAStringTakesNoStringInput() throws Exception {
        Path crate = cleanWith("audit-string-free", """

                /// A greeting as a new C string; release it with `audit_greeting_free`.
                #[no_mangle]
                pub extern "C" fn audit_greeting() -> *mut std::ffi::c_char {
                    catch_unwind(|| std::ffi::CString::new("hello").map_or(std::ptr::null_mut(), |s| s.into_raw()))
                        .unwrap_or(std::ptr::null_mut())
                }

                /// Releases a greeting; null is ignored.
                ///
                /// # Safety
                /// `greeting` must come from `audit_greeting`.
                #[no_mangle]
                pub unsafe extern "C" fn audit_greeting_free(greeting: *mut std::ffi::c_char) {
                    let _ = catch_unwind(AssertUnwindSafe(|| {
                        if !greeting.is_null() {
                            drop(unsafe { std::ffi::CString::from_raw(greeting) });
                        }
                    }));
                }
                """);

        assertThat(fixtures.audit(crate, false, null).findings()).isEmpty();
    }

    @Test
    void aCrateWithoutUnsafeFnsNeedsNoUnsafeOpLint() throws Exception {
        Path crate = fixtures.crate("clean", "audit-all-safe");
        Files.writeString(crate.resolve("src/lib.rs"), """
                //! Only safe exports, so unsafe_op_in_unsafe_fn has nothing to deny.
                use std::panic::catch_unwind;

                /// Doubles a number; -1 if that panics.
                #[no_mangle]
                pub extern "C" fn audit_double(value: i32) -> i32 {
                    catch_unwind(|| value.wrapping_mul(2)).unwrap_or(-1)
                }
                """);
        AuditFixtures.lock(crate);

        assertThat(fixtures.audit(crate, false, null).findings()).isEmpty();
    }

    @Test
    void clippyFindingsAreOnePerLintAndFunction() throws Exception {
        String code = """

                /// Reads the pointer it is given, twice.
                pub fn audit_deref_twice(value: *const i32) -> i32 {
                    // SAFETY: none; this is what the lint is about.
                    let first = unsafe { *value };
                    // SAFETY: as above.
                    let second = unsafe { *value };
                    first.wrapping_add(second)
                }

                macro_rules! reader {
                    ($name:ident) => {
                        /// Reads the pointer it is given.
                        pub fn $name(value: *const i32) -> i32 {
                            // SAFETY: none; this is what the lint is about.
                            unsafe { *value }
                        }
                    };
                }

                reader!(audit_read_one);
                reader!(audit_read_two);
                """;
        Path crate = cleanWith("audit-clippy-grouped", code);
        List<AuditFinding> clippy = fixtures.audit(crate, true, null).findings().stream().map(Audited::finding)
                .filter(f -> f.rule() == AuditRule.CLIPPY_FFI_LINT).toList();

        Path lib = crate.resolve("src/lib.rs");
        int readOne = lineOf(lib, "reader!(audit_read_one);");
        int readTwo = lineOf(lib, "reader!(audit_read_two);");
        // Each function a macro writes is found where the macro is invoked, not inside the macro.
        assertThat(clippy).extracting(AuditFinding::item).containsExactlyInAnyOrder(
                "clippy::not_unsafe_ptr_arg_deref (audit_deref_twice)",
                "clippy::not_unsafe_ptr_arg_deref (reader! at line " + readOne + ")",
                "clippy::not_unsafe_ptr_arg_deref (reader! at line " + readTwo + ")");
        assertThat(clippy).filteredOn(f -> f.item().contains("audit_deref_twice")).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("(2 times in audit_deref_twice, line"));
    }

    @Test
    void inlineSuppressionWithAReasonSuppresses() throws Exception {
        Path crate = cleanWith("audit-suppressed-inline", """

                /// Unguarded on purpose.
                // ferrule-audit: allow(EXPORT_UNGUARDED) wrapping_mul cannot panic
                #[no_mangle]
                pub extern "C" fn audit_unguarded(value: i32) -> i32 {
                    value.wrapping_mul(2)
                }
                """);
        Auditor.Result result = fixtures.audit(crate, false, null);

        assertThat(result.findings()).singleElement().satisfies(a -> {
            assertThat(a.finding().rule()).isEqualTo(AuditRule.EXPORT_UNGUARDED);
            assertThat(a.suppressedBecause()).isEqualTo("wrapping_mul cannot panic");
            assertThat(a.suppressedBy()).isEqualTo("src/lib.rs:" + lineOf(crate.resolve("src/lib.rs"),
                    "ferrule-audit: allow(EXPORT_UNGUARDED)"));
        });
        assertThat(result.failed()).isFalse();
    }

    @Test
    void fileSuppressionsNeedAReasonAndNameRealRules() throws Exception {
        Path crate = fixtures.crate("clean", "audit-suppressed-file");
        AuditFixtures.edit(crate.resolve("Cargo.toml"), "overflow-checks = true", "overflow-checks = false");
        Path suppressions = scratch.resolve("suppressions.json");
        Files.writeString(suppressions, """
                {"suppressions": [
                  {"rule": "OVERFLOW_CHECKS_OFF", "item": "profile.release.*", "reason": "benchmarked; checked in tests"}
                ]}""");
        Auditor.Result suppressed = fixtures.audit(crate, false, suppressions);
        assertThat(suppressed.findings()).singleElement().satisfies(a -> {
            assertThat(a.suppressed()).isTrue();
            assertThat(a.suppressedBy()).isEqualTo("suppressions.json entry 1");
        });

        Files.writeString(suppressions, """
                {"suppressions": [{"rule": "OVERFLOW_CHECKS_OFF", "item": "profile.release.*", "reason": " "}]}""");
        Auditor.Result withoutReason = fixtures.audit(crate, false, suppressions);
        assertThat(withoutReason.findings()).extracting(a -> a.finding().rule(), Audited::suppressed)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(AuditRule.OVERFLOW_CHECKS_OFF, false),
                        org.assertj.core.groups.Tuple.tuple(AuditRule.SUPPRESSION_WITHOUT_REASON, false));
        assertThat(withoutReason.failed()).isTrue();

        Files.writeString(suppressions, """
                {"suppressions": [{"rule": "OVERFLOW_CHECK_OFF", "reason": "typo"}]}""");
        assertThatThrownBy(() -> fixtures.audit(crate, false, suppressions))
                .isInstanceOf(AuditException.class)
                .hasMessageContaining("names rule 'OVERFLOW_CHECK_OFF', which does not exist");
    }

    private static int lineOf(Path file, String text) throws Exception {
        List<String> lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i + 1;
            }
        }
        throw new AssertionError(text + " not in " + file);
    }

    @Test
    void rulesHaveTheirParts() {
        Map<AuditRule.Category, Long> perCategory = Arrays.stream(AuditRule.values())
                .collect(Collectors.groupingBy(AuditRule::category, () -> new EnumMap<>(AuditRule.Category.class),
                        Collectors.counting()));
        assertThat(perCategory).containsKeys(AuditRule.Category.values());
        for (AuditRule rule : AuditRule.values()) {
            assertThat(rule.title()).isNotBlank();
            assertThat(rule.rationale()).endsWith(".");
            assertThat(rule.fix()).isNotBlank();
            assertThat(rule.knownLimits() != null).as("%s documents its limits iff heuristic", rule)
                    .isEqualTo(rule.heuristic());
        }
    }
}
