package dev.ferrule.cargo;

/** Where the core reports progress; the Maven layer adapts it to the Mojo log. */
public interface BuildLog {

    void debug(String message);

    void info(String message);

    void warn(String message);

    void error(String message);

    /**
     * Whether every compiler warning is shown in full; otherwise a few are shown and the rest
     * summarised per lint (see {@code -Dferrule.warnings}).
     */
    default boolean allWarnings() {
        return false;
    }

    /** A log that drops everything, for callers that only want the result. */
    static BuildLog silent() {
        return new BuildLog() {
            @Override
            public void debug(String message) {
            }

            @Override
            public void info(String message) {
            }

            @Override
            public void warn(String message) {
            }

            @Override
            public void error(String message) {
            }
        };
    }
}
