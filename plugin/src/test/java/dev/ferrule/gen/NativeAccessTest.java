package dev.ferrule.gen;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NativeAccessTest {

    @Test
    void denyIsAddedOnlyWhereTheJvmKnowsIt() {
        assertThat(NativeAccess.argLine(22)).isEqualTo("--enable-native-access=ALL-UNNAMED");
        assertThat(NativeAccess.argLine(23)).doesNotContain("illegal-native-access");
        assertThat(NativeAccess.argLine(24))
                .isEqualTo("--enable-native-access=ALL-UNNAMED --illegal-native-access=deny");
    }

    @Test
    void crashReportsGoUnderTheBuildDirectory() {
        assertThat(NativeAccess.argLine(25, Path.of("/p/target/ferrule/crash"))).isEqualTo(
                "--enable-native-access=ALL-UNNAMED --illegal-native-access=deny"
                        + " -XX:ErrorFile=/p/target/ferrule/crash/hs_err_pid%p.log");
        assertThat(NativeAccess.argLine(22, Path.of("/my project/target/ferrule/crash")))
                .endsWith(" '-XX:ErrorFile=/my project/target/ferrule/crash/hs_err_pid%p.log'");
    }

    @Test
    void releaseComesFromTheJdksReleaseFile(@TempDir Path jdk) throws IOException {
        Files.createDirectories(jdk.resolve("bin"));
        Files.writeString(jdk.resolve("release"), "IMPLEMENTOR=\"Eclipse Adoptium\"\nJAVA_VERSION=\"25.0.1\"\n");
        assertThat(NativeAccess.featureRelease(jdk.resolve("bin/java"))).contains(25);

        Files.writeString(jdk.resolve("release"), "JAVA_VERSION=\"22\"\n");
        assertThat(NativeAccess.featureRelease(jdk.resolve("bin/java"))).contains(22);
    }

    @Test
    void unknownReleaseIsEmpty(@TempDir Path jdk) throws IOException {
        assertThat(NativeAccess.featureRelease(jdk.resolve("bin/java"))).isEmpty();
        Files.writeString(jdk.resolve("release"), "IMPLEMENTOR=\"nobody\"\n");
        assertThat(NativeAccess.featureRelease(jdk.resolve("bin/java"))).isEmpty();
    }
}
