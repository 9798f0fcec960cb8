package dev.ferrule.rusttest;

/**
 * One Rust test as libtest reported it.
 *
 * @param suite  the test binary: {@code <crate> unittests}, {@code <crate> tests/<file>}, {@code <crate> doc-tests}
 * @param output what the test printed, for a failure; empty otherwise
 */
public record RustTestCase(String suite, String name, Status status, String output) {

    public enum Status {
        PASSED, FAILED, IGNORED,
        /** The test binary died while this test ran (a sanitizer report, an abort, a signal). */
        CRASHED
    }

    public boolean failing() {
        return status == Status.FAILED || status == Status.CRASHED;
    }
}
