package dev.ferrule.audit;

import dev.ferrule.report.Report;

/** The lowest level of an unsuppressed finding that fails the build. */
public enum FailLevel {
    ERROR, WARNING, NOTE, NONE;

    public boolean fails(Report.Level level) {
        return switch (this) {
            case ERROR -> level == Report.Level.ERROR;
            case WARNING -> level != Report.Level.NOTE;
            case NOTE -> true;
            case NONE -> false;
        };
    }
}
