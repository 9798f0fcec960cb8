package dev.ferrule.bench.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The numbers of a result file that a later run is held to, all lower-is-better.
 *
 * <p>Call overhead is compared as each style's ratio to a raw FFM downcall of the same function,
 * not as nanoseconds: the ratio carries over between machines and between a busy and an idle
 * one, so a regression means Ferrule (or JNA, or JNI) got slower relative to the floor. Build
 * costs have no such floor and are compared in seconds and MiB, which only holds on comparable
 * machines; the report says when the machines differ.
 */
public final class Metric {

    private Metric() {
    }

    /** Metric name to value, in file order. */
    public static Map<String, Double> of(Path file) throws IOException {
        String suite = Results.suiteOf(file);
        return switch (suite) {
            case "call-overhead" -> callOverhead(Results.readCallOverhead(file));
            case "build-costs" -> buildCosts(Results.readBuildCosts(file));
            case "call-overhead-callgrind" -> callInstructions(Results.readCallInstructions(file));
            default -> throw new IOException(file + " is a '" + suite + "' result, which has no comparison;"
                    + " known suites: call-overhead, call-overhead-callgrind, build-costs");
        };
    }

    static Map<String, Double> callOverhead(Results.CallOverhead results) {
        Map<String, Double> metrics = new LinkedHashMap<>();
        for (Results.Call call : results.results()) {
            if (!call.style().equals("raw-ffm")) {
                metrics.put(call.function() + " / " + call.style() + " (x raw FFM)", call.ratioToRawFfm());
            }
        }
        return metrics;
    }

    /**
     * Instruction counts do not move with load, so both the count and its ratio to raw FFM are
     * held: the count catches a slower JDK or toolchain, the ratio a slower safe layer.
     */
    static Map<String, Double> callInstructions(Results.CallInstructions results) {
        Map<String, Double> metrics = new LinkedHashMap<>();
        for (Results.CountedCall call : results.results()) {
            metrics.put(call.function() + " / " + call.style() + " (instructions per call)", call.instructionsPerCall());
            if (!call.style().equals("raw-ffm")) {
                metrics.put(call.function() + " / " + call.style() + " (instructions x raw FFM)", call.ratioToRawFfm());
            }
        }
        return metrics;
    }

    static Map<String, Double> buildCosts(Results.BuildCosts results) {
        Map<String, Double> metrics = new LinkedHashMap<>();
        for (Results.NoOpRebuild rebuild : results.noOpRebuild()) {
            metrics.put("no-op rebuild: " + rebuild.command() + " (median s)", rebuild.medianSeconds());
        }
        for (Results.Scaling scaling : results.scaling()) {
            String key = scaling.goal() + " @ " + scaling.functions() + " functions";
            metrics.put(key + " (s)", scaling.seconds());
            metrics.put(key + " (peak heap MiB)", scaling.peakHeapMiB());
        }
        return metrics;
    }
}
