package dev.ferrule.rusttest;

import java.nio.file.Path;
import java.util.List;

/**
 * One {@code cargo test} run.
 *
 * @param label     {@code cargo test}, or {@code cargo test (AddressSanitizer)}
 * @param exitCode  cargo's exit code
 * @param log       everything cargo and the tests printed
 * @param report    the JUnit XML written for the run
 */
public record RustTestRun(String label, List<RustTestCase> cases, int exitCode, Path log, Path report) {

    public List<RustTestCase> failures() {
        return cases.stream().filter(RustTestCase::failing).toList();
    }

    public long count(RustTestCase.Status status) {
        return cases.stream().filter(c -> c.status() == status).count();
    }

    public boolean passed() {
        return exitCode == 0 && failures().isEmpty();
    }
}
