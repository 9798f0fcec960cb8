package dev.ferrule.maven;

import dev.ferrule.abi.ExtractedAbi;
import dev.ferrule.abi.FingerprintedBuild;
import dev.ferrule.cargo.CargoBuildRequest;
import dev.ferrule.diff.AbiChecker;
import dev.ferrule.diff.CheckException;
import dev.ferrule.diff.CheckReports;
import dev.ferrule.diff.CheckResult;
import dev.ferrule.diff.FailOn;
import dev.ferrule.diff.FailPolicy;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Compares the crate's current C ABI with the snapshot committed in {@code src/main/abi/} for the
 * same target and feature set, and fails the build on a breaking change that is neither
 * accepted nor announced by the crate's version. Writes {@code abi-diff.json}, SARIF,
 * {@code abi-diff.md} and JUnit XML to {@code target/ferrule/}.
 */
@Mojo(name = "check-abi", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class CheckAbiMojo extends AbstractCargoMojo {

    /** Where snapshots and {@code accepted.json} live. */
    @Parameter(property = "ferrule.abiDirectory", defaultValue = "${project.basedir}/src/main/abi")
    File abiDirectory;

    /**
     * The lowest severity of a change to the C ABI (the binary axis) that fails the build:
     * BREAKING, POTENTIALLY_BREAKING or NONE.
     */
    @Parameter(property = "ferrule.abi.failOn", defaultValue = "BREAKING")
    FailOn failOn;

    /**
     * The lowest severity of a change to the generated Java API (the source axis) that fails the
     * build: BREAKING, POTENTIALLY_BREAKING or NONE. A renamed record field breaks Java source
     * but not the C ABI.
     */
    @Parameter(property = "ferrule.abi.failOnSource", defaultValue = "BREAKING")
    FailOn failOnSource;

    /** Accept every difference for this run only, with the reason given. Loudly reported. */
    @Parameter(property = "ferrule.abi.acceptBreaking")
    String acceptBreaking;

    @Parameter(defaultValue = "${plugin.version}", readonly = true)
    String pluginVersion;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Skipping ferrule:check-abi (ferrule.skip=true).");
            return;
        }
        CargoBuildRequest request = toRequest();
        FingerprintedBuild.Result built = buildAndExtract(request);
        List<ExtractedAbi> abis = built.abis();
        Path base = baseDirectory.toPath().toAbsolutePath().normalize();
        String prefix = base.relativize(request.crateDir()).toString().replace('\\', '/') + "/";
        if (acceptBreaking != null) {
            getLog().warn("*****************************************************************");
            getLog().warn("ferrule.abi.acceptBreaking is set: EVERY ABI difference is accepted");
            getLog().warn("for this run. Reason given: " + acceptBreaking);
            getLog().warn("*****************************************************************");
        }
        AbiChecker.Outcome outcome;
        try {
            outcome = AbiChecker.check(abis, built.build().crate().ferruleMetadata(), new AbiChecker.Config(
                    abiDirectory.toPath(), stateDirectory.toPath(), base, prefix, new FailPolicy(failOn, failOnSource),
                    acceptBreaking, pluginVersion));
        } catch (CheckException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        }
        for (CheckReports.MissingBaseline missing : outcome.missing()) {
            getLog().warn("No ABI snapshot " + missing.expectedFile() + " yet, so there is nothing to compare"
                    + " (first release of this target and feature set). Create it with:");
            getLog().warn("  " + missing.command() + "  and commit " + missing.expectedFile());
        }
        outcome.notCompared().forEach(name -> getLog().info("Not compared (other target or feature set): " + name));
        for (CheckResult result : outcome.results()) {
            for (String line : CheckReports.console(result, prefix)) {
                if (result.failed()) {
                    getLog().error(line);
                } else {
                    getLog().info(line);
                }
            }
        }
        getLog().info("Compared " + outcome.results().size() + " snapshot(s) in " + outcome.compareMillis() + " ms");
        getLog().info("ABI reports: " + base.relativize(stateDirectory.toPath().toAbsolutePath().normalize()
                .resolve(CheckReports.MARKDOWN_FILE)) + " (also .json, .sarif, JUnit XML)");
        if (outcome.failed()) {
            throw new MojoFailureException("The ABI or the Java API changed incompatibly; see the report above and "
                    + CheckReports.MARKDOWN_FILE + ". Restore compatibility, accept the change in "
                    + AbiChecker.ACCEPTANCES_FILE + " with a reason, or bump the crate's version as required.");
        }
    }
}
