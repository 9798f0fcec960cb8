package dev.ferrule.rusttest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferrule.cargo.BuildLog;
import dev.ferrule.cargo.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ferrule:test's runner against a real fixture crate, built and tested by cargo. */
class CargoTestRunnerTest {

    @TempDir
    Path work;

    private List<RustTestRun> run(List<String> features, CargoTestRunner.Sanitizer sanitizer) throws Exception {
        Fixtures.Request request = new Fixtures.Request(Fixtures.copy("rust-tests", work), work);
        request.features.addAll(features);
        return new CargoTestRunner(BuildLog.silent()).run(request.toRequest(), sanitizer, List.of(),
                work.resolve("surefire-reports"));
    }

    @Test
    void healthyCratePassesAndIsReportedPerTestBinary() throws Exception {
        List<RustTestRun> runs = run(List.of(), CargoTestRunner.Sanitizer.NONE);

        assertThat(runs).hasSize(1);
        RustTestRun run = runs.get(0);
        assertThat(run.passed()).isTrue();
        assertThat(run.cases()).extracting(c -> c.suite() + " :: " + c.name() + " " + c.status()).containsExactlyInAnyOrder(
                "rust_tests_fixture unittests :: tests::adds PASSED",
                "rust_tests_fixture unittests :: tests::ignored_one IGNORED",
                "api tests/api.rs :: round_trip PASSED",
                "rust_tests_fixture doc-tests :: src/lib.rs - add (line 5) PASSED");
        String xml = Files.readString(run.report());
        assertThat(run.report().getFileName().toString()).isEqualTo("TEST-cargo-test.rust-tests-fixture.xml");
        assertThat(xml).contains("<testcase classname=\"cargo-test.rust-tests-fixture.rust_tests_fixture.unittests\""
                + " name=\"tests::adds\"").contains("<skipped/>").doesNotContain("<failure");
    }

    @Test
    void aFailingTestIsNamedWithItsOutput() throws Exception {
        RustTestRun run = run(List.of("planted-failure"), CargoTestRunner.Sanitizer.NONE).get(0);

        assertThat(run.passed()).isFalse();
        assertThat(run.failures()).singleElement().satisfies(failure -> {
            assertThat(failure.name()).isEqualTo("tests::planted_failure");
            assertThat(failure.output()).contains("planted: two and two");
        });
        assertThat(CargoTestRunner.summary(List.of(run))).contains("tests::planted_failure FAILED")
                .contains("planted: two and two").contains("full output: ");
        assertThat(Files.readString(run.report())).contains("<failure message=\"test failed\"");
    }

    @Test
    void addressSanitizerCatchesAPlantedUseAfterFree() throws Exception {
        List<RustTestRun> runs = run(List.of("planted-uaf"), CargoTestRunner.Sanitizer.ADDRESS);

        assertThat(runs).hasSize(2);
        assertThat(runs.get(0).passed()).as("without ASan the probe does not run").isTrue();
        RustTestRun asan = runs.get(1);
        assertThat(asan.label()).isEqualTo("cargo test (AddressSanitizer)");
        assertThat(asan.passed()).isFalse();
        assertThat(asan.failures()).singleElement().satisfies(crash -> {
            assertThat(crash.name()).isEqualTo("tests::planted_use_after_free");
            assertThat(crash.status()).isEqualTo(RustTestCase.Status.CRASHED);
            assertThat(crash.output()).contains("AddressSanitizer: heap-use-after-free");
        });
        assertThat(asan.report().getFileName().toString()).isEqualTo("TEST-cargo-test-asan.rust-tests-fixture.xml");
    }

    @Test
    void aHealthyCratePassesUnderAddressSanitizerToo() throws Exception {
        List<RustTestRun> runs = run(List.of(), CargoTestRunner.Sanitizer.ADDRESS);
        assertThat(runs).allMatch(RustTestRun::passed);
        assertThat(runs.get(1).count(RustTestCase.Status.PASSED)).isEqualTo(3);
    }

    @Test
    void aCrateThatDoesNotCompileIsAFailureWithTheCompilerOutput() throws Exception {
        Fixtures.Request request = new Fixtures.Request(Fixtures.copy("broken", work), work);
        RustTestRun run = new CargoTestRunner(BuildLog.silent()).run(request.toRequest(), CargoTestRunner.Sanitizer.NONE,
                List.of(), work.resolve("reports")).get(0);
        assertThat(run.passed()).isFalse();
        assertThat(run.failures()).singleElement().satisfies(f -> {
            assertThat(f.name()).startsWith("cargo test exited with");
            assertThat(f.output()).contains("error");
        });
    }
}
