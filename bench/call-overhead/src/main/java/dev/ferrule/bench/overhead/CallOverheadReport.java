package dev.ferrule.bench.overhead;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The suite's summary: for each function and style the mean time per call, JMH's error, and the
 * ratio to raw-ffm, plus the targets for ferrule-safe. Written as
 * {@code bench/results/call-overhead[-quick].json}, the format the chart and compare tools read,
 * and printed as a table.
 *
 * @param mode {@code full} or {@code quick}
 * @param date when the run finished, UTC, to the second
 * @param jdk the JDK that ran the benchmarks, for example {@code 25.0.3+9}
 * @param rustc what {@code rustc --version} says
 */
@JsonPropertyOrder({"suite", "mode", "date", "machine", "jdk", "rustc", "results", "targets"})
record CallOverheadReport(String suite, String mode, String date, Machine machine, String jdk, String rustc,
        List<Result> results, List<Target> targets) {

    static final String SUITE = "call-overhead";

    /** JMH's score for one benchmark: mean ns/op and the half-width of its 99.9% confidence interval. */
    record Measurement(double nsPerOp, double error) {
    }

    @JsonPropertyOrder({"os", "arch", "cpus", "cpuModel", "memoryMiB"})
    record Machine(String os, String arch, int cpus, String cpuModel, long memoryMiB) {

        static Machine current() {
            return new Machine(System.getProperty("os.name") + " " + System.getProperty("os.version"),
                    System.getProperty("os.arch"), Runtime.getRuntime().availableProcessors(),
                    procField("/proc/cpuinfo", "model name").orElse("unknown"),
                    procField("/proc/meminfo", "MemTotal").map(kib -> Long.parseLong(kib.split("\\s+")[0]) / 1024)
                            .orElse(0L));
        }

        /** The value after {@code name:} on the first line of a Linux /proc file that has it. */
        private static Optional<String> procField(String file, String name) {
            try {
                return Files.readAllLines(Path.of(file), StandardCharsets.UTF_8).stream()
                        .filter(line -> line.startsWith(name) && line.indexOf(':') > 0)
                        .map(line -> line.substring(line.indexOf(':') + 1).strip()).findFirst();
            } catch (IOException e) {
                return Optional.empty();
            }
        }
    }

    /**
     * @param error         JMH's {@code scoreError}; null when JMH could not compute it (one iteration)
     * @param ratioToRawFfm {@code nsPerOp} over raw-ffm's for the same function; null without raw-ffm
     */
    @JsonPropertyOrder({"function", "style", "nsPerOp", "error", "ratioToRawFfm"})
    record Result(String function, String style, double nsPerOp, Double error, Double ratioToRawFfm) {
    }

    @JsonPropertyOrder({"name", "met", "value", "limit"})
    record Target(String name, boolean met, double value, double limit) {
    }

    static CallOverheadReport of(String mode, Map<Style, Map<Function, Measurement>> measured) {
        List<Result> results = new ArrayList<>();
        for (Function function : Function.values()) {
            Optional<Double> raw = nsPerOp(measured, Style.RAW_FFM, function);
            for (Style style : Style.values()) {
                Measurement measurement = measured.getOrDefault(style, Map.of()).get(function);
                if (measurement != null) {
                    results.add(new Result(function.id, style.id, round(measurement.nsPerOp(), 2),
                            Double.isFinite(measurement.error()) ? round(measurement.error(), 2) : null,
                            raw.map(r -> round(measurement.nsPerOp() / r, 3)).orElse(null)));
                }
            }
        }
        return new CallOverheadReport(SUITE, mode, Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(),
                Machine.current(), runningJdk(), rustcVersion(), results, targets(measured));
    }

    /**
     * The targets, each per function so that no function hides behind an average:
     * ferrule-safe within 1.2x of raw FFM on noop, add and the handle method and within 1.3x on the
     * string round trip and the callback, faster than JNI on the critical leaf calls, at least 10x faster than
     * JNA, and no slower than JNI (mean against mean); and the same functions written with
     * {@code #[expose]} no slower than with {@code export!}.
     */
    private static List<Target> targets(Map<Style, Map<Function, Measurement>> measured) {
        List<Target> targets = new ArrayList<>();
        for (Function function : List.of(Function.NOOP, Function.ADD, Function.HANDLE_METHOD)) {
            ratio(measured, Style.FERRULE_SAFE, Style.RAW_FFM, function).ifPresent(ratio -> targets.add(
                    atMost("ferrule-safe within 1.2x of raw FFM (" + function.id + ")", ratio, 1.2)));
        }
        for (Function function : List.of(Function.STRING_ROUND_TRIP, Function.CALLBACK)) {
            ratio(measured, Style.FERRULE_SAFE, Style.RAW_FFM, function).ifPresent(ratio -> targets.add(
                    atMost("ferrule-safe within 1.3x of raw FFM (" + function.id + ")", ratio, 1.3)));
        }
        // Leaf calls beat JNI: the critical add against JNI's add, the in-place checksum against
        // JNI's (JNI has no critical call, so its critical rows run its ordinary glue).
        for (Function function : List.of(Function.ADD_CRITICAL, Function.CHECKSUM_1K_CRITICAL)) {
            ratio(measured, Style.FERRULE_SAFE, Style.JNI, function).ifPresent(ratio -> targets.add(
                    new Target("ferrule-safe faster than JNI (" + function.id + ")", ratio < 1.0, round(ratio, 3),
                            1.0)));
        }
        for (Function function : Function.values()) {
            ratio(measured, Style.JNA_DIRECT, Style.FERRULE_SAFE, function).ifPresent(speedup -> targets.add(
                    new Target("ferrule-safe at least 10x faster than JNA (" + function.id + ")", speedup >= 10,
                            round(speedup, 3), 10)));
        }
        for (Function function : Function.values()) {
            ratio(measured, Style.FERRULE_SAFE, Style.JNI, function).ifPresent(ratio -> targets.add(
                    atMost("ferrule-safe no slower than JNI (" + function.id + ")", ratio, 1.0)));
        }
        for (Function function : Function.values()) {
            ratio(measured, Style.FERRULE_EXPOSED, Style.FERRULE_SAFE, function).ifPresent(ratio -> targets.add(
                    atMost("ferrule-exposed no slower than ferrule-safe (" + function.id + ")", ratio, 1.0)));
        }
        return targets;
    }

    private static Target atMost(String name, double value, double limit) {
        return new Target(name, value <= limit, round(value, 3), limit);
    }

    private static Optional<Double> ratio(Map<Style, Map<Function, Measurement>> measured, Style numerator,
            Style denominator, Function function) {
        return nsPerOp(measured, numerator, function)
                .flatMap(n -> nsPerOp(measured, denominator, function).map(d -> n / d));
    }

    private static Optional<Double> nsPerOp(Map<Style, Map<Function, Measurement>> measured, Style style,
            Function function) {
        return Optional.ofNullable(measured.getOrDefault(style, Map.of()).get(function)).map(Measurement::nsPerOp);
    }

    private static double round(double value, int decimals) {
        double scale = Math.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }

    /** {@code 25.0.3+9}: the version numbers and the build, without the vendor's suffix. */
    private static String runningJdk() {
        Runtime.Version version = Runtime.version();
        return version.version().stream().map(String::valueOf).collect(Collectors.joining("."))
                + version.build().map(build -> "+" + build).orElse("");
    }

    private static String rustcVersion() {
        try {
            Process process = new ProcessBuilder("rustc", "--version").redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            return process.waitFor() == 0 ? output : "unknown (rustc --version failed: " + output + ")";
        } catch (IOException e) {
            return "unknown (no rustc on PATH)";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown (interrupted)";
        }
    }

    void write(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter(Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER))
                .withArrayIndenter(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE);
        Files.writeString(file, new ObjectMapper().writer(printer).writeValueAsString(this) + "\n");
    }

    void print(PrintStream out) {
        out.printf("%nCall overhead by binding style (%s run): mean ns/op ± 99.9%% confidence half-width,"
                + " and the ratio to raw-ffm%n%n", mode);
        out.printf("%-18s %-26s %10s   %8s  %9s%n", "function", "style", "ns/op", "± error", "x raw-ffm");
        String previous = "";
        for (Result result : results) {
            out.printf("%-18s %-26s %10.2f ± %8s  %9s%n", result.function().equals(previous) ? "" : result.function(),
                    result.style(), result.nsPerOp(), result.error() == null ? "?" : String.format("%.2f",
                            result.error()), result.ratioToRawFfm() == null ? "" : String.format("%.2f",
                            result.ratioToRawFfm()));
            previous = result.function();
        }
        long met = targets.stream().filter(Target::met).count();
        out.printf("%nTargets (%d of %d met):%n", met, targets.size());
        for (Target target : targets) {
            out.printf("  %-7s %-62s %8.3f  (limit %s)%n", target.met() ? "met" : "MISSED", target.name(),
                    target.value(), target.limit());
        }
    }
}
