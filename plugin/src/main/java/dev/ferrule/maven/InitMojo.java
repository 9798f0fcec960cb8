package dev.ferrule.maven;

import dev.ferrule.abi.AbiException;
import dev.ferrule.bind.BindingException;
import dev.ferrule.cargo.CargoException;
import dev.ferrule.init.CrateAdoption;
import dev.ferrule.init.InitException;
import dev.ferrule.init.Scaffold;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * Scaffolds a working project in the current directory: the template crate with ferrule-ffi
 * under {@code src/main/rust}, a POM with Ferrule's goals bound to their phases, a JUnit test of
 * the generated bindings, and the initial ABI snapshot in {@code src/main/abi}. {@code mvn verify}
 * passes right after. Run it without a project:
 * {@code mvn dev.ferrule:ferrule-maven-plugin:<version>:init -Dferrule.init.groupId=com.example}.
 *
 * <p>With a crate already there ({@code -Dferrule.init.crateDir=<path>}, or a module with
 * {@code src/main/rust/Cargo.toml}), init adopts it instead: it wires the POM for that crate and
 * writes its first snapshot, and leaves the crate as it is.
 */
@Mojo(name = "init", requiresProject = false, threadSafe = true)
public class InitMojo extends AbstractMojo {

    /** Where the project is written; without a POM, Maven's working directory. */
    @Parameter(property = "ferrule.init.directory", defaultValue = "${session.executionRootDirectory}")
    File directory;

    /** Defaults to the module's groupId, or com.example without a POM. */
    @Parameter(property = "ferrule.init.groupId")
    String groupId;

    /** Defaults to the module's artifactId, or the directory's name without a POM. */
    @Parameter(property = "ferrule.init.artifactId")
    String artifactId;

    @Parameter(property = "ferrule.init.version", defaultValue = "0.1.0-SNAPSHOT")
    String version;

    /** The Rust crate (and library) name, snake_case; defaults to the artifactId with '_' for '-'. */
    @Parameter(property = "ferrule.init.crateName")
    String crateName;

    /** The Java package of the bindings and the sample test; defaults to groupId.crateName. */
    @Parameter(property = "ferrule.init.packageName")
    String packageName;

    /** Overwrite files that exist. Without it, init writes nothing when any of its files exists. */
    @Parameter(property = "ferrule.init.force", defaultValue = "false")
    boolean force;

    /**
     * An existing crate to adopt instead of writing the template: init wires the POM for it
     * (setting {@code <crateDir>} unless it is src/main/rust) and writes its first snapshot, and
     * writes nothing into the crate. Without it, a module's own src/main/rust crate is adopted.
     */
    @Parameter(property = "ferrule.init.crateDir")
    File crateDir;

    /** Write the initial ABI snapshot (builds the crate once). */
    @Parameter(property = "ferrule.init.snapshot", defaultValue = "true")
    boolean snapshot;

    @Parameter(defaultValue = "${plugin.version}", readonly = true)
    String pluginVersion;

    @Parameter(defaultValue = "${project}", readonly = true)
    MavenProject project;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        Path directory = this.directory.toPath().toAbsolutePath().normalize();
        // In an existing module the POM names the project; without one, the directory does.
        boolean module = project != null && project.getFile() != null;
        String group = groupId != null ? groupId : module ? project.getGroupId() : "com.example";
        String artifact = artifactId != null ? artifactId
                : module ? project.getArtifactId() : Scaffold.artifactIdFor(directory);
        if (crateDir != null || CrateAdoption.hasCrate(directory)) {
            Path crate = crateDir != null ? directory.resolve(crateDir.toPath()).normalize()
                    : directory.resolve(CrateAdoption.DEFAULT_CRATE_DIR);
            adopt(directory, crate, group, artifact);
            return;
        }
        String crate = crateName != null ? crateName : Scaffold.crateNameFor(artifact);
        String javaPackage = packageName != null ? packageName : group + "." + crate;
        List<Path> written;
        List<String> pomChanges;
        try {
            Scaffold.Result result = Scaffold.write(new Scaffold.Request(directory, group, artifact, version, crate,
                    javaPackage, pluginVersion, force));
            written = new ArrayList<>(result.written());
            pomChanges = result.pomChanges();
        } catch (InitException e) {
            throw new MojoFailureException(e.getMessage(), e);
        }
        if (snapshot) {
            written.addAll(firstSnapshots(directory, directory.resolve(CrateAdoption.DEFAULT_CRATE_DIR)));
        }
        getLog().info("Created " + artifact + " (crate " + crate + ", package " + javaPackage + "):");
        written.forEach(file -> getLog().info("  " + file));
        logPomChanges(pomChanges);
        getLog().info("Next: mvn verify (builds the crate, generates the bindings, runs the Rust and Java tests,"
                + " checks the ABI against the snapshot and audits the boundary). "
                + (snapshot ? "Commit src/main/abi and Cargo.lock." : "Then run mvn ferrule:snapshot and commit"
                        + " src/main/abi."));
    }

    private void adopt(Path directory, Path crateDir, String group, String artifact)
            throws MojoExecutionException, MojoFailureException {
        CrateAdoption.Result result;
        try {
            CrateAdoption.Crate crate = CrateAdoption.inspect(crateDir);
            result = CrateAdoption.write(new CrateAdoption.Request(directory, crateDir, group, artifact, version,
                    packageName, pluginVersion, force), crate);
        } catch (InitException e) {
            throw new MojoFailureException(e.getMessage(), e);
        }
        result.summary(snapshot ? firstSnapshots(directory, crateDir) : null).forEach(getLog()::info);
    }

    private List<Path> firstSnapshots(Path directory, Path crateDir) throws MojoExecutionException,
            MojoFailureException {
        try {
            return Scaffold.writeFirstSnapshots(directory, crateDir, new MavenBuildLog(getLog()));
        } catch (AbiException | BindingException e) {
            throw new MojoFailureException("The project was written, but its first ABI snapshot failed: "
                    + e.getMessage(), e);
        } catch (CargoException e) {
            MojoErrors.rethrow(e);
            throw new IllegalStateException("unreachable", e);
        }
    }

    private void logPomChanges(List<String> pomChanges) {
        if (!pomChanges.isEmpty()) {
            getLog().info("Added to pom.xml:");
            pomChanges.forEach(change -> getLog().info("  " + change));
        }
    }
}
