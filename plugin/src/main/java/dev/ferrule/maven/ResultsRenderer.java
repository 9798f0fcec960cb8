package dev.ferrule.maven;

import dev.ferrule.report.Report;
import java.util.function.Function;
import org.apache.maven.doxia.sink.Sink;
import org.apache.maven.reporting.AbstractMavenReportRenderer;

/** Table cells the Ferrule site reports share: rule names linked to their reference entries. */
abstract class ResultsRenderer<T> extends AbstractMavenReportRenderer {

    /** Makes a renderer writing to a given sink; tests render into a string. */
    @FunctionalInterface
    interface Factory {
        ResultsRenderer<?> create(Sink sink);
    }

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

    final void textCell(String text) {
        sink.tableCell();
        if (text != null) {
            sink.text(text);
        }
        sink.tableCell_();
    }

    static String where(String file, Integer line) {
        if (file == null) {
            return "";
        }
        return line == null ? file : file + ":" + line;
    }
}
