package dev.ferrule.bench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ComparisonTest {

    private static final Path CALLS = Path.of("src/test/resources/results/call-overhead.json");
    private static final Path BUILDS = Path.of("src/test/resources/results/build-costs.json");

    @TempDir
    Path dir;

    private static Map<String, Double> metrics(double value) {
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("noop / ferrule-safe (x raw FFM)", value);
        return metrics;
    }

    @Test
    void moreThanTheThresholdWorseIsARegression() {
        Comparison comparison = Comparison.of(metrics(1.0), metrics(1.25), 0.20);
        assertThat(comparison.regressions()).extracting(Comparison.Row::metric)
                .containsExactly("noop / ferrule-safe (x raw FFM)");
        assertThat(comparison.render()).contains("+25.0%  REGRESSION").contains("1 of 1 metrics regressed");
    }

    @Test
    void withinTheThresholdOrBetterIsNot() {
        assertThat(Comparison.of(metrics(1.0), metrics(1.19), 0.20).regressions()).isEmpty();
        assertThat(Comparison.of(metrics(1.0), metrics(0.5), 0.20).regressions()).isEmpty();
        assertThat(Comparison.of(metrics(1.0), metrics(1.19), 0.20).render()).doesNotContain("REGRESSION");
    }

    @Test
    void metricsOnOneSideOnlyAreListedNotCompared() {
        Map<String, Double> run = metrics(1.0);
        run.put("callback / jni (x raw FFM)", 3.0);
        Comparison comparison = Comparison.of(Map.of("gone", 1.0), run, 0.2);
        assertThat(comparison.rows()).isEmpty();
        assertThat(comparison.render()).contains("missing from the run: gone")
                .contains("new in the run (no baseline): callback / jni (x raw FFM)");
    }

    @Test
    void aThresholdMustBePositive() {
        assertThatThrownBy(() -> Comparison.of(metrics(1), metrics(1), 0)).hasMessageContaining("positive fraction");
    }

    @Test
    void callOverheadIsComparedAsRatiosToRawFfmAndBuildCostsInSecondsAndHeap() throws IOException {
        assertThat(Metric.of(CALLS)).containsExactly(Map.entry("noop / ferrule-safe (x raw FFM)", 1.1),
                Map.entry("noop / jna-direct (x raw FFM)", 40.0), Map.entry("add / ferrule-safe (x raw FFM)", 2.0));
        assertThat(Metric.of(BUILDS)).containsEntry("no-op rebuild: cargo build --release (median s)", 0.1)
                .containsEntry("generate @ 1000 functions (s)", 9.0)
                .containsEntry("generate @ 1000 functions (peak heap MiB)", 150.0);
    }

    @Test
    void instructionCountsAreHeldAsCountsAndAsRatios() throws IOException {
        Path counts = Path.of("src/test/resources/results/call-overhead-callgrind.json");
        assertThat(Metric.of(counts)).containsExactly(Map.entry("add / raw-ffm (instructions per call)", 100.0),
                Map.entry("add / ferrule-safe (instructions per call)", 150.0),
                Map.entry("add / ferrule-safe (instructions x raw FFM)", 1.5));
        Path grown = dir.resolve("grown.json");
        // The safe add now takes 190 instructions instead of 150: 27% more, a regression.
        Files.writeString(grown, Files.readString(counts).replace("\"instructionsPerCall\": 150.0",
                "\"instructionsPerCall\": 190.0").replace("\"ratioToRawFfm\": 1.500", "\"ratioToRawFfm\": 1.900"));
        assertThat(compare(counts.toString(), grown.toString())).isEqualTo(1);
        assertThat(lastOutput).contains("add / ferrule-safe (instructions per call)").contains("REGRESSION");
        Path steady = dir.resolve("steady.json");
        Files.writeString(steady, Files.readString(counts).replace("\"instructionsPerCall\": 150.0",
                "\"instructionsPerCall\": 160.0"));
        assertThat(compare(counts.toString(), steady.toString())).isZero();
    }

    private int compare(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try (PrintStream capture = new PrintStream(captured, true, StandardCharsets.UTF_8)) {
            System.setOut(capture);
            System.setErr(capture);
            return CompareResults.run(args);
        } finally {
            System.setOut(out);
            System.setErr(err);
            lastOutput = captured.toString(StandardCharsets.UTF_8);
        }
    }

    private String lastOutput;

    @Test
    void theCommandFailsOnARegressionUnlessAskedOnlyToReport() throws IOException {
        Path slower = dir.resolve("slower.json");
        // The safe add now costs 2.6x raw instead of 2.0x: 30% worse.
        Files.writeString(slower, Files.readString(CALLS).replace("\"ratioToRawFfm\": 2.0", "\"ratioToRawFfm\": 2.6"));

        assertThat(compare(CALLS.toString(), slower.toString())).isEqualTo(1);
        assertThat(lastOutput).contains("add / ferrule-safe (x raw FFM)").contains("+30.0%  REGRESSION");
        assertThat(compare(CALLS.toString(), slower.toString(), "--report-only")).isZero();
        assertThat(compare(CALLS.toString(), slower.toString(), "--threshold", "0.5")).isZero();
        assertThat(compare(CALLS.toString(), CALLS.toString())).isZero();
        assertThat(lastOutput).contains("0 of 3 metrics regressed by more than 20%").doesNotContain("machines differ");
    }

    @Test
    void badInputIsExplained() throws IOException {
        assertThat(compare(CALLS.toString(), BUILDS.toString())).isEqualTo(2);
        assertThat(lastOutput).contains("compare like with like");
        assertThat(compare(CALLS.toString(), dir.resolve("none.json").toString())).isEqualTo(2);
        assertThat(lastOutput).contains("does not exist");
        assertThat(compare(CALLS.toString())).isEqualTo(2);
        assertThat(lastOutput).contains("usage");
        assertThat(compare(CALLS.toString(), CALLS.toString(), "--threshold", "x")).isEqualTo(2);
        Path foreign = dir.resolve("foreign.json");
        Files.writeString(foreign, "{\"benchmark\": \"x\"}");
        assertThat(compare(foreign.toString(), foreign.toString())).isEqualTo(2);
        assertThat(lastOutput).contains("not a Ferrule benchmark result");
    }

    @Test
    void differentMachinesAreNoted() throws IOException {
        Path elsewhere = dir.resolve("elsewhere.json");
        Files.writeString(elsewhere, Files.readString(BUILDS).replace("\"cpus\": 2", "\"cpus\": 16"));
        assertThat(compare(BUILDS.toString(), elsewhere.toString())).isZero();
        assertThat(lastOutput).contains("the machines differ");
    }
}
