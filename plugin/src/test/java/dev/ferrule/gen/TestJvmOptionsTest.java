package dev.ferrule.gen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ferrule.gen.TestJvmOptions.CrashIsolation;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class TestJvmOptionsTest {

    private static final Path CRASH_DIR = Path.of("/p/target/ferrule/crash");

    @Test
    void isolationTurnsOnTheAutodetectedExtensionWithItsMode() {
        assertThat(TestJvmOptions.argLine(25, CRASH_DIR, CrashIsolation.CLASS)).isEqualTo(
                NativeAccess.argLine(25, CRASH_DIR)
                        + " -Djunit.jupiter.extensions.autodetection.enabled=true -Dferrule.crashIsolation=class");
        assertThat(TestJvmOptions.argLine(22, CRASH_DIR, CrashIsolation.METHOD))
                .endsWith(" -Dferrule.crashIsolation=method");
    }

    @Test
    void offLeavesOnlyNativeAccess() {
        assertThat(TestJvmOptions.argLine(25, CRASH_DIR, CrashIsolation.OFF))
                .isEqualTo(NativeAccess.argLine(25, CRASH_DIR))
                .doesNotContain("autodetection");
    }

    @Test
    void parsesModesAndNamesTheChoicesForAnUnknownOne() {
        assertThat(CrashIsolation.parse(" Method ")).isEqualTo(CrashIsolation.METHOD);
        assertThatThrownBy(() -> CrashIsolation.parse("sometimes"))
                .hasMessage("Unknown crash isolation mode 'sometimes'; use one of class, method, off");
    }
}
