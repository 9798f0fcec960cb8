package dev.ferrule.cargo;

import java.util.ArrayList;
import java.util.List;

/** Keeps every log line, prefixed with its level, so tests can assert on what users see. */
public final class RecordingLog implements BuildLog {

    public final List<String> lines = new ArrayList<>();
    /** What {@link #allWarnings()} answers: -Dferrule.warnings=all. */
    public boolean allWarnings;

    @Override
    public boolean allWarnings() {
        return allWarnings;
    }

    @Override
    public void debug(String message) {
        lines.add("DEBUG " + message);
    }

    @Override
    public void info(String message) {
        lines.add("INFO " + message);
    }

    @Override
    public void warn(String message) {
        lines.add("WARN " + message);
    }

    @Override
    public void error(String message) {
        lines.add("ERROR " + message);
    }

    public String all() {
        return String.join("\n", lines);
    }
}
