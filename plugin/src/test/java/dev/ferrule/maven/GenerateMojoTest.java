package dev.ferrule.maven;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoExtension;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.plugin.MojoExecutionException;
import org.junit.jupiter.api.Test;

/** Parameter checks of ferrule:generate that must fail before cargo runs. */
@MojoTest
class GenerateMojoTest {

    private static final String MINIMAL = "src/test/resources/unit/minimal/pom.xml";

    @Test
    @InjectMojo(goal = "generate", pom = MINIMAL)
    void anUnknownCrashIsolationModeFailsBeforeTheBuild(GenerateMojo mojo) throws Exception {
        MojoExtension.setVariableValueToObject(mojo, "packageName", "dev.example");
        MojoExtension.setVariableValueToObject(mojo, "crashIsolation", "sometimes");
        // Were the mode not checked first, the missing crate would be the error.
        MojoExtension.setVariableValueToObject(mojo, "crateDir", Path.of("target/no-such-crate").toFile());

        assertThatThrownBy(mojo::execute).isInstanceOf(MojoExecutionException.class)
                .hasMessage("<crashIsolation>: Unknown crash isolation mode 'sometimes'; use one of class, method, off");
    }

    @Test
    @InjectMojo(goal = "generate", pom = MINIMAL)
    void aKnownModePassesTheCheckAndReachesTheBuild(GenerateMojo mojo) throws Exception {
        MojoExtension.setVariableValueToObject(mojo, "packageName", "dev.example");
        MojoExtension.setVariableValueToObject(mojo, "crashIsolation", "method");
        MojoExtension.setVariableValueToObject(mojo, "crateDir", Path.of("target/no-such-crate").toFile());

        assertThatThrownBy(mojo::execute).isInstanceOf(MojoExecutionException.class)
                .hasMessageContaining("no-such-crate");
    }
}
