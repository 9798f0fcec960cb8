package dev.ferrule.maven;

import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * Builds the Rust crate with cargo and packs its cdylib, a {@code .sha256} and a
 * {@code build-info.json} into {@code META-INF/native/<os>-<arch>/} of the classes directory.
 * cargo is not started at all when no Rust input, feature, profile or toolchain changed.
 */
@Mojo(name = "build", defaultPhase = LifecyclePhase.GENERATE_SOURCES, threadSafe = true)
public class BuildMojo extends AbstractCargoMojo {

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Skipping ferrule:build (ferrule.skip=true).");
            return;
        }
        runBuild(toRequest());
    }
}
