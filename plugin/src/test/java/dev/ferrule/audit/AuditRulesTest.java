package dev.ferrule.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ferrule.audit.Suppressions.Audited;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Each rule's pair: the clean fixture crate gives no finding, and the same crate with one change
 * gives that rule's finding and nothing else. Every crate is really built, extracted and audited.
 */
class AuditRulesTest {

    /** Code appended to the clean crate's lib.rs. */
    private record Variant(String appendToLib, Change change, Set<AuditRule> alsoExpected, boolean clippy) {
    }

    @FunctionalInterface
    private interface Change {
        void apply(Path crateDir, AuditFixtures fixtures) throws Exception;
    }

    private static final Change NONE = (dir, fixtures) -> {
    };

    private static final Map<AuditRule, Variant> VARIANTS = new EnumMap<>(AuditRule.class);

    private static void variant(AuditRule rule, String appendToLib) {
        VARIANTS.put(rule, new Variant(appendToLib, NONE, Set.of(), false));
    }

    private static void variant(AuditRule rule, Change change) {
        VARIANTS.put(rule, new Variant("", change, Set.of(), false));
    }

    static {
        variant(AuditRule.EXPORT_UNGUARDED, """
                /// Unguarded: a panic here unwinds into the caller.
                #[no_mangle]
                pub extern "C" fn audit_unguarded(value: i32) -> i32 {
                    value.wrapping_mul(2)
                }
                """);
        variant(AuditRule.PANIC_GUARD_ABORTS, """
                macro_rules! abort_on_panic {
                    ($(#[$attr:meta])* fn $name:ident() -> i32 $body:block) => {
                        $(#[$attr])*
                        #[no_mangle]
                        pub extern "C" fn $name() -> i32 {
                            match catch_unwind(AssertUnwindSafe(|| $body)) {
                                Ok(value) => value,
                                Err(_) => std::process::abort(),
                            }
                        }
                    };
                }

                abort_on_panic! {
                    /// Kills the JVM if it panics.
                    fn audit_aborts() -> i32 {
                        OK
                    }
                }
                """);
        variant(AuditRule.C_UNWIND_EXPORT, """
                /// Lets panics unwind.
                #[no_mangle]
                pub extern "C-unwind" fn audit_unwinds() -> i32 {
                    guard(|| OK)
                }
                """);
        variant(AuditRule.RUST_ABI_EXPORT, """
                /// Rust calling convention.
                #[no_mangle]
                pub fn audit_rust_abi() -> i32 {
                    guard(|| OK)
                }
                """);
        variant(AuditRule.FFI_UNSAFE_TYPE, """
                /// Takes a Rust String.
                #[no_mangle]
                #[allow(improper_ctypes_definitions)]
                pub extern "C" fn audit_takes_string(text: String) -> i32 {
                    guard(|| text.len() as i32)
                }
                """);
        variant(AuditRule.STRUCT_BY_VALUE_NOT_REPR_C, """
                /// No repr(C).
                pub struct Loose {
                    /// A field.
                    pub a: i32,
                }

                /// Takes it by value.
                #[no_mangle]
                #[allow(improper_ctypes_definitions)]
                pub extern "C" fn audit_loose(value: Loose) -> i32 {
                    guard(|| value.a)
                }
                """);
        variant(AuditRule.RAW_POINTER_UNCHECKED, """
                /// Reads `value` without looking.
                ///
                /// # Safety
                /// `value` must be readable.
                #[no_mangle]
                pub unsafe extern "C" fn audit_peek(value: *const i32) -> i32 {
                    guard(|| unsafe { *value })
                }
                """);
        variant(AuditRule.OWNED_RESULT_WITHOUT_RELEASE, """
                /// Never released.
                pub struct Leaky {
                    _bytes: Vec<u8>,
                }

                /// Allocates a Leaky that no export frees.
                #[no_mangle]
                pub extern "C" fn audit_leaky_new() -> Option<Box<Leaky>> {
                    catch_unwind(|| Box::new(Leaky { _bytes: vec![0; 16] })).ok()
                }
                """);
        variant(AuditRule.MUTABLE_STATIC_EXPORT, """
                /// Anyone may write it.
                #[no_mangle]
                pub static mut AUDIT_LEVEL: i32 = 0;
                """);
        variant(AuditRule.UNDOCUMENTED_EXPORT, """
                #[no_mangle]
                pub extern "C" fn audit_undocumented() -> i32 {
                    guard(|| OK)
                }
                """);
        VARIANTS.put(AuditRule.UNDECLARED_EXPORT, new Variant("\nextern crate audit_exporting;\n",
                (dir, fixtures) -> AuditFixtures.edit(dir.resolve("Cargo.toml"), "[dependencies]\n",
                        "[dependencies]\naudit-exporting = { path = \"../deps/exporting\" }\n"), Set.of(), false));
        variant(AuditRule.PANIC_IN_EXPORT, """
                /// Parses a constant, with unwrap.
                #[no_mangle]
                pub extern "C" fn audit_parse() -> i32 {
                    guard(|| "7".parse::<i32>().unwrap())
                }
                """);
        variant(AuditRule.NUL_TERMINATED_STRING, """
                /// Measures a C string.
                ///
                /// # Safety
                /// `text` must be NUL-terminated.
                #[no_mangle]
                pub unsafe extern "C" fn audit_c_len(text: *const std::ffi::c_char) -> i32 {
                    guard(|| {
                        if text.is_null() {
                            return NULL_ARGUMENT;
                        }
                        unsafe { std::ffi::CStr::from_ptr(text) }.to_bytes().len() as i32
                    })
                }
                """);
        variant(AuditRule.FORMATTED_ERROR_MESSAGE, """
                /// Rejects `code`, echoing it into the error message.
                #[no_mangle]
                pub extern "C" fn audit_reject(code: i32) -> i32 {
                    guard(|| {
                        set_last_error(format!("rejected code {code}"));
                        1
                    })
                }
                """);
        variant(AuditRule.UNSAFE_DEFAULT_FEATURE, (dir, fixtures) -> AuditFixtures.edit(dir.resolve("Cargo.toml"),
                "default = []", "default = [\"unsafe-fast\"]"));
        variant(AuditRule.PANIC_ABORT_WITH_UNWINDING, (dir, fixtures) -> AuditFixtures.edit(
                dir.resolve("Cargo.toml"), "overflow-checks = true\n", "overflow-checks = true\npanic = \"abort\"\n"));
        variant(AuditRule.OVERFLOW_CHECKS_OFF, (dir, fixtures) -> AuditFixtures.edit(dir.resolve("Cargo.toml"),
                "overflow-checks = true", "overflow-checks = false"));
        variant(AuditRule.SECRET_NOT_ZEROIZED, """
                /// Copies an API key.
                ///
                /// # Safety
                /// `key` must be readable for `len` bytes.
                #[no_mangle]
                pub unsafe extern "C" fn audit_login(key: *const u8, len: usize) -> i32 {
                    guard(|| {
                        if key.is_null() {
                            return NULL_ARGUMENT;
                        }
                        let api_key = unsafe { std::slice::from_raw_parts(key, len) }.to_vec();
                        api_key.len() as i32
                    })
                }
                """);
        VARIANTS.put(AuditRule.GIT_DEPENDENCY, new Variant("\nextern crate audit_git;\n", (dir, fixtures) ->
                AuditFixtures.edit(dir.resolve("Cargo.toml"), "[dependencies]\n", "[dependencies]\naudit-git = { git = \""
                        + fixtures.gitDependency().toUri() + "\" }\n"), Set.of(), false));
        VARIANTS.put(AuditRule.PATH_DEPENDENCY, new Variant("\nextern crate audit_outside;\n", (dir, fixtures) ->
                AuditFixtures.edit(dir.resolve("Cargo.toml"), "[dependencies]\n",
                        "[dependencies]\naudit-outside = { path = \"../../outside-dep\" }\n"), Set.of(), false));
        VARIANTS.put(AuditRule.DUPLICATE_DEPENDENCY, new Variant(
                "\n/// Both versions.\npub fn versions() -> u32 {\n    one::VERSION + two::VERSION\n}\n",
                (dir, fixtures) -> AuditFixtures.edit(dir.resolve("Cargo.toml"), "[dependencies]\n",
                        "[dependencies]\none = { package = \"audit-dup\", path = \"../deps/dup-v1\" }\n"
                                + "two = { package = \"audit-dup\", path = \"../deps/dup-v2\" }\n"), Set.of(), false));
        variant(AuditRule.MISSING_CARGO_LOCK, (dir, fixtures) -> Files.delete(dir.resolve("Cargo.lock")));
        variant(AuditRule.UNSAFE_OP_IN_UNSAFE_FN_ALLOWED, (dir, fixtures) -> AuditFixtures.edit(
                dir.resolve("src/lib.rs"), "#![deny(unsafe_op_in_unsafe_fn)]\n", ""));
        VARIANTS.put(AuditRule.CLIPPY_FFI_LINT, new Variant("""

                /// A safe function that dereferences the pointer it is given.
                pub fn audit_deref(value: *const i32) -> i32 {
                    // SAFETY: none; this is what the lint is about.
                    unsafe { *value }
                }
                """, NONE, Set.of(), true));
        VARIANTS.put(AuditRule.SUPPRESSION_WITHOUT_REASON, new Variant("""

                /// Unguarded, with a suppression that gives no reason.
                // ferrule-audit: allow(EXPORT_UNGUARDED)
                #[no_mangle]
                pub extern "C" fn audit_unguarded(value: i32) -> i32 {
                    value.wrapping_mul(2)
                }
                """, NONE, Set.of(AuditRule.EXPORT_UNGUARDED), false));
        variant(AuditRule.UNUSED_SUPPRESSION, """

                /// Nothing here panics any more.
                // ferrule-audit: allow(PANIC_IN_EXPORT) kept after a refactoring removed the unwrap
                #[no_mangle]
                pub extern "C" fn audit_stale() -> i32 {
                    guard(|| OK)
                }
                """);
    }

