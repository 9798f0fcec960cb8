package dev.ferrule.maven;

import dev.ferrule.cargo.BuildLog;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.logging.Log;

/** Sends the core's messages to the Mojo log, one Maven log line per text line. */
final class MavenBuildLog implements BuildLog {

    private final Log log;
    private final boolean allWarnings;

    MavenBuildLog(Log log) {
        this(log, false);
    }

    MavenBuildLog(Log log, boolean allWarnings) {
        this.log = log;
        this.allWarnings = allWarnings;
    }

    /** Reads {@code -Dferrule.warnings}: {@code summary} (the default) or {@code all}. */
    static boolean showsAllWarnings(String mode) throws MojoExecutionException {
        if (mode == null || mode.isBlank() || mode.strip().equals("summary")) {
            return false;
        }
        if (mode.strip().equals("all")) {
            return true;
        }
        throw new MojoExecutionException("-Dferrule.warnings=" + mode + " is not a choice: use summary (the first"
                + " few warnings, the rest counted per lint) or all (every warning in full).");
    }

    @Override
    public boolean allWarnings() {
        return allWarnings || log.isDebugEnabled();
    }

    @Override
    public void debug(String message) {
        message.lines().forEach(log::debug);
    }

    @Override
    public void info(String message) {
        message.lines().forEach(log::info);
    }

    @Override
    public void warn(String message) {
        message.lines().forEach(log::warn);
    }

    @Override
    public void error(String message) {
        message.lines().forEach(log::error);
    }
}
