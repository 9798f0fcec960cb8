package dev.ferrule.bench.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A run held against a baseline, metric by metric: a metric regressed when it grew by more than
 * the threshold as a fraction of the baseline value (0.20: more than 20% worse).
 */
public record Comparison(List<Row> rows, List<String> onlyInBaseline, List<String> onlyInRun, double threshold) {

    /** One metric in both files. */
    public record Row(String metric, double baseline, double run) {

        /** The run's value as a multiple of the baseline's. */
        public double ratio() {
            return baseline == 0 ? (run == 0 ? 1 : Double.POSITIVE_INFINITY) : run / baseline;
        }
    }

    public static Comparison of(Map<String, Double> baseline, Map<String, Double> run, double threshold) {
        if (!(threshold > 0)) {
            throw new IllegalArgumentException("The threshold must be a positive fraction, such as 0.2; got "
                    + threshold);
        }
        List<Row> rows = new ArrayList<>();
        List<String> onlyInBaseline = new ArrayList<>();
        baseline.forEach((metric, value) -> {
            Double now = run.get(metric);
            if (now == null) {
                onlyInBaseline.add(metric);
            } else {
                rows.add(new Row(metric, value, now));
            }
        });
        List<String> onlyInRun = run.keySet().stream().filter(m -> !baseline.containsKey(m)).toList();
        return new Comparison(List.copyOf(rows), List.copyOf(onlyInBaseline), onlyInRun, threshold);
    }

    public boolean regressed(Row row) {
        return row.ratio() > 1 + threshold;
    }

    public List<Row> regressions() {
        return rows.stream().filter(this::regressed).toList();
    }

    /** A plain-text table, worst change first, then the metrics only one side has. */
    public String render() {
        StringBuilder text = new StringBuilder();
        int width = rows.stream().mapToInt(r -> r.metric().length()).max().orElse(6);
        text.append(String.format(Locale.ROOT, "%-" + width + "s  %12s  %12s  %8s%n", "metric", "baseline", "run",
                "change"));
        rows.stream().sorted((a, b) -> Double.compare(b.ratio(), a.ratio())).forEach(row -> text.append(
                String.format(Locale.ROOT, "%-" + width + "s  %12.3f  %12.3f  %+7.1f%%%s%n", row.metric(),
                        row.baseline(), row.run(), (row.ratio() - 1) * 100,
                        regressed(row) ? "  REGRESSION" : "")));
        onlyInBaseline.forEach(m -> text.append("missing from the run: ").append(m).append('\n'));
        onlyInRun.forEach(m -> text.append("new in the run (no baseline): ").append(m).append('\n'));
        List<Row> regressions = regressions();
        text.append(String.format(Locale.ROOT, "%d of %d metrics regressed by more than %.0f%%.%n",
                regressions.size(), rows.size(), threshold * 100));
        return text.toString();
    }
}
