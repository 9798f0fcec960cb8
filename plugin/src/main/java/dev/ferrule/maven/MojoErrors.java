package dev.ferrule.maven;

import dev.ferrule.cargo.CargoException;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;

/**
 * Maps core failures to Maven's two kinds: a configuration the user must fix is a
 * {@link MojoExecutionException}; a build or policy failure is a {@link MojoFailureException}.
 */
final class MojoErrors {

    private MojoErrors() {
    }

    static void rethrow(CargoException e) throws MojoExecutionException, MojoFailureException {
        if (e.kind() == CargoException.Kind.INVALID_INPUT) {
            throw new MojoExecutionException(e.getMessage(), e);
        }
        throw new MojoFailureException(e.getMessage(), e);
    }
}
