package dev.ferrule.maven;

import dev.ferrule.abi.AbiException;
import dev.ferrule.abi.FingerprintedBuild;
import dev.ferrule.cargo.BuildOutcome;
import dev.ferrule.cargo.CargoBuildRequest;
import dev.ferrule.cargo.CargoException;
import dev.ferrule.cargo.FeatureSelection;
import dev.ferrule.cargo.UnsafeFeaturePolicy;
import java.io.File;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * The cargo parameters every Ferrule goal shares, and their translation into a core request.
 * Goals that need a built library run the (incremental) build first, so they always see the
 * library that the current sources and configuration produce.
 */
abstract class AbstractCargoMojo extends AbstractMojo {

    /** The crate to build: the directory that holds its {@code Cargo.toml}. */
    @Parameter(property = "ferrule.crateDir", defaultValue = "${project.basedir}/src/main/rust")
    File crateDir;

    /** Cargo features to enable. On the command line: {@code -Dferrule.features=a,b}. */
    @Parameter(property = "ferrule.features")
    List<String> features;

    /** Turn off the crate's {@code default} feature. */
    @Parameter(property = "ferrule.noDefaultFeatures", defaultValue = "false")
    boolean noDefaultFeatures;

    /** Enable every feature of the crate. Cannot be combined with {@code features} or {@code noDefaultFeatures}. */
    @Parameter(property = "ferrule.allFeatures", defaultValue = "false")
    boolean allFeatures;

    /** The cargo profile: {@code release}, {@code dev}, or a custom profile from Cargo.toml. */
    @Parameter(property = "ferrule.profile", defaultValue = "release")
    String profile;

    /** Target triples to build for; empty means the host. Each must be installed ({@code rustup target add}). */
    @Parameter(property = "ferrule.targets")
    List<String> targets;

    /** More arguments for {@code cargo build}; flags that Ferrule sets itself are refused. */
    @Parameter
    List<String> extraArgs;

    /** Environment variables for cargo and rustc only; the Maven JVM's own environment is unchanged. */
    @Parameter
    Map<String, String> env;

    /** Glob that marks a cargo feature as risky. */
    @Parameter(property = "ferrule.unsafePattern", defaultValue = UnsafeFeaturePolicy.DEFAULT_PATTERN)
    String unsafePattern;

    /** Risky features a release may enable, each with a required {@code <reason>}. */
    @Parameter
    List<AllowUnsafeFeature> allowUnsafeFeatures;

    /**
     * Treat this build as a release. When unset, a project version without {@code -SNAPSHOT} is a
     * release.
     */
    @Parameter(property = "ferrule.release")
    Boolean release;

    /** cargo's {@code --target-dir}. */
    @Parameter(property = "ferrule.cargoTargetDir", defaultValue = "${project.build.directory}/cargo")
    File cargoTargetDir;

    /** Where {@code META-INF/native} is written; the jar is made from here. */
    @Parameter(defaultValue = "${project.build.outputDirectory}", required = true)
    File outputDirectory;

    /** Where Ferrule keeps its incremental state. */
    @Parameter(defaultValue = "${project.build.directory}/ferrule", required = true)
    File stateDirectory;

    /** Skip the goal. */
    @Parameter(property = "ferrule.skip", defaultValue = "false")
    boolean skip;

    /**
     * How rustc's warnings are shown: {@code summary} shows the first few with file and line and
     * counts the rest per lint; {@code all} shows every one in full (as {@code mvn -X} does).
     * Errors are always shown in full.
     */
    @Parameter(property = "ferrule.warnings", defaultValue = "summary")
    String warnings;

    @Parameter(defaultValue = "${project.version}", readonly = true, required = true)
    String projectVersion;

    @Parameter(defaultValue = "${project.basedir}", readonly = true, required = true)
    File baseDirectory;

    /** Builds (incrementally) and extracts the ABI of every library the build produced. */
    FingerprintedBuild.Result buildAndExtract(CargoBuildRequest request) throws MojoExecutionException,
            MojoFailureException {
        try {
            FingerprintedBuild.Result result = new FingerprintedBuild(buildLog()).buildAndExtract(request);
            logBuild(result.build());
            return result;
        } catch (AbiException e) {
            throw new MojoFailureException(e.getMessage(), e);
        } catch (CargoException e) {
            MojoErrors.rethrow(e);
            throw new IllegalStateException("unreachable", e);
        }
    }

    /** Runs {@code ferrule:build}'s work and logs its summary. */
    BuildOutcome runBuild(CargoBuildRequest request) throws MojoExecutionException, MojoFailureException {
        try {
            BuildOutcome outcome = new FingerprintedBuild(buildLog()).build(request);
            logBuild(outcome);
            return outcome;
        } catch (CargoException e) {
            MojoErrors.rethrow(e);
            throw new IllegalStateException("unreachable", e);
        }
    }

    /** The core's log, with this goal's choice of how compiler warnings are shown. */
    MavenBuildLog buildLog() throws MojoExecutionException {
        return new MavenBuildLog(getLog(), MavenBuildLog.showsAllWarnings(warnings));
    }

    private void logBuild(BuildOutcome outcome) {
        getLog().info("Ferrule packaged " + outcome.libraries().size() + " native librar"
                + (outcome.libraries().size() == 1 ? "y" : "ies") + " of " + outcome.crateName() + " "
                + outcome.crateVersion() + (outcome.cargoSkipped() ? " (cargo skipped: inputs unchanged)." : "."));
    }

    CargoBuildRequest toRequest() throws MojoExecutionException {
        Map<String, String> allowed = new LinkedHashMap<>();
        for (AllowUnsafeFeature allowance : nonNull(allowUnsafeFeatures)) {
            if (allowance.getName() == null || allowance.getName().isBlank()) {
                throw new MojoExecutionException("An <allowUnsafeFeature> has no <name>.");
            }
            allowed.put(allowance.getName().strip(), allowance.getReason() == null ? "" : allowance.getReason().strip());
        }
        boolean isRelease = release != null ? release : !projectVersion.endsWith("-SNAPSHOT");
        return new CargoBuildRequest(
                crateDir.toPath(),
                cargoTargetDir.toPath(),
                outputDirectory.toPath(),
                stateDirectory.toPath(),
                baseDirectory.toPath(),
                new FeatureSelection(nonNull(features), noDefaultFeatures, allFeatures),
                profile,
                nonNull(targets),
                nonNull(extraArgs),
                env == null ? Map.of() : env,
                unsafePattern,
                allowed,
                isRelease);
    }

    private static <T> List<T> nonNull(List<T> list) {
        return list == null ? List.of() : list;
    }
}
