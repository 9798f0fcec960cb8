package dev.ferrule.maven;

import dev.ferrule.cargo.CargoException;
import dev.ferrule.cargo.PlatformJars;
import java.io.File;
import java.util.List;
import javax.inject.Inject;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.apache.maven.project.MavenProjectHelper;

/**
 * Packs each platform's native library into a jar of its own and attaches it with the
 * classifier {@code natives-<platform>}: the alternative to one jar with every platform.
 * Applications depend on the main jar and the classifier of the platform they run on. To keep
 * the libraries out of the main jar, exclude {@code META-INF/native/**} in maven-jar-plugin.
 */
@Mojo(name = "platform-jars", defaultPhase = LifecyclePhase.PACKAGE, threadSafe = true)
public class PlatformJarsMojo extends AbstractMojo {

    /** The classes directory holding META-INF/native (after ferrule:build, and assemble if used). */
    @Parameter(defaultValue = "${project.build.outputDirectory}", required = true)
    File outputDirectory;

    /** Where the jars are written. */
    @Parameter(defaultValue = "${project.build.directory}", required = true)
    File jarDirectory;

    /** The main jar's name without extension; each platform jar adds -natives-&lt;platform&gt;. */
    @Parameter(defaultValue = "${project.build.finalName}", required = true)
    String finalName;

    /** Where ferrule:generate recorded which libraries the bindings were generated with. */
    @Parameter(defaultValue = "${project.build.directory}/ferrule", required = true)
    File stateDirectory;

    /** Maven's reproducible-builds timestamp; without it the jars carry a fixed time. */
    @Parameter(defaultValue = "${project.build.outputTimestamp}")
    String outputTimestamp;

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    MavenProject project;

    @Inject
    MavenProjectHelper projectHelper;

    @Override
    public void execute() throws MojoFailureException {
        List<PlatformJars.PlatformJar> jars;
        try {
            jars = PlatformJars.write(outputDirectory.toPath(), jarDirectory.toPath(), finalName,
                    PlatformJars.timestamp(outputTimestamp), BoundLibrariesLog.read(stateDirectory, getLog()));
        } catch (CargoException e) {
            throw new MojoFailureException(e.getMessage(), e);
        }
        getLog().info("Platform jars (" + jars.size() + "):");
        for (PlatformJars.PlatformJar jar : jars) {
            projectHelper.attachArtifact(project, "jar", jar.classifier(), jar.jar().toFile());
            getLog().info("  " + jar.classifier() + ": " + jar.jar().getFileName() + " (" + jar.library() + ")");
        }
    }
}
