package dev.ferrule.bench.calls;

import java.util.Map;
import java.util.TreeMap;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.CommandLineOptions;

/**
 * Runs the benchmarks with JMH's command-line options, then prints each safe call's time as a
 * ratio of the raw {@code invokeExact} of the same function.
 */
public final class RunBenchmarks {

    private RunBenchmarks() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, Double> scores = new TreeMap<>();
        for (RunResult result : new Runner(new CommandLineOptions(args)).run()) {
            String label = result.getParams().getBenchmark();
            scores.put(label.substring(label.lastIndexOf('.') + 1), result.getPrimaryResult().getScore());
        }
        System.out.println();
        for (String group : new String[] {"trivial", "counterAdd"}) {
            Double raw = scores.get(group + "RawInvokeExact");
            if (raw == null) {
                continue;
            }
            scores.forEach((name, score) -> {
                if (name.startsWith(group)) {
                    System.out.printf("%-26s %8.2f ns/op  %5.2fx raw invokeExact%n", name, score, score / raw);
                }
            });
        }
    }
}
