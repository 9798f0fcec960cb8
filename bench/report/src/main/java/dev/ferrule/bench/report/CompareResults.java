package dev.ferrule.bench.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * {@code CompareResults BASELINE RUN [--threshold 0.2] [--report-only]}: prints the comparison and
 * exits 1 when a metric regressed by more than the threshold, 2 on bad input.
 */
public final class CompareResults {

    private CompareResults() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String[] args) {
        List<Path> files = new ArrayList<>();
        double threshold = 0.20;
        boolean reportOnly = false;
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--threshold" -> threshold = Double.parseDouble(args[++i]);
                    case "--report-only" -> reportOnly = true;
                    default -> files.add(Path.of(args[i]));
                }
            }
        } catch (ArrayIndexOutOfBoundsException | NumberFormatException e) {
            System.err.println("--threshold needs a fraction, such as 0.2");
            return 2;
        }
        if (files.size() != 2) {
            System.err.println("usage: CompareResults BASELINE.json RUN.json [--threshold 0.2] [--report-only]");
            return 2;
        }
        try {
            for (Path file : files) {
                if (!Files.isRegularFile(file)) {
                    throw new IOException(file + " does not exist");
                }
            }
            String baselineSuite = Results.suiteOf(files.get(0));
            String runSuite = Results.suiteOf(files.get(1));
            if (!baselineSuite.equals(runSuite)) {
                throw new IOException("The baseline is a '" + baselineSuite + "' result and the run a '" + runSuite
                        + "' result; compare like with like");
            }
            Comparison comparison = Comparison.of(Metric.of(files.get(0)), Metric.of(files.get(1)), threshold);
            System.out.println("Comparing " + files.get(1) + " with the baseline " + files.get(0) + ":");
            machineWarning(files.get(0), files.get(1));
            System.out.print(comparison.render());
            return comparison.regressions().isEmpty() || reportOnly ? 0 : 1;
        } catch (IOException | IllegalArgumentException e) {
            System.err.println(e.getMessage());
            return 2;
        }
    }

    /** Seconds from another machine mean little; say so rather than hide it. */
    private static void machineWarning(Path baseline, Path run) throws IOException {
        Results.Machine before = machine(baseline);
        Results.Machine now = machine(run);
        if (!Objects.equals(before, now)) {
            System.out.println("Note: the machines differ (" + before + " vs " + now + "); absolute times may not"
                    + " compare.");
        }
    }

    private static Results.Machine machine(Path file) throws IOException {
        return switch (Results.suiteOf(file)) {
            case "call-overhead" -> Results.readCallOverhead(file).machine();
            case "build-costs" -> Results.readBuildCosts(file).machine();
            default -> null;
        };
    }
}
