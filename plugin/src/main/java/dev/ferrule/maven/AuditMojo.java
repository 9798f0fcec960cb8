package dev.ferrule.maven;

import dev.ferrule.abi.ExtractedAbi;
import dev.ferrule.abi.FingerprintedBuild;
import dev.ferrule.audit.AuditException;
import dev.ferrule.audit.AuditReports;
import dev.ferrule.audit.Auditor;
import dev.ferrule.audit.ClippyLints;
import dev.ferrule.audit.FailLevel;
import dev.ferrule.audit.LockFiles;
import dev.ferrule.audit.ProjectRoots;
import dev.ferrule.cargo.CargoBuildRequest;
import dev.ferrule.cargo.CargoException;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Reviews the crate's Rust boundary for FFI-safety and supply-chain risks: how exports are
 * guarded, which types and pointers cross, Cargo configuration, Cargo.lock, secrets, and
 * FFI-related clippy lints. Writes {@code audit.json} and {@code audit.sarif} (for code scanning
 * on pull requests) to {@code target/ferrule/}, and fails the build at {@code failOn}.
 */
@Mojo(name = "audit", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class AuditMojo extends AbstractCargoMojo {

    /** The lowest level of an unsuppressed finding that fails the build: ERROR, WARNING, NOTE or NONE. */
    @Parameter(property = "ferrule.audit.failOn", defaultValue = "ERROR")
    FailLevel failOn;

    /** Suppressions for findings without a line of their own (Cargo.lock, ...); each needs a reason. */
    @Parameter(property = "ferrule.audit.suppressions",
            defaultValue = "${project.basedir}/src/main/audit/suppressions.json")
    File suppressionsFile;

    /** Run cargo clippy with {@link #clippyLints} and fold its diagnostics into the report. */
    @Parameter(property = "ferrule.audit.clippy", defaultValue = "true")
    boolean clippy;

    /** The rustc and clippy lints to run; empty for Ferrule's FFI set (see the audit rule page). */
    @Parameter
    List<String> clippyLints;

    /** Macros of the crate, besides ferrule-ffi's export!, that wrap the functions they declare in catch_unwind. */
    @Parameter
    List<String> guardMacros;

    /**
     * Path dependencies outside this directory are findings. Defaults to the git work tree that
     * holds the project, or else the directory Maven was started in.
     */
    @Parameter(property = "ferrule.audit.projectRoot")
    File projectRoot;

    @Parameter(defaultValue = "${session.executionRootDirectory}", readonly = true)
    File executionRoot;

    @Parameter(defaultValue = "${plugin.version}", readonly = true)
    String pluginVersion;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Skipping ferrule:audit (ferrule.skip=true).");
            return;
        }
        CargoBuildRequest request = toRequest();
        boolean lockCommitted;
        try {
            lockCommitted = LockFiles.committed(request);
        } catch (CargoException e) {
            MojoErrors.rethrow(e);
            throw new IllegalStateException("unreachable", e);
        }
        FingerprintedBuild.Result built = buildAndExtract(request);
        ExtractedAbi abi = built.abis().get(0);
        if (built.abis().size() > 1) {
            getLog().info("Auditing the ABI of " + abi.snapshotName() + " (the source and Cargo rules cover all).");
        }
        Path base = baseDirectory.toPath().toAbsolutePath().normalize();
        Path root = projectRoot != null ? projectRoot.toPath()
                : ProjectRoots.find(base, executionRoot == null ? base : executionRoot.toPath());
        Auditor.Result result;
        try {
            result = Auditor.audit(new Auditor.Request(abi.model(), built.build().crate(), root, lockCommitted,
                    unsafePattern, guardMacros == null ? Set.of() : Set.copyOf(guardMacros),
                    suppressionsFile.toPath(), base.relativize(suppressionsFile.toPath().toAbsolutePath()
                            .normalize()).toString().replace('\\', '/'),
                    clippy ? ClippyLints.request(built.build(), request, stateDirectory.toPath().resolve("clippy"),
                            clippyLints) : null, failOn));
        } catch (AuditException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        }
        String prefix = base.relativize(request.crateDir()).toString().replace('\\', '/') + "/";
        for (String line : AuditReports.console(result, prefix)) {
            if (result.failed()) {
                getLog().error(line);
            } else {
                getLog().info(line);
            }
        }
        try {
            AuditReports.writeAll(result, pluginVersion, prefix, stateDirectory.toPath());
        } catch (IOException e) {
            throw new MojoExecutionException("Could not write the audit reports to " + stateDirectory + ": "
                    + e.getMessage(), e);
        }
        getLog().info("Audit took " + result.scanMillis() + " ms in Ferrule" + (clippy ? " and "
                + result.clippyMillis() + " ms in cargo clippy" : "") + ". Reports: "
                + base.relativize(stateDirectory.toPath().toAbsolutePath().normalize()
                        .resolve(AuditReports.SARIF_FILE)) + " (also " + AuditReports.JSON_FILE + ")");
        if (result.failed()) {
            throw new MojoFailureException("The audit found problems at or above " + failOn + "; see the findings"
                    + " above. Fix them, or suppress one with a reason: // ferrule-audit: allow(RULE) reason.");
        }
    }
}
