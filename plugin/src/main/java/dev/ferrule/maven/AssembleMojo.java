package dev.ferrule.maven;

import dev.ferrule.cargo.CargoException;
import dev.ferrule.cargo.NativeAssembler;
import java.io.File;
import java.util.List;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Merges the native libraries of per-platform builds (their jars, or their {@code target/classes})
 * into this build's output, so one jar carries every platform. Refuses, naming them, builds of
 * another crate, builds whose ABI fingerprints differ, and two different libraries for one
 * platform. Bind it to {@code prepare-package} in the job that makes the release jar.
 */
@Mojo(name = "assemble", defaultPhase = LifecyclePhase.PREPARE_PACKAGE, threadSafe = true)
public class AssembleMojo extends AbstractMojo {

    /** The per-platform builds to merge: jars or directories holding META-INF/native. */
    @Parameter(property = "ferrule.natives", required = true)
    List<File> natives;

    /** This build's classes directory, which the jar is made from. */
    @Parameter(defaultValue = "${project.build.outputDirectory}", required = true)
    File outputDirectory;

    /** Where Ferrule keeps its state; the copies' temporary files go there. */
    @Parameter(defaultValue = "${project.build.directory}/ferrule", required = true)
    File stateDirectory;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        NativeAssembler.Result result;
        try {
            result = NativeAssembler.assemble(outputDirectory.toPath(),
                    natives.stream().map(file -> file.toPath().toAbsolutePath().normalize()).toList(),
                    BoundLibrariesLog.read(stateDirectory, getLog()), stateDirectory.toPath());
        } catch (CargoException e) {
            throw new MojoFailureException(e.getMessage(), e);
        }
        getLog().info("Native libraries for " + result.platforms().size() + " platform(s), one ABI ("
                + result.platforms().get(0).abiFingerprint() + "):");
        for (NativeAssembler.PlatformBuild build : result.platforms()) {
            getLog().info("  " + build.platform() + ": " + build.library() + " from " + build.from()
                    + (result.added().contains(build.platform()) ? " (merged)" : ""));
        }
    }
}
