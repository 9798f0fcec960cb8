package dev.ferrule.maven;

import dev.ferrule.cargo.CargoException;
import dev.ferrule.rusttest.CargoTestRunner;
import dev.ferrule.rusttest.RustTestRun;
import java.io.File;
import java.util.List;
import java.util.Locale;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Runs the crate's {@code cargo test} with the configured features, and with
 * {@code <sanitize>address</sanitize>} once more under AddressSanitizer. Results go to
 * Surefire's reports directory as JUnit XML, so one report shows both languages; a failing or
 * crashing Rust test fails the build with its name and output.
 */
@Mojo(name = "test", defaultPhase = LifecyclePhase.TEST, threadSafe = true)
public class TestMojo extends AbstractCargoMojo {

    /** {@code none}, or {@code address} for an extra AddressSanitizer run. */
    @Parameter(property = "ferrule.sanitize", defaultValue = "none")
    String sanitize;

    /** Arguments for the test binaries, after {@code --}: a name filter, {@code --include-ignored}, ... */
    @Parameter
    List<String> testArgs;

    /** Where the JUnit XML goes; Surefire's directory by default. */
    @Parameter(defaultValue = "${project.build.directory}/surefire-reports", required = true)
    File reportsDirectory;

    /** Maven's usual switch: skip the Rust tests along with the Java ones. */
    @Parameter(property = "skipTests", defaultValue = "false")
    boolean skipTests;

    /** Maven's usual switch for not even compiling tests. */
    @Parameter(property = "maven.test.skip", defaultValue = "false")
    boolean mavenTestSkip;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip || skipTests || mavenTestSkip) {
            getLog().info("Skipping ferrule:test.");
            return;
        }
        CargoTestRunner.Sanitizer sanitizer;
        try {
            sanitizer = CargoTestRunner.Sanitizer.valueOf(sanitize.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException("<sanitize> is '" + sanitize + "'; use none or address.", e);
        }
        List<RustTestRun> runs;
        try {
            runs = new CargoTestRunner(buildLog()).run(toRequest(), sanitizer,
                    testArgs == null ? List.of() : testArgs, reportsDirectory.toPath());
        } catch (CargoException e) {
            MojoErrors.rethrow(e);
            throw new IllegalStateException("unreachable", e);
        }
        if (runs.stream().anyMatch(run -> !run.passed())) {
            throw new MojoFailureException("Rust tests failed:" + CargoTestRunner.summary(runs));
        }
    }
}
