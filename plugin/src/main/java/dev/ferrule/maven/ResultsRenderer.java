package dev.ferrule.maven;

import dev.ferrule.report.Report;
import org.apache.maven.doxia.sink.Sink;
import org.apache.maven.reporting.AbstractMavenReportRenderer;

/** Table cells the Ferrule site reports share: rule names linked to their reference entries. */
abstract class ResultsRenderer extends AbstractMavenReportRenderer {

    /** Makes a renderer writing to a given sink; tests render into a string. */
    @FunctionalInterface
    interface Factory {
        ResultsRenderer create(Sink sink);
    }

    ResultsRenderer(Sink sink) {
        super(sink);
    }

    /** A cell naming the rule, linked to its entry in the rule reference. */
    final void ruleCell(String rule, String helpAnchor) {
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
