package dev.ferrule.maven;

import dev.ferrule.cargo.BuildLog;
import org.apache.maven.plugin.logging.Log;

/** Sends the core's messages to the Mojo log, one Maven log line per text line. */
final class MavenBuildLog implements BuildLog {

    private final Log log;

    MavenBuildLog(Log log) {
        this.log = log;
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
