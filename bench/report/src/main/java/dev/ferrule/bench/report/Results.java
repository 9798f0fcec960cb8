package dev.ferrule.bench.report;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** The result files of the benchmark suites in {@code bench/results/}, as the run scripts write them. */
public final class Results {

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private Results() {
    }

    /** Where and with what a suite ran; differences between two runs make a comparison suspect. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Machine(String os, String arch, int cpus, String cpuModel, long memoryMiB) {
    }

    /** One function through one binding style. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Call(String function, String style, double nsPerOp, double error, double ratioToRawFfm) {
    }

    /** A stated performance target and whether the run met it. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Target(String name, boolean met, double value, double limit) {
    }

    /** {@code call-overhead[-quick].json}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record CallOverhead(String suite, String mode, String date, Machine machine, String jdk, String rustc,
            List<Call> results, List<Target> targets) {
    }

    /** Repeated timings of one command that should find nothing to do. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record NoOpRebuild(String command, double medianSeconds, double minSeconds, int runs) {
    }

    /** One goal on one synthetic crate size. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Scaling(int functions, int structs, String goal, double seconds, double peakHeapMiB) {
    }

    /** {@code build-costs[-quick].json}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record BuildCosts(String suite, String mode, String date, Machine machine, String jdk, String mavenJdk,
            String rustc, List<NoOpRebuild> noOpRebuild, List<Scaling> scaling) {
    }

    /** Instructions of one call, counted by callgrind. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record CountedCall(String function, String style, double instructionsPerCall, double ratioToRawFfm) {
    }

    /** {@code call-overhead-callgrind[-quick].json}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record CallInstructions(String suite, String mode, String date, Machine machine, String jdk,
            List<CountedCall> results) {
    }

    /** The suite a result file belongs to, from its {@code suite} field. */
    public static String suiteOf(Path file) throws IOException {
        JsonNode suite = JSON.readTree(file.toFile()).get("suite");
        if (suite == null || !suite.isTextual()) {
            throw new IOException(file + " has no \"suite\" field; it is not a Ferrule benchmark result");
        }
        return suite.asText();
    }

    public static CallOverhead readCallOverhead(Path file) throws IOException {
        return JSON.readValue(file.toFile(), CallOverhead.class);
    }

    public static CallInstructions readCallInstructions(Path file) throws IOException {
        return JSON.readValue(file.toFile(), CallInstructions.class);
    }

    public static BuildCosts readBuildCosts(Path file) throws IOException {
        return JSON.readValue(file.toFile(), BuildCosts.class);
    }
}
