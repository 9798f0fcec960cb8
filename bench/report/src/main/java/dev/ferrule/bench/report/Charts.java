package dev.ferrule.bench.report;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The site's benchmark charts. Both use logarithmic axes: call costs span from a few nanoseconds
 * (raw FFM) to microseconds (JNA callbacks), and build costs over 100 to 10,000 functions; on
 * log-log axes linear growth is a straight line of slope one.
 */
final class Charts {

    private Charts() {
    }

    /** Grouped horizontal bars: one group per function, one bar per binding style, with error bars. */
    static String callOverhead(Results.CallOverhead results) {
        Set<String> functions = new LinkedHashSet<>();
        Set<String> styles = new LinkedHashSet<>();
        for (Results.Call call : results.results()) {
            functions.add(call.function());
            styles.add(call.style());
        }
        List<String> styleList = List.copyOf(styles);
        int barHeight = 12;
        int groupGap = 14;
        int left = 150;
        int plotWidth = 560;
        int top = 40;
        int groupHeight = styleList.size() * barHeight + groupGap;
        int plotHeight = functions.size() * groupHeight;
        int legendTop = top + plotHeight + 40;
        Svg svg = new Svg(left + plotWidth + 40, legendTop + 20 * ((styleList.size() + 2) / 3) + 10);
        LogAxis axis = LogAxis.covering(results.results().stream()
                .flatMap(c -> Stream.of(Math.max(c.nsPerOp() - c.error(), c.nsPerOp() / 2),
                        c.nsPerOp() + c.error())).toList(), left, left + plotWidth);
        svg.text(left + plotWidth / 2.0, 22, "Cost per call (ns/op, log scale; bars show 99.9% error)", "middle", 14);
        for (double tick : axis.ticks()) {
            double x = axis.position(tick);
            svg.line(x, top, x, top + plotHeight, "#dddddd", 1).text(x, top + plotHeight + 16, LogAxis.label(tick),
                    "middle", 11);
        }
        int group = 0;
        for (String function : functions) {
            double groupTop = top + group * groupHeight + groupGap / 2.0;
            svg.text(left - 8, groupTop + styleList.size() * barHeight / 2.0 + 4, function, "end", 12);
            for (Results.Call call : results.results()) {
                if (!call.function().equals(function)) {
                    continue;
                }
                int index = styleList.indexOf(call.style());
                double y = groupTop + index * barHeight;
                double end = axis.position(call.nsPerOp());
                svg.rect(left, y + 1, Math.max(1, end - left), barHeight - 2, Svg.PALETTE[index % Svg.PALETTE.length],
                        String.format(Locale.ROOT, "%s via %s: %.2f ± %.2f ns/op (%.2fx raw FFM)", function,
                                call.style(), call.nsPerOp(), call.error(), call.ratioToRawFfm()));
                double low = axis.position(Math.max(call.nsPerOp() - call.error(), axis.min()));
                double high = axis.position(call.nsPerOp() + call.error());
                svg.line(low, y + barHeight / 2.0, high, y + barHeight / 2.0, "#333333", 1);
            }
            group++;
        }
        svg.line(left, top, left, top + plotHeight, "#333333", 1);
        legend(svg, styleList, left, legendTop);
        return svg.render("Ferrule call overhead by binding style");
    }

