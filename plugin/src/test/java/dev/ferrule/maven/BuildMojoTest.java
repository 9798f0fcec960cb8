package dev.ferrule.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ferrule.cargo.CargoBuildRequest;
import java.nio.file.Path;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoExtension;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;

/** Parameter handling of ferrule:build, with the Mojo configured from a real POM by the harness. */
@MojoTest
class BuildMojoTest {

    private static final String CONFIGURED = "src/test/resources/unit/configured/pom.xml";
    private static final String MINIMAL = "src/test/resources/unit/minimal/pom.xml";

    @Test
    @InjectMojo(goal = "build", pom = CONFIGURED)
    void pomConfigurationReachesTheCoreRequest(BuildMojo mojo) throws Exception {
        MojoExtension.setVariableValueToObject(mojo, "projectVersion", "1.2.3-SNAPSHOT");

        CargoBuildRequest request = mojo.toRequest();

        assertThat(request.crateDir()).isEqualTo(Path.of(CONFIGURED).toAbsolutePath().getParent().resolve("rust"));
        assertThat(request.features().features()).containsExactly("alpha", "beta");
        assertThat(request.features().noDefaultFeatures()).isTrue();
        assertThat(request.profile()).isEqualTo("dev");
        assertThat(request.targets()).containsExactly("x86_64-unknown-linux-gnu");
        assertThat(request.extraArgs()).containsExactly("--offline");
        assertThat(request.env()).containsEntry("RUSTFLAGS", "-Cdebuginfo=0");
        assertThat(request.allowedUnsafe()).containsEntry("unsafe-fast", "measured");
        assertThat(request.release()).isFalse();
    }

    @Test
    @InjectMojo(goal = "build", pom = CONFIGURED)
    void versionWithoutSnapshotIsARelease(BuildMojo mojo) throws Exception {
        MojoExtension.setVariableValueToObject(mojo, "projectVersion", "1.2.3");
        assertThat(mojo.toRequest().release()).isTrue();

        MojoExtension.setVariableValueToObject(mojo, "release", Boolean.FALSE);
        assertThat(mojo.toRequest().release()).isFalse();
    }

    @Test
    @InjectMojo(goal = "build", pom = MINIMAL)
    void defaultsAreReleaseProfileHostTargetAndUnsafePattern(BuildMojo mojo) throws Exception {
        MojoExtension.setVariableValueToObject(mojo, "projectVersion", "0.1.0-SNAPSHOT");
        MojoExtension.setVariableValueToObject(mojo, "baseDirectory", Path.of(MINIMAL).toAbsolutePath().getParent().toFile());

        CargoBuildRequest request = mojo.toRequest();

        assertThat(request.profile()).isEqualTo("release");
        assertThat(request.features().features()).isEmpty();
        assertThat(request.unsafePattern()).isEqualTo("unsafe-*");
        assertThat(request.targets()).isEmpty();
    }

    @Test
    @InjectMojo(goal = "build", pom = MINIMAL)
    void skipDoesNothing(BuildMojo mojo) throws Exception {
        MojoExtension.setVariableValueToObject(mojo, "skip", true);
        MojoExtension.setVariableValueToObject(mojo, "crateDir", Path.of("does-not-exist").toFile());

        mojo.execute();

        assertThat(Path.of("does-not-exist")).doesNotExist();
    }

    @Test
    @InjectMojo(goal = "build", pom = MINIMAL)
    void missingCrateIsAConfigurationError(BuildMojo mojo) throws Exception {
        MojoExtension.setVariableValueToObject(mojo, "crateDir", Path.of("target/no-such-crate").toFile());

        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoExecutionException.class)
                .hasMessageContaining("no-such-crate does not exist");
    }

    @Test
    @InjectMojo(goal = "build", pom = CONFIGURED)
    void contradictoryParametersAreAConfigurationError(BuildMojo mojo) throws Exception {
        MojoExtension.setVariableValueToObject(mojo, "allFeatures", true);
        MojoExtension.setVariableValueToObject(mojo, "crateDir", Path.of("src/test/rust/features").toFile());

        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoExecutionException.class)
                .hasMessageContaining("<allFeatures> enables every feature");
    }

    @Test
    @InjectMojo(goal = "build", pom = CONFIGURED)
    void allowanceWithoutReasonIsAConfigurationError(BuildMojo mojo) throws Exception {
        AllowUnsafeFeature allowance = new AllowUnsafeFeature();
        allowance.setName("unsafe-fast");
        MojoExtension.setVariableValueToObject(mojo, "allowUnsafeFeatures", java.util.List.of(allowance));
        MojoExtension.setVariableValueToObject(mojo, "crateDir", Path.of("src/test/rust/features").toFile());
        MojoExtension.setVariableValueToObject(mojo, "features", java.util.List.of());
        MojoExtension.setVariableValueToObject(mojo, "noDefaultFeatures", false);

        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoExecutionException.class)
                .hasMessageContaining("'unsafe-fast' has no <reason>");
    }

    @Test
    @InjectMojo(goal = "build", pom = MINIMAL)
    void releaseWithRiskyFeatureIsABuildFailure(BuildMojo mojo) throws Exception {
        MojoExtension.setVariableValueToObject(mojo, "crateDir", Path.of("src/test/rust/features").toFile());
        MojoExtension.setVariableValueToObject(mojo, "features", java.util.List.of("unsafe-fast"));
        MojoExtension.setVariableValueToObject(mojo, "release", Boolean.TRUE);

        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("enables risky feature(s) [unsafe-fast]");
    }
}
