package dev.ferrule.report;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A Markdown report, ready to paste into a pull request comment. */
public final class MarkdownWriter {

    private MarkdownWriter() {
    }

    public static byte[] write(Report report) {
        StringBuilder out = new StringBuilder("## ").append(report.title()).append("\n\n");
        report.notes().forEach(note -> out.append(note).append("\n\n"));
        Map<String, List<Report.Item>> byGroup = new TreeMap<>();
        report.items().forEach(i -> byGroup.computeIfAbsent(i.group(), g -> new ArrayList<>()).add(i));
        if (report.items().isEmpty()) {
            out.append("No differences.\n");
        }
        Map<String, Report.Rule> rules = new TreeMap<>();
        report.rules().forEach(r -> rules.put(r.id(), r));
        for (Map.Entry<String, List<Report.Item>> group : byGroup.entrySet()) {
            out.append("### ").append(group.getKey()).append("\n\n")
                    .append("| | rule | item | change | where | status |\n")
                    .append("| --- | --- | --- | --- | --- | --- |\n");
            for (Report.Item item : group.getValue()) {
                out.append("| ").append(badge(item.level())).append(" | `").append(item.ruleId()).append("` | `")
                        .append(cell(item.item())).append("` | ").append(cell(item.message())).append(" | ")
                        .append(item.file() == null ? "" : "`" + item.file() + ":" + item.line() + "`").append(" | ")
                        .append(item.status()).append(item.suppression() == null ? "" : ": " + cell(item.suppression()))
                        .append(" |\n");
            }
            out.append('\n');
            List<String> fixes = group.getValue().stream().filter(Report.Item::failing).map(Report.Item::ruleId)
                    .distinct().sorted().toList();
            if (!fixes.isEmpty()) {
                out.append("How to fix:\n\n");
                for (String id : fixes) {
                    Report.Rule rule = rules.get(id);
                    if (rule != null) {
                        out.append("- `").append(id).append("`: ").append(rule.fix()).append('\n');
                    }
                }
                out.append('\n');
            }
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String badge(Report.Level level) {
        return switch (level) {
            case ERROR -> "**breaking**";
            case WARNING -> "*potentially breaking*";
            case NOTE -> "compatible";
        };
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }
}
