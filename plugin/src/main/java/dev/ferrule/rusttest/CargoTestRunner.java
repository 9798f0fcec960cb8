package dev.ferrule.rusttest;

import dev.ferrule.cargo.BuildLog;
import dev.ferrule.cargo.CargoBuildRequest;
import dev.ferrule.cargo.CargoException;
import dev.ferrule.cargo.CargoMetadataReader;
import dev.ferrule.cargo.CargoPackage;
import dev.ferrule.cargo.RustToolchain;
import dev.ferrule.util.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Runs a crate's {@code cargo test} with the build's features, and optionally again under
 * AddressSanitizer, and turns the output into test cases and Surefire-style JUnit XML.
 */
public final class CargoTestRunner {

    /** Which runs to make. */
    public enum Sanitizer {
        NONE, ADDRESS
    }

    private static final Pattern WORTH_LOGGING = Pattern.compile(
            "^(\\s*Running .*|\\s*Doc-tests .*|test result: .*|test .* \\.\\.\\. FAILED|error(\\[E\\d+])?: .*"
                    + "|==\\d+==ERROR: .*|SUMMARY: .*)$");

    private final BuildLog log;

    public CargoTestRunner(BuildLog log) {
        this.log = log;
    }

    /**
     * @param reportsDir where the JUnit XML goes; Surefire's reports directory puts both languages
     *                   in one report
     */
    public List<RustTestRun> run(CargoBuildRequest request, Sanitizer sanitizer, List<String> testArgs,
            Path reportsDir) throws CargoException {
        RustToolchain toolchain = RustToolchain.locate(request.crateDir(), request.env());
        CargoPackage pkg = CargoMetadataReader.read(toolchain, request.crateDir(), request.env());
        request.features().validateCombination();
        request.features().validateAgainst(pkg);
        List<RustTestRun> runs = new ArrayList<>();
        runs.add(runOnce(request, toolchain, pkg, false, testArgs, reportsDir));
        if (sanitizer == Sanitizer.ADDRESS) {
            runs.add(runOnce(request, toolchain, pkg, true, testArgs, reportsDir));
        }
        return List.copyOf(runs);
    }

    private RustTestRun runOnce(CargoBuildRequest request, RustToolchain toolchain, CargoPackage pkg, boolean asan,
            List<String> testArgs, Path reportsDir) throws CargoException {
        String label = asan ? "cargo test (AddressSanitizer)" : "cargo test";
        List<String> command = new ArrayList<>(List.of(toolchain.cargo().toString(), "test", "--manifest-path",
                pkg.manifestPath().toString(), "--no-fail-fast"));
        command.addAll(request.features().cargoArgs());
        if (pkg.lockFile().isPresent()) {
            command.add("--locked");
        }
        Map<String, String> env = new HashMap<>(request.env());
        env.put("CARGO_TERM_COLOR", "never");
        if (asan) {
            // The sanitizer must not instrument build scripts and proc macros: an explicit host
            // --target keeps RUSTFLAGS off them. Its own target directory keeps the normal build fresh.
            command.addAll(List.of("--target", toolchain.hostTriple(), "--target-dir",
                    request.cargoTargetDir().resolve("asan").toString()));
            // -Zsanitizer is unstable; RUSTC_BOOTSTRAP is set for this cargo process only.
            env.put("RUSTC_BOOTSTRAP", "1");
            env.put("RUSTFLAGS", join(request.env().get("RUSTFLAGS"), "-Zsanitizer=address"));
            env.put("RUSTDOCFLAGS", join(request.env().get("RUSTDOCFLAGS"), "-Zsanitizer=address"));
            // Tests may check it to run probes that are only meaningful (and only safe) under ASan.
            env.put("FERRULE_SANITIZER", "address");
        } else {
            command.addAll(List.of("--target-dir", request.cargoTargetDir().toString()));
        }
        command.add("--");
        if (asan) {
            // One test at a time, so a sanitizer report is pinned on the test that caused it.
            command.add("--test-threads=1");
        }
        command.addAll(testArgs);

        log.info("Running " + label + " for " + pkg.name() + " " + pkg.version());
        log.debug(String.join(" ", command));
        List<String> lines = new ArrayList<>();
        long start = System.nanoTime();
        int exit;
        try {
            exit = dev.ferrule.util.Processes.streamMerged(command, request.crateDir(), env, line -> {
                lines.add(line);
                if (WORTH_LOGGING.matcher(line).matches()) {
                    log.info("cargo test: " + line.strip());
                }
            });
        } catch (IOException e) {
            throw new CargoException(CargoException.Kind.BUILD_FAILED, "Could not run cargo test: " + e.getMessage());
        }
        List<RustTestCase> cases = new ArrayList<>(LibtestOutput.parse(lines));
        if (exit != 0 && cases.stream().noneMatch(RustTestCase::failing)) {
            // Nothing to pin it on: the build failed, or a binary died before naming a test.
            String tail = String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
            cases.add(new RustTestCase(pkg.name() + " cargo", "cargo test exited with " + exit,
                    RustTestCase.Status.CRASHED, tail));
        }
        String suffix = asan ? "cargo-test-asan" : "cargo-test";
        Path logFile = request.stateDir().resolve(suffix + ".log");
        Path report = reportsDir.resolve("TEST-" + suffix + "." + pkg.name() + ".xml");
        try {
            AtomicFiles.write(logFile, (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8),
                    request.stateDir());
            AtomicFiles.write(report, TestReportWriter.write(suffix + "." + pkg.name(), cases), request.stateDir());
        } catch (IOException e) {
            throw new CargoException(CargoException.Kind.BUILD_FAILED, "Could not write the Rust test results: " + e.getMessage());
        }
        RustTestRun run = new RustTestRun(label, List.copyOf(cases), exit, logFile, report);
        log.info(String.format("%s: %d passed, %d failed, %d crashed, %d ignored in %.1f s", label,
                run.count(RustTestCase.Status.PASSED), run.count(RustTestCase.Status.FAILED),
                run.count(RustTestCase.Status.CRASHED), run.count(RustTestCase.Status.IGNORED),
                (System.nanoTime() - start) / 1e9));
        return run;
    }

    private static String join(String existing, String flag) {
        return existing == null || existing.isBlank() ? flag : existing.strip() + " " + flag;
    }

    /** A failure summary: each failing test with the first lines of its output. */
    public static String summary(List<RustTestRun> runs) {
        StringBuilder text = new StringBuilder();
        for (RustTestRun run : runs) {
            for (RustTestCase failure : run.failures()) {
                text.append("\n").append(run.label()).append(": ").append(failure.suite()).append(" :: ")
                        .append(failure.name()).append(failure.status() == RustTestCase.Status.CRASHED
                                ? " CRASHED" : " FAILED");
                failure.output().lines().limit(25).forEach(line -> text.append("\n    ").append(line));
            }
            if (!run.failures().isEmpty()) {
                text.append("\n  full output: ").append(run.log()).append("\n  report: ").append(run.report());
            }
        }
        return text.toString();
    }
}
