package dev.ferrule.bench.overhead;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.CommandLineOptions;

/**
 * Runs the suite with JMH's command-line options, prints the table and the targets, and writes
 * the summary JSON ({@link CallOverheadReport}).
 *
 * <pre>
 * RunBenchmarks --mode full|quick --summary &lt;file.json&gt; [JMH options]
 * </pre>
 */
public final class RunBenchmarks {

    private RunBenchmarks() {
    }

    public static void main(String[] args) throws Exception {
        String mode = "full";
        Path summary = null;
        int jmhArgs = 0;
        while (jmhArgs + 1 < args.length && args[jmhArgs].startsWith("--")) {
            switch (args[jmhArgs]) {
                case "--mode" -> mode = args[jmhArgs + 1];
                case "--summary" -> summary = Path.of(args[jmhArgs + 1]);
                default -> throw new IllegalArgumentException("Unknown option " + args[jmhArgs]
                        + "; usage: RunBenchmarks --mode full|quick --summary <file.json> [JMH options]");
            }
            jmhArgs += 2;
        }
        Map<Style, Map<Function, CallOverheadReport.Measurement>> measured = new EnumMap<>(Style.class);
        for (RunResult run : new Runner(new CommandLineOptions(Arrays.copyOfRange(args, jmhArgs, args.length)))
                .run()) {
            String benchmark = run.getParams().getBenchmark();
            Result<?> score = run.getPrimaryResult();
            for (Style style : Style.values()) {
                for (Function function : Function.values()) {
                    if (benchmark.equals(style.benchmark.getName() + "." + function.method)) {
                        measured.computeIfAbsent(style, s -> new EnumMap<>(Function.class)).put(function,
                                new CallOverheadReport.Measurement(score.getScore(), score.getScoreError()));
                    }
                }
            }
        }
        CallOverheadReport report = CallOverheadReport.of(mode, measured);
        report.print(System.out);
        if (summary != null) {
            report.write(summary);
            System.out.printf("%nSummary: %s%n", summary);
        }
    }
}
