package dev.ferrule.maven;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.apache.maven.doxia.sink.Sink;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.reporting.AbstractMavenReport;
import org.apache.maven.reporting.MavenReportException;

/**
 * A site page rendered from the results file that an earlier Ferrule goal of the same build
 * wrote, as JaCoCo's report reads its execution data: {@code mvn verify site} checks first and
 * publishes what it found. Reports never rebuild the crate, so a site build cannot pass or fail
 * differently from the check itself. Without a results file the page is left out, and the log
 * names the goal that writes it.
 */
abstract class ResultsReport<T> extends AbstractMavenReport {

    /** Where the checks wrote their results (the same directory as their {@code stateDirectory}). */
    @Parameter(defaultValue = "${project.build.directory}/ferrule", required = true)
    File stateDirectory;

    /**
     * What a report page is.
     *
     * @param outputPath  the page's file name without extension
     * @param resultsFile the file in {@link #stateDirectory} it renders
     * @param writerGoal  the goal that writes that file
     */
    record Page(String outputPath, String title, String description, String resultsFile, String writerGoal) {
    }

    /** Reads a results file back. */
    @FunctionalInterface
    interface Reader<T> {
        T read(Path file) throws IOException;
    }

    private final Page page;
    private final Reader<T> reader;

    ResultsReport(Page page, Reader<T> reader) {
        this.page = page;
        this.reader = reader;
    }

    @Override
    public final String getOutputPath() {
        return page.outputPath();
    }

    @Override
    public final String getName(Locale locale) {
        return page.title();
    }

    @Override
    public final String getDescription(Locale locale) {
        return page.description();
    }

    final T read(Path file) throws IOException {
        return reader.read(file);
    }

    abstract ResultsRenderer<T> renderer(Sink sink, T results, String source);

    /**
     * Maven's site plugin still calls this; {@link #getOutputPath()} names the page.
     *
     * @deprecated as in {@code MavenReport}, which keeps it for older site plugins
     */
    @Deprecated
    @Override
    public final String getOutputName() {
        return getOutputPath();
    }

    final Path resultsFile() {
        return stateDirectory.toPath().resolve(page.resultsFile());
    }

    @Override
    public boolean canGenerateReport() {
        if (Files.isRegularFile(resultsFile())) {
            return true;
        }
        getLog().info("No " + getName(Locale.ROOT) + " page: " + resultsFile() + " does not exist. " + page.writerGoal()
                + " writes it; run it in the same build, as in mvn verify site.");
        return false;
    }

    @Override
    protected void executeReport(Locale locale) throws MavenReportException {
        T results;
        try {
            results = read(resultsFile());
        } catch (IOException e) {
            throw new MavenReportException("Cannot read " + resultsFile() + ": " + e.getMessage(), e);
        }
        Path base = project.getBasedir().toPath().toAbsolutePath().normalize();
        String source = base.relativize(resultsFile().toAbsolutePath().normalize()).toString().replace('\\', '/');
        renderer(getSink(), results, source).render();
    }
}
