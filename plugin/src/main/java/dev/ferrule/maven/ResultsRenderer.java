package dev.ferrule.maven;

import dev.ferrule.report.Report;
import java.util.function.Function;
import org.apache.maven.doxia.sink.Sink;
import org.apache.maven.reporting.AbstractMavenReportRenderer;

/** What the Ferrule site reports share: the page title and the findings table, rules linked to the reference. */
abstract class ResultsRenderer<T> extends AbstractMavenReportRenderer {

    /** What the page shows. */
    final T results;
    /** The results file, relative to the project, named on the page. */
    final String source;
    private final String title;
    private final Function<String, String> helpAnchors;

    /**
     * @param helpAnchors the reference anchor of a rule name; throws IllegalArgumentException for
     *                    a rule this version does not know (results written by another version)
     */
    ResultsRenderer(Sink sink, String title, Function<String, String> helpAnchors, T results, String source) {
        super(sink);
        this.results = results;
        this.source = source;
        this.title = title;
        this.helpAnchors = helpAnchors;
    }

    @Override
    public final String getTitle() {
        return title;
    }

    /** A cell naming the rule, linked to its entry in the rule reference when it has one. */
    final void ruleCell(String rule) {
        String helpAnchor;
        try {
            helpAnchor = helpAnchors.apply(rule);
        } catch (IllegalArgumentException unknownToThisVersion) {
            helpAnchor = null;
        }
        sink.tableCell();
        if (helpAnchor == null) {
            sink.text(rule);
        } else {
            sink.link(Report.DOCS_URL + helpAnchor);
            sink.text(rule);
            sink.link_();
        }
        sink.tableCell_();
    }

    /** The findings table's header; its columns are those of {@link #findingRow}. */
    final void findingHeader(String level, String message) {
        tableHeader(new String[] {"Status", level, "Rule", "Item", message, "Where"});
    }

    /** One difference or finding: what became of it, how severe, its rule, what and where. */
    final void findingRow(String status, String level, String rule, String item, String message, String file,
            Integer line) {
        sink.tableRow();
        textCell(status);
        textCell(level);
        ruleCell(rule);
        textCell(item);
        textCell(message);
        textCell(file == null ? "" : line == null ? file : file + ":" + line);
        sink.tableRow_();
    }

    final void textCell(String text) {
        sink.tableCell();
        if (text != null) {
            sink.text(text);
        }
        sink.tableCell_();
    }
}
