package dev.ferrule.maven;

import dev.ferrule.abi.AbiException;
import dev.ferrule.abi.AbiSnapshots;
import dev.ferrule.abi.ExtractedAbi;
import dev.ferrule.abi.FingerprintedBuild;
import dev.ferrule.bind.BindingException;
import dev.ferrule.bind.BindingSnapshots;
import java.io.File;
import java.nio.file.Path;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Writes the crate's exported C ABI, and the Java API generated from it with its
 * {@code [package.metadata.ferrule]}, to {@code src/main/abi/<lib>-<triple>[-<features>].abi.json},
 * one file per target and feature set, for committing next to the code. Builds first (skipping
 * cargo when nothing changed) so the snapshot matches the current sources.
 */
@Mojo(name = "snapshot", threadSafe = true)
public class SnapshotMojo extends AbstractCargoMojo {

    /** Where snapshots are written. */
    @Parameter(property = "ferrule.abiDirectory", defaultValue = "${project.basedir}/src/main/abi")
    File abiDirectory;

    /**
     * Replace a snapshot that a newer Ferrule wrote (a higher schema version). Without it such a
     * snapshot is left alone and the goal fails, since rewriting it would drop what it records.
     */
    @Parameter(property = "ferrule.snapshot.overwriteNewer", defaultValue = "false")
    boolean overwriteNewer;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Skipping ferrule:snapshot (ferrule.skip=true).");
            return;
        }
        try {
            FingerprintedBuild.Result built = buildAndExtract(toRequest());
            for (ExtractedAbi abi : built.abis()) {
                Path file = AbiSnapshots.fileFor(abiDirectory.toPath(), abi.snapshotName());
                boolean changed = BindingSnapshots.write(file, abi.model(), built.build().crate().ferruleMetadata(),
                        overwriteNewer, stateDirectory.toPath());
                String shown = baseDirectory.toPath().relativize(file.toAbsolutePath()).toString();
                getLog().info((changed ? "Wrote " : "Unchanged: ") + shown);
                AbiSnapshots.summary(abi.snapshotName(), abi.model()).lines().forEach(getLog()::info);
            }
        } catch (AbiException e) {
            throw new MojoFailureException(e.getMessage(), e);
        } catch (BindingException e) {
            throw new MojoFailureException("The snapshot records the Java API, which cannot be built: "
                    + e.getMessage(), e);
        }
    }
}
