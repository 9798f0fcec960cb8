package dev.ferrule.rusttest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The parser on output in the shape cargo and libtest print it (the real runs are in CargoTestRunnerTest). */
class LibtestOutputTest {

    @Test
    void resultsAreGroupedByTestBinaryWithFailureOutput() {
        List<RustTestCase> cases = LibtestOutput.parse(List.of(
                "   Compiling demo v0.1.0 (/x)",
                "     Running unittests src/lib.rs (target/debug/deps/demo-0123456789abcdef)",
                "",
                "running 3 tests",
                "test tests::adds ... ok",
                "test tests::breaks ... FAILED",
                "test tests::slow ... ignored, needs a network",
                "",
                "failures:",
                "",
                "---- tests::breaks stdout ----",
                "thread 'tests::breaks' panicked at src/lib.rs:9:9:",
                "assertion failed: 1 == 2",
                "",
                "failures:",
                "    tests::breaks",
                "",
                "test result: FAILED. 1 passed; 1 failed; 1 ignored; 0 measured; 0 filtered out",
                "     Running tests/api.rs (target/debug/deps/api-fedcba9876543210)",
                "test round_trip ... ok",
                "   Doc-tests demo",
                "test src/lib.rs - add (line 3) ... ok"));

        assertThat(cases).extracting(RustTestCase::suite, RustTestCase::name, RustTestCase::status).containsExactly(
                org.assertj.core.groups.Tuple.tuple("demo unittests", "tests::adds", RustTestCase.Status.PASSED),
                org.assertj.core.groups.Tuple.tuple("demo unittests", "tests::breaks", RustTestCase.Status.FAILED),
                org.assertj.core.groups.Tuple.tuple("demo unittests", "tests::slow", RustTestCase.Status.IGNORED),
                org.assertj.core.groups.Tuple.tuple("api tests/api.rs", "round_trip", RustTestCase.Status.PASSED),
                org.assertj.core.groups.Tuple.tuple("demo doc-tests", "src/lib.rs - add (line 3)",
                        RustTestCase.Status.PASSED));
        assertThat(cases.get(1).output()).isEqualTo(
                "thread 'tests::breaks' panicked at src/lib.rs:9:9:\nassertion failed: 1 == 2");
        assertThat(cases.get(0).output()).isEmpty();
    }

    @Test
    void aBinaryThatDiesMidTestPinsTheCrashOnThatTest() {
        List<RustTestCase> cases = LibtestOutput.parse(List.of(
                "     Running unittests src/lib.rs (target/x86_64-unknown-linux-gnu/debug/deps/demo-0123456789abcdef)",
                "running 2 tests",
                "test fine ... ok",
                "test uses_freed_memory ... =================================================================",
                "==4242==ERROR: AddressSanitizer: heap-use-after-free on address 0x602000000010",
                "SUMMARY: AddressSanitizer: heap-use-after-free src/lib.rs:20:5 in uses_freed_memory",
                "error: test failed, to rerun pass `--lib`"));

        assertThat(cases).hasSize(2);
        assertThat(cases.get(1).name()).isEqualTo("uses_freed_memory");
        assertThat(cases.get(1).status()).isEqualTo(RustTestCase.Status.CRASHED);
        assertThat(cases.get(1).output()).contains("AddressSanitizer: heap-use-after-free");
    }

    @Test
    void healthyOutputHasNoFailures() {
        List<RustTestCase> cases = LibtestOutput.parse(List.of(
                "     Running unittests src/lib.rs (target/debug/deps/demo-0123456789abcdef)",
                "test a ... ok",
                "test b ... ok",
                "test result: ok. 2 passed; 0 failed; 0 ignored; 0 measured; 0 filtered out"));
        assertThat(cases).noneMatch(RustTestCase::failing).hasSize(2);
    }
}