    @TempDir
    static Path scratch;
    private static AuditFixtures fixtures;

    @BeforeAll
    static void layOut() throws Exception {
        fixtures = new AuditFixtures(scratch);
    }

    @Test
    void everyRuleHasAVariant() {
        assertThat(VARIANTS.keySet()).containsExactlyInAnyOrder(AuditRule.values());
        assertThat(AuditRule.values()).hasSizeGreaterThanOrEqualTo(20);
    }

    @Test
    void cleanCrateGivesNoFindingEvenWithClippy() throws Exception {
        Path crate = fixtures.crate("clean", "audit-clean");
        Auditor.Result result = fixtures.audit(crate, true, null);
        assertThat(result.findings()).isEmpty();
        assertThat(result.failed()).isFalse();
    }

    @ParameterizedTest
    @EnumSource(AuditRule.class)
    void ruleFiresOnTheCleanCrateWithOneChange(AuditRule rule) throws Exception {
        Variant variant = VARIANTS.get(rule);
        Path crate = fixtures.crate("clean", "audit-" + rule.name().toLowerCase(Locale.ROOT).replace('_', '-'));
        AuditFixtures.append(crate.resolve("src/lib.rs"), variant.appendToLib());
        variant.change().apply(crate, fixtures);
        if (rule != AuditRule.MISSING_CARGO_LOCK) {
            AuditFixtures.lock(crate);
        }
        Auditor.Result result = fixtures.audit(crate, variant.clippy(), null);

        Set<AuditRule> expected = EnumSet.of(rule);
        expected.addAll(variant.alsoExpected());
        assertThat(result.findings().stream().map(a -> a.finding().rule()).collect(Collectors.toSet()))
                .as("rules fired by %s: %s", rule, result.findings())
                .isEqualTo(expected);
        AuditFinding finding = result.findings().stream().map(Audited::finding).filter(f -> f.rule() == rule)
                .findFirst().orElseThrow();
        assertThat(finding.item()).isNotBlank();
        assertThat(finding.message()).isNotBlank();
        assertThat(result.failed()).isEqualTo(expected.stream().anyMatch(r -> r.level()
                == dev.ferrule.report.Report.Level.ERROR));
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