    /** Seconds against exported functions, one line per goal. */
    static String buildScaling(Results.BuildCosts results) {
        Map<String, TreeMap<Integer, Double>> byGoal = new TreeMap<>();
        for (Results.Scaling scaling : results.scaling()) {
            byGoal.computeIfAbsent(scaling.goal(), g -> new TreeMap<>()).put(scaling.functions(), scaling.seconds());
        }
        int left = 70;
        int top = 40;
        int plotWidth = 520;
        int plotHeight = 300;
        List<String> goals = List.copyOf(byGoal.keySet());
        int legendTop = top + plotHeight + 46;
        Svg svg = new Svg(left + plotWidth + 40, legendTop + 30);
        List<Double> sizes = new ArrayList<>();
        List<Double> seconds = new ArrayList<>();
        byGoal.values().forEach(points -> points.forEach((n, s) -> {
            sizes.add(n.doubleValue());
            seconds.add(s);
        }));
        LogAxis x = LogAxis.covering(sizes, left, left + plotWidth);
        LogAxis y = LogAxis.covering(seconds, top + plotHeight, top);
        svg.text(left + plotWidth / 2.0, 22, "Goal time by crate size (seconds, log-log; Maven start included)",
                "middle", 14);
        for (double tick : x.ticks()) {
            svg.line(x.position(tick), top, x.position(tick), top + plotHeight, "#dddddd", 1)
                    .text(x.position(tick), top + plotHeight + 16, LogAxis.label(tick), "middle", 11);
        }
        for (double tick : y.ticks()) {
            svg.line(left, y.position(tick), left + plotWidth, y.position(tick), "#dddddd", 1)
                    .text(left - 6, y.position(tick) + 4, LogAxis.label(tick), "end", 11);
        }
        svg.text(left + plotWidth / 2.0, top + plotHeight + 32, "exported functions", "middle", 12);
        for (int g = 0; g < goals.size(); g++) {
            String colour = Svg.PALETTE[g % Svg.PALETTE.length];
            TreeMap<Integer, Double> points = byGoal.get(goals.get(g));
            double[] xs = points.keySet().stream().mapToDouble(n -> x.position(n)).toArray();
            double[] ys = points.values().stream().mapToDouble(y::position).toArray();
            svg.polyline(xs, ys, colour);
            int i = 0;
            for (Map.Entry<Integer, Double> point : points.entrySet()) {
                svg.circle(xs[i], ys[i], 4, colour, String.format(Locale.ROOT, "%s, %,d functions: %.2f s",
                        goals.get(g), point.getKey(), point.getValue()));
                i++;
            }
        }
        svg.line(left, top + plotHeight, left + plotWidth, top + plotHeight, "#333333", 1)
                .line(left, top, left, top + plotHeight, "#333333", 1);
        legend(svg, goals, left, legendTop);
        return svg.render("Ferrule goal time by crate size");
    }

    private static void legend(Svg svg, List<String> names, double left, double top) {
        for (int i = 0; i < names.size(); i++) {
            double x = left + (i % 3) * 190;
            double y = top + (i / 3) * 20;
            svg.rect(x, y - 10, 12, 12, Svg.PALETTE[i % Svg.PALETTE.length], null).text(x + 18, y, names.get(i),
                    "start", 12);
        }
    }

    /** A base-10 logarithmic axis from one pixel position to another (either direction). */
    record LogAxis(double min, double max, double from, double to) {

        static LogAxis covering(List<Double> values, double from, double to) {
            double low = values.stream().filter(v -> v > 0).min(Double::compare).orElse(1.0);
            double high = values.stream().max(Double::compare).orElse(10.0);
            double min = Math.pow(10, Math.floor(Math.log10(low)));
            double max = Math.pow(10, Math.ceil(Math.log10(high)));
            return new LogAxis(min, max == min ? min * 10 : max, from, to);
        }

        double position(double value) {
            double clamped = Math.max(value, min);
            double share = (Math.log10(clamped) - Math.log10(min)) / (Math.log10(max) - Math.log10(min));
            return from + share * (to - from);
        }

        List<Double> ticks() {
            List<Double> ticks = new ArrayList<>();
            for (double tick = min; tick <= max * 1.0001; tick *= 10) {
                ticks.add(tick);
            }
            return ticks;
        }

        static String label(double value) {
            return value >= 1 ? String.format(Locale.ROOT, "%,.0f", value)
                    : String.format(Locale.ROOT, "%.3f", value).replaceAll("0+$", "");
        }
    }
}
